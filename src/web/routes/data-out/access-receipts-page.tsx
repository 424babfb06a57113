/**
 * /access-receipts — a Party's focal points see which organisations searched, viewed or downloaded their Party's
 * records, when and how many (never who); the Secretariat picks the Party. The monthly e-mail summary can be turned
 * off here.
 */
import { Alert, Badge, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { useSignedInSession } from '../../features/auth/session.queries.ts';
import {
  useAccessReceipts,
  useReceiptPreferences,
  useSetReceiptPreferences,
} from '../../features/exports/data-out.api.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function AccessReceiptsPage() {
  return (
    <RequireSession abilities={['access.receipts']}>
      <AccessReceipts />
    </RequireSession>
  );
}

function AccessReceipts() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('exports.receipts.title')} — ${t('app.name')}`);
  const session = useSignedInSession();
  const isSecretariat = session?.user.organisation.kind === 'secretariat';
  const [party, setParty] = useState('');
  const asked = isSecretariat ? (/^[A-Za-z]{2}$/.test(party) ? party.toUpperCase() : null) : null;
  const receipts = useAccessReceipts(asked, !isSecretariat || asked !== null);
  const list = receipts.data;
  return (
    <Stack gap="md">
      <Title order={1}>{t('exports.receipts.title')}</Title>
      <Text>{t('exports.receipts.intro')}</Text>
      <SummarySwitch />
      {isSecretariat ? (
        <TextInput
          label={t('exports.receipts.party')}
          value={party}
          maxLength={2}
          w={160}
          onChange={(event) => setParty(event.currentTarget.value)}
        />
      ) : null}
      {receipts.isError ? (
        <ErrorAlert error={receipts.error} onRetry={() => void receipts.refetch()} />
      ) : null}
      {list ? (
        <Text size="sm">
          {t('exports.receipts.period', { party: list.party, from: list.from, to: list.to })}
        </Text>
      ) : null}
      {list && list.organisations.length === 0 ? <Text>{t('exports.receipts.none')}</Text> : null}
      {list && list.organisations.length > 0 ? (
        <>
          <Title order={2}>{t('exports.receipts.byOrganisation')}</Title>
          <Table striped data-testid="receipts-organisations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exports.receipts.organisation')}</Table.Th>
                <Table.Th>{t('exports.receipts.searched')}</Table.Th>
                <Table.Th>{t('exports.receipts.viewed')}</Table.Th>
                <Table.Th>{t('exports.receipts.downloaded')}</Table.Th>
                <Table.Th>{t('exports.receipts.lastDay')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.organisations.map((row) => (
                <Table.Tr key={`${row.organisationKind}:${row.organisationName}`}>
                  <Table.Td>
                    <Group gap="xs">
                      <span>{row.organisationName}</span>
                      <Badge variant="light" size="sm">
                        {t(`exports.receipts.kinds.${row.organisationKind}`)}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>{row.searched}</Table.Td>
                  <Table.Td>{row.viewed}</Table.Td>
                  <Table.Td>{row.downloaded}</Table.Td>
                  <Table.Td>{row.lastDay}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={2}>{t('exports.receipts.byDay')}</Title>
          <Table striped data-testid="receipts-days">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exports.receipts.day')}</Table.Th>
                <Table.Th>{t('exports.receipts.organisation')}</Table.Th>
                <Table.Th>{t('exports.receipts.what')}</Table.Th>
                <Table.Th>{t('exports.receipts.times')}</Table.Th>
                <Table.Th>{t('exports.receipts.records')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((item) => (
                <Table.Tr key={`${item.day}:${item.organisationName}:${item.kind}`}>
                  <Table.Td>{item.day}</Table.Td>
                  <Table.Td>{item.organisationName}</Table.Td>
                  <Table.Td>{t(`exports.receipts.actions.${item.kind}`)}</Table.Td>
                  <Table.Td>{item.events}</Table.Td>
                  <Table.Td>{item.records}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}

function SummarySwitch() {
  const { t } = useTranslation();
  const preferences = useReceiptPreferences();
  const change = useSetReceiptPreferences();
  if (!preferences.data) return null;
  return (
    <Stack gap={4}>
      <Switch
        checked={preferences.data.monthlySummary}
        label={t('exports.receipts.summary')}
        description={t('exports.receipts.summaryHelp')}
        disabled={change.isPending}
        onChange={(event) => change.mutate({ monthlySummary: event.currentTarget.checked })}
        data-testid="receipts-summary"
      />
      {change.isError ? <Alert color="red">{change.error.message}</Alert> : null}
    </Stack>
  );
}
