/**
 * Approval of a registration: the organisation the person joins (an existing one, or a new one created with the
 * approval), their role (only those the organisation's kind allows: ORGANISATION_KIND_ROLES) and whether they get
 * ITD access (never for IGOs, DESIGN §2).
 */
import { Button, Checkbox, Group, Radio, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind, Role } from '../../../shared/actor.ts';
import { ORGANISATION_KIND_ROLES } from '../../../shared/permissions.ts';
import type { Registration } from '../../../shared/registration.contract.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useFormErrors, type FieldErrors } from '../../ui/forms.ts';
import { useCountryName } from '../reference/countries.queries.ts';
import { useOrganisations, type RegistrationDecision } from './admin.api.ts';
import {
  checkOrganisation,
  OrganisationFields,
  toNewOrganisation,
  type OrganisationDraft,
} from './organisation-fields.tsx';

type Approval = Extract<RegistrationDecision, { kind: 'approve' }>['body'];
const FIELDS = ['organisationId', 'newOrganisation', 'role', 'itdAccess'] as const;

export interface ApproveFormProps {
  registration: Registration;
  isPending: boolean;
  error: unknown;
  onSubmit: (body: Approval) => void;
  onCancel: () => void;
}

export function ApproveForm({ registration, isPending, error, onSubmit, onCancel }: ApproveFormProps) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const organisations = useOrganisations();
  // Until the reviewer chooses: an existing organisation when the request's country has one, else a new one.
  const [chosenMode, setMode] = useState<'existing' | 'new' | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [draft, setDraft] = useState<OrganisationDraft>({
    name: registration.organisation,
    kind: 'party',
    party: registration.country,
    authorityType: '',
  });
  const [role, setRole] = useState<Role>('member');
  const [itdAccess, setItdAccess] = useState(registration.requestsItdAccess);
  const errors = useFormErrors(error);
  const hasOrganisationInCountry = (organisations.data?.items ?? []).some(
    (organisation) => organisation.party === registration.country,
  );
  const mode = chosenMode ?? (hasOrganisationInCountry ? 'existing' : 'new');

  const existing = organisations.data?.items.find((organisation) => organisation.id === organisationId);
  const kind: OrganisationKind | null = mode === 'existing' ? (existing?.kind ?? null) : draft.kind;
  const roles = kind ? ORGANISATION_KIND_ROLES[kind] : ORGANISATION_KIND_ROLES.iccwc;
  const effectiveRole = roles.includes(role) ? role : 'member';
  const isItdPossible = kind !== 'igo';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let found: FieldErrors = {};
    if (mode === 'existing' && !organisationId) found.organisationId = t('form.required');
    if (mode === 'new') {
      found = Object.fromEntries(
        Object.entries(checkOrganisation(draft, t)).map(([field, message]) => [
          `newOrganisation.${field}`,
          message,
        ]),
      );
    }
    errors.setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    onSubmit({
      ...(mode === 'existing' && organisationId
        ? { organisationId }
        : { newOrganisation: toNewOrganisation(draft) }),
      role: effectiveRole,
      itdAccess: isItdPossible && itdAccess,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('registrations.approveTitle')}>
      <Stack gap="md">
        <Radio.Group
          label={t('registrations.organisationChoice')}
          value={mode}
          onChange={(value) => setMode(value === 'new' ? 'new' : 'existing')}
        >
          <Group gap="lg" mt="xs">
            <Radio value="existing" label={t('registrations.existingOrganisation')} />
            <Radio value="new" label={t('registrations.newOrganisation')} />
          </Group>
        </Radio.Group>
        {mode === 'existing' ? (
          <Select
            label={t('registrations.organisation')}
            placeholder={t('registrations.organisationPlaceholder', {
              organisation: registration.organisation,
            })}
            searchable
            required
            nothingFoundMessage={t('registrations.noOrganisation')}
            data={(organisations.data?.items ?? []).map((organisation) => ({
              value: organisation.id,
              label: [organisation.name, countryName(organisation.party)].filter(Boolean).join(' — '),
            }))}
            value={organisationId}
            onChange={(id) => {
              setOrganisationId(id);
              errors.markEdited('organisationId');
            }}
            error={errors.errorOf('organisationId')}
          />
        ) : (
          <OrganisationFields
            value={draft}
            onChange={(next, field) => {
              setDraft(next);
              errors.markEdited(`newOrganisation.${field}`);
            }}
            errorOf={(field) => errors.errorOf(`newOrganisation.${field}`)}
          />
        )}
        {mode === 'existing' && kind ? (
          <Text size="sm" c="dimmed">
            {t('registrations.kindIs', { kind: t(`organisationKinds.${kind}`) })}
          </Text>
        ) : null}
        <Select
          label={t('registrations.role')}
          description={t('registrations.roleHint')}
          required
          allowDeselect={false}
          data={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={effectiveRole}
          onChange={(value) => setRole(value ?? 'member')}
          error={errors.errorOf('role')}
        />
        <Checkbox
          label={t('registrations.itdAccess')}
          description={isItdPossible ? t('registrations.itdAccessHint') : t('registrations.itdAccessIgo')}
          checked={isItdPossible && itdAccess}
          disabled={!isItdPossible}
          onChange={(event) => setItdAccess(event.currentTarget.checked)}
        />
        <FormError error={error} fields={FIELDS} />
        <Group gap="sm">
          <Button type="submit" color="teal" loading={isPending}>
            {t('registrations.approveSubmit')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={isPending}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
