/**
 * Correcting a record: every normalised field can be changed, with a reason. The species is picked from the
 * checklist and countries from the country list, so a correction names what the server can check; the quantity in
 * kg or as a count is worked out again by the server from the quantity and unit.
 */
import { Button, Group, MultiSelect, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeizureRecordView, SeizureValuesDto } from '../../../shared/seizure-record.contract.ts';
import { isApiError } from '../../api/client.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { TaxonPicker } from '../explorer/taxon-picker.tsx';
import { CountrySelect } from '../reference/country-select.tsx';
import { sortedCountries, useCountries } from '../reference/countries.queries.ts';
import { isReasonGiven, ReasonField } from '../reports/reason-field.tsx';
import { useCorrectRecord } from './record.queries.ts';

type TextField =
  'seizingAgency' | 'reason' | 'locationType' | 'locationName' | 'detectionMethod' | 'transportMode';
const TEXT_FIELDS: readonly TextField[] = [
  'seizingAgency',
  'reason',
  'locationType',
  'locationName',
  'detectionMethod',
  'transportMode',
];
type CountryField = 'seizureCountry' | 'originCountry' | 'exportCountry' | 'destinationCountry';
const COUNTRY_FIELDS: readonly CountryField[] = [
  'seizureCountry',
  'originCountry',
  'exportCountry',
  'destinationCountry',
];
const PRECISIONS = ['day', 'month', 'year'] as const;

const isStale = (error: unknown) => isApiError(error) && error.problem?.code === 'stale_version';

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The form sends the version it was filled from. When someone else corrected the record meanwhile, the server
 * refuses (409 stale_version): the record is read again, and `onStale` lets the drawer say so above the form,
 * which then starts again from the current version.
 */
export function RecordCorrectionForm({
  record,
  onStale,
}: {
  record: SeizureRecordView;
  onStale: (fromVersion: number) => void;
}) {
  const { t } = useTranslation();
  const correct = useCorrectRecord(record.reportId, record.id);
  const [values, setValues] = useState<SeizureValuesDto>(record.values);
  const [quantity, setQuantity] = useState(
    record.values.quantity === null ? '' : String(record.values.quantity),
  );
  const [reason, setReason] = useState('');
  const set = <K extends keyof SeizureValuesDto>(field: K, value: SeizureValuesDto[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const code = (text: string) => blankToNull(text.toUpperCase());

  return (
    <form
      aria-labelledby="record-correct"
      data-testid="record-correction-form"
      onSubmit={(event) => {
        event.preventDefault();
        const amount = quantity.trim() === '' ? null : Number(quantity.replace(',', '.'));
        correct.mutate(
          { values: { ...values, quantity: amount }, reason, expectedVersion: record.version },
          {
            onSuccess: () => setReason(''),
            onError: (error) => {
              if (isApiError(error) && error.problem?.code === 'stale_version') onStale(record.version);
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5" id="record-correct">
          {t('record.correct')}
        </Title>
        <div className="itd-form-grid">
          <TextInput
            type="date"
            label={t('record.fields.seizureDate')}
            value={values.seizureDate ?? ''}
            onChange={(event) => set('seizureDate', blankToNull(event.currentTarget.value))}
          />
          <Select
            label={t('record.datePrecision')}
            data={PRECISIONS.map((precision) => ({
              value: precision,
              label: t(`record.precision.${precision}`),
            }))}
            value={values.datePrecision}
            onChange={(value) => set('datePrecision', value)}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </div>
        <TaxonPicker
          label={t('record.fields.taxonName')}
          value={values.taxonId === null ? [] : [values.taxonId]}
          onAdd={(id) => set('taxonId', id)}
          onRemove={() => set('taxonId', null)}
        />
        <div className="itd-form-grid">
          <TextInput
            label={t('record.fields.termCode')}
            value={values.termCode ?? ''}
            maxLength={10}
            onChange={(event) => set('termCode', code(event.currentTarget.value))}
          />
          <TextInput
            label={t('record.fields.quantity')}
            inputMode="decimal"
            value={quantity}
            onChange={(event) => setQuantity(event.currentTarget.value)}
          />
          <TextInput
            label={t('record.fields.unitCode')}
            value={values.unitCode ?? ''}
            maxLength={10}
            onChange={(event) => set('unitCode', code(event.currentTarget.value))}
          />
        </div>
        <div className="itd-form-grid">
          {TEXT_FIELDS.map((field) => (
            <TextInput
              key={field}
              label={t(`record.fields.${field}`)}
              value={values[field] ?? ''}
              onChange={(event) =>
                set(field, event.currentTarget.value === '' ? null : event.currentTarget.value)
              }
            />
          ))}
          {COUNTRY_FIELDS.map((field) => (
            <CountrySelect
              key={field}
              label={t(`record.fields.${field}`)}
              value={values[field]}
              onChange={(value) => set(field, value)}
              clearable
            />
          ))}
        </div>
        <CountriesSelect
          label={t('record.fields.transitCountries')}
          value={values.transitCountries}
          onChange={(codes) => set('transitCountries', codes)}
        />
        <CountriesSelect
          label={t('record.fields.offenderNationalities')}
          value={values.offenderNationalities}
          onChange={(codes) => set('offenderNationalities', codes)}
        />
        <Textarea
          label={t('record.fields.additionalInfo')}
          autosize
          minRows={2}
          value={values.additionalInfo ?? ''}
          onChange={(event) =>
            set('additionalInfo', event.currentTarget.value === '' ? null : event.currentTarget.value)
          }
        />
        <ReasonField label={t('record.correctionReason')} value={reason} onChange={setReason} />
        {correct.isError && !isStale(correct.error) ? <FormError error={correct.error} fields={[]} /> : null}
        <Group>
          <Button type="submit" loading={correct.isPending} disabled={!isReasonGiven(reason)}>
            {t('record.saveCorrection')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Several countries (transit, nationalities), named in the interface language. */
function CountriesSelect(props: { label: string; value: string[]; onChange: (codes: string[]) => void }) {
  const language = useLanguage();
  const countries = useCountries();
  const data = useMemo(
    () =>
      sortedCountries(countries.data?.items ?? [], language).map((country) => ({
        value: country.code,
        label: country.names[language] || country.code,
      })),
    [countries.data, language],
  );
  return (
    <MultiSelect
      label={props.label}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
