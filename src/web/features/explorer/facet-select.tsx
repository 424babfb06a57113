/**
 * A multi-select over the values the records themselves hold for one dimension (method of detection, mode of
 * transport, type of place), as GET /api/v1/seizures/facets counts them among the records the reader may see.
 * These are the Parties' own words, not a code list, so they are offered as written and not translated.
 */
import { Group, MultiSelect, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeizureFilter } from '../../../shared/seizures.contract.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { formatCount } from './explorer-format.ts';
import { useSeizureFacets } from './explorer.queries.ts';

export type TextFacet = 'detectionMethod' | 'transportMode' | 'locationType';

export interface FacetSelectProps {
  facet: TextFacet;
  label: string;
  filter: SeizureFilter;
  onChange: (values: string[] | undefined) => void;
}

export function FacetSelect({ facet, label, filter, onChange }: FacetSelectProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Counted without this dimension's own filter: its values are alternatives (any of them matches), so picking
  // one must leave the others on offer with the counts they would add.
  const facets = useSeizureFacets({ ...filter, [facet]: undefined });
  const selected = useMemo(() => filter[facet] ?? [], [filter, facet]);
  const { options, counts } = useMemo(() => {
    const counted = facets.data?.facets[facet] ?? [];
    const counts = new Map(counted.map((entry) => [entry.value, entry.count]));
    // A value from a bookmarked URL that no record holds any more is still shown, so it can be removed.
    const values = [
      ...counted.map((entry) => entry.value),
      ...selected.filter((value) => !counts.has(value)),
    ];
    return { options: values.map((value) => ({ value, label: value })), counts };
  }, [facets.data, facet, selected]);

  return (
    <div data-testid={`facet-${facet}`}>
      <MultiSelect
        label={label}
        data={options}
        value={selected}
        onChange={(values) => onChange(values.length > 0 ? values : undefined)}
        renderOption={({ option, checked }) => (
          <Group justify="space-between" gap="xs" wrap="nowrap" w="100%">
            <span>
              {/* A custom option loses Mantine's check mark: a picked value shows its own. */}
              {checked ? <span aria-hidden="true">✓ </span> : null}
              {option.label}
            </span>
            <Text span size="xs" c="dimmed">
              {formatCount(counts.get(option.value) ?? 0, language)}
            </Text>
          </Group>
        )}
        nothingFoundMessage={
          facets.isPending ? t('explorer.filters.facetLoading') : t('explorer.filters.facetNothing')
        }
        searchable
        clearable
        maxDropdownHeight={280}
        comboboxProps={{ withinPortal: true }}
      />
    </div>
  );
}
