/**
 * One seizure record in a drawer (GET /api/v1/seizures/:id): the normalised values, the sharing answers and the
 * Parties concerned, what the Party wrote, and the record's history (each earlier version with who replaced it,
 * when and why). A record the reader may not see is a 404 like a missing one: the drawer says "not found".
 */
import { Badge, Drawer, Group, Loader, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeizureDetail } from '../../../shared/seizures.contract.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { RestrictedMarking } from '../../ui/restricted-banner.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { useCountryName } from '../reference/countries.queries.ts';
import { AppendixBadge } from '../species/taxon-labels.tsx';
import { useCodeLabel } from './codes.queries.ts';
import { useSeizureRecord } from './explorer.queries.ts';
import { formatQuantity, formatSeizureDate } from './explorer-format.ts';

export interface RecordDrawerProps {
  recordId: number | null;
  onClose: () => void;
}

export function RecordDrawer({ recordId, onClose }: RecordDrawerProps) {
  const { t } = useTranslation();
  const isSmallScreen = useMediaQuery('(max-width: 48em)') ?? false;
  const record = useSeizureRecord(recordId);
  const isNotFound = isApiError(record.error) && record.error.status === 404;

  return (
    <Drawer
      opened={recordId !== null}
      onClose={onClose}
      position="right"
      size={isSmallScreen ? '100%' : 'xl'}
      title={t('explorer.record.title', { id: recordId ?? '' })}
      closeButtonProps={{ 'aria-label': t('explorer.record.close') }}
      // The default scroll lock injects a <style> element, which the CSP refuses (see the taxon drawer).
      removeScrollProps={{ removeScrollBar: false }}
    >
      <RestrictedMarking />
      {record.isPending && recordId !== null ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{t('explorer.record.loading')}</Text>
        </Group>
      ) : null}
      {isNotFound ? <Text data-testid="record-not-found">{t('explorer.record.notFound')}</Text> : null}
      {record.isError && !isNotFound ? (
        <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />
      ) : null}
      {record.data ? <RecordFacts record={record.data} /> : null}
    </Drawer>
  );
}

function RecordFacts({ record }: { record: SeizureDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countryName = useCountryName();
  const termLabel = useCodeLabel('term');
  const countries = (codes: string[]) => (codes.length > 0 ? codes.map(countryName).join(', ') : '—');
  const country = (code: string | null) => (code ? countryName(code) : '—');
  const converted = [
    record.quantityKg !== null ? t('explorer.record.inKg', { value: record.quantityKg }) : null,
    record.quantityCount !== null ? t('explorer.record.inSpecimens', { value: record.quantityCount }) : null,
  ].filter(Boolean);

  const facts: [string, ReactNode][] = [
    [t('explorer.record.reportingParty'), `${countryName(record.reportingParty)} (${record.reportYear})`],
    [t('explorer.record.date'), formatSeizureDate(record, language)],
    [
      t('explorer.record.taxon'),
      <Group gap="xs" key="taxon">
        <span lang="la">{record.taxon?.name ?? record.taxonName ?? t('explorer.record.noTaxon')}</span>
        {record.appendix ? <AppendixBadge appendix={record.appendix} /> : null}
      </Group>,
    ],
    [t('explorer.record.term'), record.termCode ? `${record.termCode} — ${termLabel(record.termCode)}` : '—'],
    [
      t('explorer.record.quantity'),
      `${formatQuantity(record, language)}${converted.length > 0 ? ` (${converted.join(', ')})` : ''}`,
    ],
    [t('explorer.roles.seizure'), country(record.seizureCountry)],
    [t('explorer.roles.origin'), country(record.originCountry)],
    [t('explorer.roles.export'), country(record.exportCountry)],
    [t('explorer.roles.transit'), countries(record.transitCountries)],
    [t('explorer.roles.destination'), country(record.destinationCountry)],
    [t('explorer.roles.nationality'), countries(record.offenderNationalities)],
    [
      t('explorer.record.place'),
      [record.locationType, record.locationName].filter(Boolean).join(' — ') || '—',
    ],
    [t('explorer.record.detection'), record.detectionMethod ?? '—'],
    [t('explorer.record.transport'), record.transportMode ?? '—'],
    [t('explorer.record.agency'), record.seizingAgency ?? '—'],
    [t('explorer.record.reason'), record.reason ?? '—'],
    [t('explorer.record.additionalInfo'), record.additionalInfo ?? '—'],
  ];

  return (
    <Stack gap="lg" data-testid="record-detail">
      <Table variant="vertical" withTableBorder layout="fixed" className="itd-details-table">
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <section>
        <Title order={3} size="h5" mb="xs">
          {t('explorer.record.sharing')}
        </Title>
        <Group gap="xs">
          <SharingBadge isOn={record.sharing.parties} label={t('explorer.record.shareParties')} />
          <SharingBadge isOn={record.sharing.iccwc} label={t('explorer.record.shareIccwc')} />
          <SharingBadge isOn={record.sharing.etis} label={t('explorer.record.shareEtis')} />
        </Group>
        <Text size="sm" mt="xs">
          {t('explorer.record.concerned', { parties: countries(record.concernedParties) })}
        </Text>
      </section>

      <RecordHistory record={record} />

      <section>
        <Title order={3} size="h5" mb="xs">
          {t('explorer.record.original')}
        </Title>
        {Object.keys(record.original).length === 0 ? (
          <Text c="dimmed">{t('explorer.record.noOriginal')}</Text>
        ) : (
          <Table variant="vertical" withTableBorder layout="fixed" className="itd-details-table">
            <Table.Tbody>
              {Object.entries(record.original).map(([column, text]) => (
                <Table.Tr key={column}>
                  <Table.Th>{column}</Table.Th>
                  <Table.Td className="itd-preformatted">{text}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}

function SharingBadge({ isOn, label }: { isOn: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={isOn ? 'itdTeal' : 'gray'} variant={isOn ? 'light' : 'outline'} tt="none">
      {`${label}: ${isOn ? t('explorer.record.yes') : t('explorer.record.no')}`}
    </Badge>
  );
}

function RecordHistory({ record }: { record: SeizureDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section data-testid="record-history">
      <Title order={3} size="h5" mb="xs">
        {t('explorer.record.history')}
      </Title>
      <Timeline active={0} bulletSize={14} lineWidth={2}>
        <Timeline.Item title={t('explorer.record.currentVersion', { version: record.version })}>
          <Text size="sm" c="dimmed">
            {record.versions.length === 0
              ? t('explorer.record.neverCorrected')
              : t('explorer.record.inForce')}
          </Text>
        </Timeline.Item>
        {record.versions.map((version) => (
          <Timeline.Item
            key={version.version}
            title={t('explorer.record.version', { version: version.version })}
          >
            <Text size="sm">
              {t('explorer.record.replaced', {
                when: formatDateTime(version.replacedAt, language),
                who: version.replacedBy ?? t('explorer.record.someone'),
              })}
            </Text>
            <Text size="sm" className="itd-quote">
              {version.reason}
            </Text>
            <ChangedValues values={version.values} />
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}

/** The values the version held, as "field: value" lines (the fields the correction changed). */
function ChangedValues({ values }: { values: Record<string, unknown> }) {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" component="ul" className="itd-version-values">
      {entries.map(([field, value]) => (
        <li key={field}>{`${field}: ${describeValue(value)}`}</li>
      ))}
    </Text>
  );
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  // A resolved taxon is an object: its name says what it was.
  if (typeof value === 'object') {
    const name = (value as { name?: unknown }).name;
    return typeof name === 'string' ? name : JSON.stringify(value);
  }
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '—';
}
