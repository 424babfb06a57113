/** The signed-in person as the platform knows them: name, address, organisation, role, access. */
import { Badge, Card, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../shared/auth.contract.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { useCountryName } from '../reference/countries.queries.ts';

export function MyDetails({ session }: { session: Session }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countryName = useCountryName();
  const { user } = session;
  const organisation = [user.organisation.name, countryName(user.organisation.party)]
    .filter(Boolean)
    .join(' — ');
  const rows: [string, ReactNode][] = [
    [t('account.name'), `${user.firstName} ${user.lastName}`],
    [t('account.email'), user.email],
    [t('account.organisation'), organisation],
    [t('account.organisationKind'), t(`organisationKinds.${user.organisation.kind}`)],
    [t('account.role'), t(`roles.${user.role}`)],
    [
      t('account.itdAccess'),
      <Badge key="itd" color={user.hasItdAccess ? 'teal' : 'gray'} variant="light" tt="none">
        {user.hasItdAccess ? t('common.yes') : t('common.no')}
      </Badge>,
    ],
    [t('account.language'), t(`language.${user.language}`)],
    [t('account.sessionExpires'), formatDateTime(session.expiresAt, language)],
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="my-details-title">
      <Title order={2} size="h3" mb="sm" id="my-details-title">
        {t('account.detailsTitle')}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder className="itd-details-table">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
