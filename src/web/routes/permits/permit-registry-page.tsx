/**
 * /permits/registry — for a Party's Management Authority (and Secretariat data officers): load permits from a file,
 * report one lost, stolen or cancelled, and see who verified the Party's permits (organisation and date).
 */
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  List,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarkableStatus } from '../../../shared/permits.contract.ts';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { AlertGroupsField } from '../../features/permits/alert-groups-field.tsx';
import { useImportPermits, useMarkPermit, useReceipts } from '../../features/permits/permits.api.ts';
import { StampRangeForm } from '../../features/permits/stamp-range-form.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function PermitRegistryPage() {
  return (
    <RequireSession abilities={['permit.import']}>
      <Registry />
    </RequireSession>
  );
}

function Registry() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('permits.importTitle')} — ${t('app.name')}`);
  const [party, setParty] = useState('');
  const chosen = party.trim() ? party.trim().toUpperCase() : null;
  return (
    <Stack gap="lg" maw={720}>
      <TextInput
        label={t('permits.party')}
        maxLength={2}
        value={party}
        onChange={(e) => setParty(e.currentTarget.value)}
        w={220}
      />
      <ImportSection party={chosen} />
      <MarkSection party={chosen} />
      <StampRangeForm party={chosen} />
      <ReceiptsSection party={chosen} />
    </Stack>
  );
}

function ImportSection({ party }: { party: string | null }) {
  const { t } = useTranslation();
  const upload = useImportPermits();
  const [file, setFile] = useState<File | null>(null);
  const summary = upload.data;
  return (
    <Stack gap="xs" component="section">
      <Title order={1}>{t('permits.importTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('permits.importIntro')}{' '}
        <Anchor href="/api/v1/permits/template.csv">{t('permits.template')}</Anchor>
      </Text>
      <FileInput
        label={t('permits.file')}
        accept=".xml,.csv,.xlsx"
        value={file}
        onChange={setFile}
        clearable
      />
      <Button
        w="fit-content"
        disabled={file === null}
        loading={upload.isPending}
        onClick={() => file && upload.mutate({ file, party })}
      >
        {t('permits.upload')}
      </Button>
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {summary && summary.problems.length === 0 ? (
        <Alert color="green" data-testid="import-summary">
          {t('permits.summary', summary)}
        </Alert>
      ) : null}
      {summary && summary.problems.length > 0 ? (
        <Alert color="red" title={t('permits.problems')}>
          <List size="sm">
            {summary.problems.slice(0, 200).map((p, i) => (
              <List.Item key={i}>
                {t('permits.problemRow', p)}
                {p.suggestion ? ` — ${t('permits.suggestion', { suggestion: p.suggestion })}` : ''}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}

function MarkSection({ party }: { party: string | null }) {
  const { t } = useTranslation();
  const mark = useMarkPermit();
  const [number, setNumber] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<MarkableStatus>('stolen');
  const [country, setCountry] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  const issuing = (party ?? country.trim()).toUpperCase();
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h3">
        {t('permits.markTitle')}
      </Title>
      {party === null ? (
        <TextInput
          label={t('permits.country')}
          maxLength={2}
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value)}
          w={220}
        />
      ) : null}
      <TextInput
        label={t('permits.number')}
        value={number}
        onChange={(e) => setNumber(e.currentTarget.value)}
        maxLength={200}
      />
      <SegmentedControl
        aria-label={t('permits.status')}
        value={status}
        onChange={(value) => setStatus(value)}
        data={[
          { value: 'stolen', label: t('permits.statusStolen') },
          { value: 'lost', label: t('permits.statusLost') },
          { value: 'cancelled', label: t('permits.statusCancelled') },
        ]}
      />
      <TextInput
        label={t('permits.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={2000}
      />
      {status !== 'cancelled' ? <AlertGroupsField value={groups} onChange={setGroups} /> : null}
      <Button
        w="fit-content"
        color="red"
        disabled={!number.trim() || issuing.length !== 2}
        loading={mark.isPending}
        onClick={() =>
          mark.mutate({
            country: issuing,
            number,
            status,
            note,
            ...(status !== 'cancelled' && groups.length > 0 ? { alertGroups: groups } : {}),
          })
        }
      >
        {t('permits.mark')}
      </Button>
      {mark.isError ? <ErrorAlert error={mark.error} /> : null}
      {mark.data ? (
        <Alert color="green">
          {t('permits.markedDone', { number: mark.data.number, status: mark.data.status })}
        </Alert>
      ) : null}
    </Stack>
  );
}

function ReceiptsSection({ party }: { party: string | null }) {
  const { t } = useTranslation();
  const receipts = useReceipts(party);
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h3">
        {t('permits.receiptsTitle')}
      </Title>
      {receipts.isError ? (
        <ErrorAlert error={receipts.error} onRetry={() => void receipts.refetch()} />
      ) : null}
      {receipts.data?.items.length === 0 ? <Text size="sm">{t('permits.receiptsEmpty')}</Text> : null}
      <List size="sm" data-testid="receipts">
        {receipts.data?.items.map((r, i) => (
          <List.Item key={i}>
            {t('permits.receiptLine', {
              date: r.lookedUpAt.slice(0, 16).replace('T', ' '),
              organisation: r.organisationName,
              number: r.number ?? r.numberKey,
            })}
            {r.flags.length > 0
              ? ` (${r.flags.map((f) => t(`permits.flags.${f}`, { defaultValue: f })).join(', ')})`
              : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
