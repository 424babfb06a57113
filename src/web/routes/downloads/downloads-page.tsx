/**
 * /downloads — "My downloads": every file the user took out of the ITD (the download register), with the Parties
 * whose data it holds, and the attestation the terms ask for once every copy is deleted.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadListSchema, downloadSchema, type Download } from '../../../shared/exports.contract.ts';
import { apiGet, apiPost } from '../../api/client.ts';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';

const today = () => new Date().toISOString().slice(0, 10);

export function DownloadsPage() {
  return (
    <RequireSession>
      <Downloads />
    </RequireSession>
  );
}

function Downloads() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('exports.downloads.title')} — ${t('app.name')}`);
  const downloads = useQuery({
    queryKey: ['downloads'],
    queryFn: ({ signal }) => apiGet('/api/v1/downloads', downloadListSchema, { signal }),
  });
  const [attesting, setAttesting] = useState<Download | null>(null);
  const items = downloads.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1}>{t('exports.downloads.title')}</Title>
      <Text>{t('exports.downloads.intro')}</Text>
      {downloads.isError ? (
        <ErrorAlert error={downloads.error} onRetry={() => void downloads.refetch()} />
      ) : null}
      {items.length === 0 && downloads.isSuccess ? <Text>{t('exports.downloads.none')}</Text> : null}
      {items.length > 0 ? (
        <Table striped data-testid="downloads-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exports.downloads.when')}</Table.Th>
              <Table.Th>{t('exports.downloads.what')}</Table.Th>
              <Table.Th>{t('exports.downloads.rows')}</Table.Th>
              <Table.Th>{t('exports.downloads.parties')}</Table.Th>
              <Table.Th>{t('exports.downloads.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-export-id={item.id}>
                <Table.Td>{item.createdAt.slice(0, 16).replace('T', ' ')}</Table.Td>
                <Table.Td>
                  {t(`exports.downloads.kinds.${item.kind}`)} · {item.format.toUpperCase()}
                  {item.groupBy
                    ? ` · ${t(`exports.groups.${item.groupBy}`, { defaultValue: item.groupBy })}`
                    : ''}
                </Table.Td>
                <Table.Td>{item.rowCount ?? '—'}</Table.Td>
                <Table.Td>{item.parties.join(', ')}</Table.Td>
                <Table.Td>
                  {item.deletedAttestedAt ? (
                    <Badge color="green">{t('exports.downloads.deletedOn', { date: item.deletedOn })}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setAttesting(item)}
                      data-testid="attest-open"
                    >
                      {t('exports.downloads.markDeleted')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {attesting ? <AttestDialog download={attesting} onClose={() => setAttesting(null)} /> : null}
    </Stack>
  );
}

function AttestDialog({ download, onClose }: { download: Download; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [deletedOn, setDeletedOn] = useState(today());
  const [statement, setStatement] = useState('');
  const attest = useMutation({
    mutationFn: () =>
      apiPost(
        `/api/v1/downloads/${download.id}/deleted`,
        { deletedOn, ...(statement.trim() ? { statement: statement.trim() } : {}) },
        downloadSchema,
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['downloads'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('exports.downloads.attestTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('exports.downloads.attestText')}</Text>
        <TextInput
          type="date"
          label={t('exports.downloads.deletedOnLabel')}
          value={deletedOn}
          max={today()}
          onChange={(event) => setDeletedOn(event.currentTarget.value)}
        />
        <Textarea
          label={t('exports.downloads.statement')}
          value={statement}
          onChange={(event) => setStatement(event.currentTarget.value)}
          maxLength={1000}
        />
        {attest.isError ? <Alert color="red">{attest.error.message}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('exports.close')}
          </Button>
          <Button onClick={() => attest.mutate()} loading={attest.isPending} data-testid="attest-confirm">
            {t('exports.downloads.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
