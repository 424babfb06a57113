/**
 * Picks taxa for the filter with the checklist's resolver (GET /api/v1/reference/taxa?q=…): scientific names,
 * synonyms, "Genus spp." and common names in the three languages all find the taxon, and near misses are
 * offered. A higher taxon (a genus, a family) matches every record below it. The chosen taxa are shown as pills.
 */
import { Group, Pill, Select, Text, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taxonSearchResponseSchema, type Taxon } from '../../../shared/reference.contract.ts';
import { apiGet } from '../../api/client.ts';
import { useTaxonDetail } from '../species/species.queries.ts';
import { isItalicRank, pickCommonName } from '../species/taxon-names.ts';
import { useLanguage } from '../../ui/use-language.ts';

const SUGGESTION_LIMIT = 10;
const TYPING_PAUSE_MS = 250;

export interface TaxonPickerProps {
  /** Defaults to the explorer filter's label. */
  label?: string;
  value: number[];
  onAdd: (id: number) => void;
  onRemove: (id: number) => void;
}

export function TaxonPicker({ label, value, onAdd, onRemove }: TaxonPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), TYPING_PAUSE_MS);
  const suggestions = useQuery({
    queryKey: ['reference', 'taxa', 'pick', query],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/reference/taxa', taxonSearchResponseSchema, {
        query: { q: query, limit: SUGGESTION_LIMIT },
        signal,
      }),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
  });

  const data = useMemo(() => {
    const answer = query.length >= 2 ? suggestions.data : undefined;
    if (!answer) return [];
    // The resolver's own match first, then its near misses, then the alphabetical hits; each taxon once.
    const taxa: Taxon[] = [
      ...(answer.resolution?.match ? [answer.resolution.match.taxon] : []),
      ...(answer.resolution?.suggestions.map((suggestion) => suggestion.taxon) ?? []),
      ...answer.items,
    ];
    const seen = new Set<number>(value);
    return taxa.flatMap((taxon): ComboboxItem[] => {
      if (seen.has(taxon.id)) return [];
      seen.add(taxon.id);
      const common = pickCommonName(taxon.commonNames, language);
      const rank = t(`ranks.${taxon.rank}`);
      return [
        { value: String(taxon.id), label: `${taxon.name} (${rank}${common ? `, ${common.name}` : ''})` },
      ];
    });
  }, [suggestions.data, query, value, language, t]);

  const add = (id: string | null) => {
    if (id === null) return;
    onAdd(Number(id));
    setSearch('');
  };

  return (
    <div>
      <Select
        label={label ?? t('explorer.filters.taxon')}
        placeholder={t('explorer.filters.taxonPlaceholder')}
        searchable
        value={null}
        searchValue={search}
        onSearchChange={setSearch}
        onChange={add}
        data={data}
        // The server already ranked and filtered: show its answer as it is.
        filter={({ options }) => options}
        nothingFoundMessage={
          query.length < 2
            ? t('explorer.filters.taxonTypeMore')
            : suggestions.isFetching
              ? t('explorer.filters.taxonSearching')
              : t('explorer.filters.taxonNothing')
        }
        comboboxProps={{ withinPortal: true }}
        maxDropdownHeight={300}
      />
      {value.length > 0 ? (
        <Group gap={6} mt={6} data-testid="taxon-pills">
          {value.map((id) => (
            <TaxonPill key={id} id={id} onRemove={() => onRemove(id)} />
          ))}
        </Group>
      ) : null}
    </div>
  );
}

function TaxonPill({ id, onRemove }: { id: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const detail = useTaxonDetail(id);
  const name = detail.data?.name ?? (detail.isError ? t('explorer.filters.taxonUnknown', { id }) : '…');
  return (
    <Pill
      withRemoveButton
      onRemove={onRemove}
      removeButtonProps={{ 'aria-label': t('explorer.filters.removeTaxon', { name }) }}
    >
      <Text
        span
        size="sm"
        lang="la"
        fs={detail.data && isItalicRank(detail.data.rank) ? 'italic' : undefined}
      >
        {name}
      </Text>
    </Pill>
  );
}
