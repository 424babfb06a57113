/**
 * The explorer's typed filters: free text over the records' text fields, a range of seizure dates and a range
 * of reported quantities. Each is applied on Enter, on leaving the field, or after a pause in typing (see
 * use-draft-field.ts), never on every keystroke.
 */
import { Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeizureFilter } from '../../../shared/seizures.contract.ts';
import { SEARCH_TEXT_MAX, isoDateOf, quantityOf, searchTextOf } from './filter-drafts.ts';
import type { FilterChange } from './filter-panel.tsx';
import { useDraftField, type DraftField } from './use-draft-field.ts';

interface TypedFieldsProps {
  filter: SeizureFilter;
  onChange: (changes: FilterChange) => void;
}

/** Enter applies the draft at once (the field is not in a form, so nothing else is submitted). */
function applyOnEnter(field: DraftField) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') field.applyNow();
  };
}

export function FreeTextField({ filter, onChange }: TypedFieldsProps) {
  const { t } = useTranslation();
  const field = useDraftField(filter.q ?? '', searchTextOf, (q) => onChange({ q: q || undefined }));
  return (
    <TextInput
      type="search"
      label={t('explorer.filters.q')}
      description={t('explorer.filters.qHint')}
      placeholder={t('explorer.filters.qPlaceholder')}
      value={field.draft}
      maxLength={SEARCH_TEXT_MAX}
      onChange={(event) => field.onDraftChange(event.currentTarget.value)}
      onKeyDown={applyOnEnter(field)}
      onBlur={field.applyNow}
      enterKeyHint="search"
    />
  );
}

export function DateRangeFields({ filter, onChange }: TypedFieldsProps) {
  const { t } = useTranslation();
  const from = useDraftField(filter.dateFrom ?? '', isoDateOf, (date) =>
    onChange({ dateFrom: date || undefined }),
  );
  const to = useDraftField(filter.dateTo ?? '', isoDateOf, (date) => onChange({ dateTo: date || undefined }));
  const isReversed =
    filter.dateFrom !== undefined && filter.dateTo !== undefined && filter.dateTo < filter.dateFrom;
  return (
    <Group grow gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        type="date"
        label={t('explorer.filters.dateFrom')}
        value={from.draft}
        max={filter.dateTo}
        onChange={(event) => from.onDraftChange(event.currentTarget.value)}
        onKeyDown={applyOnEnter(from)}
        onBlur={from.applyNow}
      />
      <TextInput
        type="date"
        label={t('explorer.filters.dateTo')}
        value={to.draft}
        min={filter.dateFrom}
        onChange={(event) => to.onDraftChange(event.currentTarget.value)}
        onKeyDown={applyOnEnter(to)}
        onBlur={to.applyNow}
        error={isReversed ? t('explorer.filters.dateReversed') : undefined}
      />
    </Group>
  );
}

export function QuantityRangeFields({ filter, onChange }: TypedFieldsProps) {
  const { t } = useTranslation();
  const asText = (value: number | undefined) => (value === undefined ? '' : String(value));
  const min = useDraftField(asText(filter.quantityMin), quantityOf, (value) =>
    onChange({ quantityMin: value === '' ? undefined : Number(value) }),
  );
  const max = useDraftField(asText(filter.quantityMax), quantityOf, (value) =>
    onChange({ quantityMax: value === '' ? undefined : Number(value) }),
  );
  const isReversed =
    filter.quantityMin !== undefined &&
    filter.quantityMax !== undefined &&
    filter.quantityMax < filter.quantityMin;
  const shared = { min: 0, allowNegative: false, hideControls: true, inputMode: 'decimal' as const };
  return (
    <Stack gap={4}>
      <Group grow gap="xs" align="flex-start" wrap="nowrap">
        <NumberInput
          {...shared}
          label={t('explorer.filters.quantityMin')}
          value={min.draft}
          onChange={(value) => min.onDraftChange(String(value))}
          onKeyDown={applyOnEnter(min)}
          onBlur={min.applyNow}
        />
        <NumberInput
          {...shared}
          label={t('explorer.filters.quantityMax')}
          value={max.draft}
          onChange={(value) => max.onDraftChange(String(value))}
          onKeyDown={applyOnEnter(max)}
          onBlur={max.applyNow}
          error={isReversed ? t('explorer.filters.quantityReversed') : undefined}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('explorer.filters.quantityHint')}
      </Text>
    </Stack>
  );
}
