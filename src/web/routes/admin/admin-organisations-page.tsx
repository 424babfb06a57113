/** /admin/organisations — every organisation (kind, Party, authority type, number of users) and a new one. */
import { Alert, Button, Stack, Table, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateOrganisation, useOrganisations } from '../../features/admin/admin.api.ts';
import {
  checkOrganisation,
  OrganisationFields,
  toNewOrganisation,
  type OrganisationDraft,
} from '../../features/admin/organisation-fields.tsx';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { useCountryName } from '../../features/reference/countries.queries.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { useFormErrors } from '../../ui/forms.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { SectionCard } from '../../ui/section-card.tsx';

export function AdminOrganisationsPage() {
  return (
    <RequireSession abilities={['organisation.manage']}>
      <Organisations />
    </RequireSession>
  );
}

function Organisations() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('organisations.title')} — ${t('app.name')}`);
  const organisations = useOrganisations();
  const countryName = useCountryName();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('organisations.title')}</Title>
      <NewOrganisation />
      {organisations.isPending ? <PageLoader label={t('common.loading')} /> : null}
      {organisations.isError ? (
        <ErrorAlert error={organisations.error} onRetry={() => void organisations.refetch()} />
      ) : null}
      {organisations.data ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder className="itd-admin-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisations.name')}</Table.Th>
                <Table.Th>{t('organisations.kind')}</Table.Th>
                <Table.Th>{t('organisations.party')}</Table.Th>
                <Table.Th>{t('organisations.authorityType')}</Table.Th>
                <Table.Th ta="right">{t('organisations.users')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organisations.data.items.map((organisation) => (
                <Table.Tr key={organisation.id} data-testid="organisation-row">
                  <Table.Td fw={600}>{organisation.name}</Table.Td>
                  <Table.Td>{t(`organisationKinds.${organisation.kind}`)}</Table.Td>
                  <Table.Td>{countryName(organisation.party) || '—'}</Table.Td>
                  <Table.Td>{organisation.authorityType ?? '—'}</Table.Td>
                  <Table.Td ta="right">{organisation.userCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

const EMPTY: OrganisationDraft = { name: '', kind: 'party', party: null, authorityType: '' };

function NewOrganisation() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const create = useCreateOrganisation();
  const errors = useFormErrors(create.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkOrganisation(draft, t);
    errors.setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(toNewOrganisation(draft), {
      onSuccess: (organisation) => {
        setDraft(EMPTY);
        setCreated(organisation.name);
      },
    });
  };

  return (
    <SectionCard
      id="new-organisation-title"
      title={t('organisations.newTitle')}
      intro={t('organisations.newIntro')}
      titleSize="h4"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <OrganisationFields
            value={draft}
            onChange={(next, field) => {
              setDraft(next);
              setCreated(null);
              errors.markEdited(field);
            }}
            errorOf={errors.errorOf}
          />
          <FormError error={create.error} fields={['name', 'kind', 'party', 'authorityType']} />
          {created ? (
            <Alert color="teal" variant="light" role="status">
              {t('organisations.created', { name: created })}
            </Alert>
          ) : null}
          <Button type="submit" loading={create.isPending} w="fit-content">
            {t('organisations.create')}
          </Button>
        </Stack>
      </form>
    </SectionCard>
  );
}
