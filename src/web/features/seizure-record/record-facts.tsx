/**
 * A record's values as a reader takes them in: countries and terms named in the interface language, the quantity
 * with what it converts to, the sharing answers and the Parties concerned.
 */
import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeizureRecordView } from '../../../shared/seizure-record.contract.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { useCodeLabel } from '../explorer/codes.queries.ts';
import { formatQuantity, formatSeizureDate } from '../explorer/explorer-format.ts';
import { useCountryName } from '../reference/countries.queries.ts';
import { AppendixBadge } from '../species/taxon-labels.tsx';

export function RecordFacts({ record }: { record: SeizureRecordView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countryName = useCountryName();
  const termLabel = useCodeLabel('term');
  const { values } = record;
  const countries = (codes: string[]) => (codes.length > 0 ? codes.map(countryName).join(', ') : '—');
  const country = (code: string | null) => (code ? countryName(code) : '—');
  const text = (value: string | null) => value ?? '—';
  const converted = [
    values.quantityKg !== null ? t('record.inKg', { value: values.quantityKg }) : null,
    values.quantityCount !== null ? t('record.inSpecimens', { value: values.quantityCount }) : null,
  ].filter(Boolean);
  const appendix = record.taxon?.appendix ?? values.appendix;

  const facts: [string, ReactNode][] = [
    [t('record.reportingParty'), `${countryName(record.reportingParty)} (${record.reportYear})`],
    [
      t('record.fields.seizureDate'),
      formatSeizureDate(
        { date: values.seizureDate, datePrecision: values.datePrecision, year: record.year },
        language,
      ),
    ],
    [
      t('record.taxon'),
      <Group gap="xs" key="taxon">
        <span lang="la">{record.taxon?.name ?? values.taxonName ?? t('record.noTaxon')}</span>
        {appendix ? <AppendixBadge appendix={appendix} /> : null}
      </Group>,
    ],
    [t('record.term'), values.termCode ? `${values.termCode} — ${termLabel(values.termCode)}` : '—'],
    [
      t('record.quantity'),
      `${formatQuantity(values, language)}${converted.length > 0 ? ` (${converted.join(', ')})` : ''}`,
    ],
    [t('record.fields.seizureCountry'), country(values.seizureCountry)],
    [t('record.fields.originCountry'), country(values.originCountry)],
    [t('record.fields.exportCountry'), country(values.exportCountry)],
    [t('record.fields.transitCountries'), countries(values.transitCountries)],
    [t('record.fields.destinationCountry'), country(values.destinationCountry)],
    [t('record.fields.offenderNationalities'), countries(values.offenderNationalities)],
    [t('record.place'), [values.locationType, values.locationName].filter(Boolean).join(' — ') || '—'],
    [t('record.fields.detectionMethod'), text(values.detectionMethod)],
    [t('record.fields.transportMode'), text(values.transportMode)],
    [t('record.fields.seizingAgency'), text(values.seizingAgency)],
    [t('record.fields.reason'), text(values.reason)],
    [t('record.fields.additionalInfo'), text(values.additionalInfo)],
    [t('record.fields.isElephant'), values.isElephant ? t('record.yes') : t('record.no')],
  ];

  return (
    <Stack data-testid="record-detail">
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
      <section aria-labelledby="record-sharing">
        <Title order={3} size="h5" mb="xs" id="record-sharing">
          {t('record.sharing')}
        </Title>
        <Group gap="xs">
          <SharingBadge isOn={record.sharing.parties} label={t('record.shareParties')} />
          <SharingBadge isOn={record.sharing.iccwc} label={t('record.shareIccwc')} />
          <SharingBadge isOn={record.sharing.etis} label={t('record.shareEtis')} />
        </Group>
        <Text size="sm" mt="xs">
          {t('record.concerned', { parties: countries(record.concernedParties) })}
        </Text>
      </section>
    </Stack>
  );
}

function SharingBadge({ isOn, label }: { isOn: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={isOn ? 'itdTeal' : 'gray'} variant={isOn ? 'light' : 'outline'} tt="none">
      {`${label}: ${isOn ? t('record.yes') : t('record.no')}`}
    </Badge>
  );
}
