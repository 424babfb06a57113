/**
 * The explorer's Export button and its dialog: the records shown (CSV or XLSX) or their figures grouped by one of
 * the explorer's dimensions, optionally protected for publication. A record-level export needs a second factor
 * entered within the last minutes: when the server asks for it, the dialog asks for a code, steps up and tries
 * again. The file always names the terms it is taken under; the dialog says so before anything leaves.
 */
import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { EXPORT_GROUPS, type ExportGroup } from '../../../shared/exports.contract.ts';
import type { SeizureFilter } from '../../../shared/seizures.contract.ts';
import { apiPost, isApiError } from '../../api/client.ts';
import { filterToQuery } from '../explorer/explorer-url.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { downloadExport } from './download-export.ts';

type Kind = 'seizures' | 'figures';
type Format = 'csv' | 'xlsx';

const stepUpAnswer = z.object({ validUntil: z.string() });

function exportUrl(kind: Kind, format: Format, filter: SeizureFilter, extra: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filterToQuery(filter), ...extra }))
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
  return `/api/v1/exports/${kind}.${format}?${params.toString()}`;
}

export function ExportButton({ filter }: { filter: SeizureFilter }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)} data-testid="export-open">
        {t('exports.button')}
      </Button>
      {opened ? <ExportDialog filter={filter} onClose={() => setOpened(false)} /> : null}
    </>
  );
}

function ExportDialog({ filter, onClose }: { filter: SeizureFilter; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [kind, setKind] = useState<Kind>('seizures');
  const [format, setFormat] = useState<Format>('xlsx');
  const [groupBy, setGroupBy] = useState<ExportGroup>('year');
  const [publication, setPublication] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

  const url = exportUrl(kind, format, filter, {
    lang: language,
    ...(kind === 'figures' ? { groupBy, publication: String(publication) } : {}),
  });

  async function run() {
    setBusy(true);
    setMessage(null);
    try {
      if (needsCode) {
        await apiPost('/api/v1/auth/step-up', { code: code.trim() }, stepUpAnswer, {
          isSessionRequired: false,
        });
        setNeedsCode(false);
        setCode('');
      }
      const { exportId } = await downloadExport(url);
      setMessage({ kind: 'done', text: t('exports.done', { id: exportId ?? '' }) });
    } catch (error) {
      if (isApiError(error) && error.code === 'step_up_required') setNeedsCode(true);
      else if (isApiError(error) && error.status === 401 && needsCode)
        setMessage({ kind: 'error', text: t('exports.wrongCode') });
      else setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('exports.title')} size="lg">
      <Stack gap="sm">
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value === 'figures' ? 'figures' : 'seizures')}
          data={[
            { value: 'seizures', label: t('exports.kind.records') },
            { value: 'figures', label: t('exports.kind.figures') },
          ]}
          aria-label={t('exports.kind.label')}
        />
        <SegmentedControl
          value={format}
          onChange={(value) => setFormat(value === 'csv' ? 'csv' : 'xlsx')}
          data={[
            { value: 'xlsx', label: 'XLSX' },
            { value: 'csv', label: 'CSV' },
          ]}
          aria-label={t('exports.format')}
        />
        {kind === 'figures' ? (
          <>
            <Select
              label={t('exports.groupBy')}
              data={EXPORT_GROUPS.map((value) => ({ value, label: t(`exports.groups.${value}`) }))}
              value={groupBy}
              onChange={(value) => setGroupBy(EXPORT_GROUPS.find((g) => g === value) ?? 'year')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Switch
              label={t('exports.publication')}
              description={t('exports.publicationHelp')}
              checked={publication}
              onChange={(event) => setPublication(event.currentTarget.checked)}
            />
          </>
        ) : (
          <Text size="sm">{t('exports.recordsHelp')}</Text>
        )}
        <Alert color="yellow" title={t('exports.termsTitle')}>
          {t('exports.terms')}
        </Alert>
        {needsCode ? (
          <TextInput
            label={t('exports.stepUp')}
            description={t('exports.stepUpHelp')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            data-testid="step-up-code"
          />
        ) : null}
        {message ? (
          <Alert color={message.kind === 'error' ? 'red' : 'green'} role="status">
            {message.text}{' '}
            {message.kind === 'done' ? <Link to="/downloads">{t('exports.myDownloads')}</Link> : null}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('exports.close')}
          </Button>
          <Button onClick={() => void run()} loading={busy} data-testid="export-download">
            {needsCode ? t('exports.confirmAndDownload') : t('exports.download')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
