/**
 * The explorer's filters: free text, taxa (through the resolver), a country in a role, a span of years or of
 * dates, CITES Appendix, term and unit codes, a range of quantities, and the method of detection, mode of
 * transport and type of place the records hold. Every change goes to the URL (the page's one source of truth);
 * typed fields go when the reader is done typing. On phones the panel folds behind a button that says how many
 * filters are in force.
 */
import { Button, Collapse, Group, MultiSelect, Select } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SEIZURE_PERMIT_VERDICTS } from '../../../shared/permits.contract.ts';
import { APPENDICES, COUNTRY_ROLE_FILTERS, type SeizureFilter } from '../../../shared/seizures.contract.ts';
import { hasAbility, useSignedInSession } from '../auth/session.queries.ts';
import { CountrySelect } from '../reference/country-select.tsx';
import { useCodeOptions } from './codes.queries.ts';
import { filterToQuery } from './explorer-url.ts';
import { FacetSelect } from './facet-select.tsx';
import { TaxonPicker } from './taxon-picker.tsx';
import { DateRangeFields, FreeTextField, QuantityRangeFields } from './typed-filter-fields.tsx';

const FIRST_YEAR = 1975;
const PERMIT_VERDICTS = SEIZURE_PERMIT_VERDICTS;
const VERDICT_WORDS = { valid: 'Valid', invalid: 'Invalid', unknown: 'Unknown' } as const;

/** Filters to set, or a function of the filters in force when the change is applied. */
export type FilterChange = Partial<SeizureFilter> | ((current: SeizureFilter) => Partial<SeizureFilter>);

export interface FilterPanelProps {
  filter: SeizureFilter;
  /**
   * The filters that change (undefined: removed). Only the changes are passed up, so the page applies them to
   * the URL as it is then, not to a copy this panel rendered with a moment before.
   */
  onChange: (changes: FilterChange) => void;
  onClear: () => void;
}

export function FilterPanel({ filter, onChange, onClear }: FilterPanelProps) {
  const { t } = useTranslation();
  const [isOpen, panel] = useDisclosure(false);
  const count = Object.keys(filterToQuery(filter)).filter((key) => key !== 'countryRole').length;

  return (
    <section aria-label={t('explorer.filters.label')} className="itd-explorer-filters">
      <Group justify="space-between" gap="xs" hiddenFrom="sm">
        <Button
          variant="default"
          onClick={panel.toggle}
          aria-expanded={isOpen}
          aria-controls="itd-explorer-filter-fields"
        >
          {count > 0 ? t('explorer.filters.toggleCount', { count }) : t('explorer.filters.toggle')}
        </Button>
        {count > 0 ? <ClearButton onClear={onClear} /> : null}
      </Group>
      {/* Always open from `sm` up; folded on phones until asked for. */}
      <div className="mantine-visible-from-sm">
        <FilterFields filter={filter} onChange={onChange} idSuffix="wide" />
        {count > 0 ? (
          <Group justify="flex-end" mt="xs">
            <ClearButton onClear={onClear} />
          </Group>
        ) : null}
      </div>
      <Collapse expanded={isOpen} hiddenFrom="sm" keepMounted={false}>
        <div id="itd-explorer-filter-fields" className="itd-explorer-filters__mobile">
          <FilterFields filter={filter} onChange={onChange} idSuffix="narrow" />
        </div>
      </Collapse>
    </section>
  );
}

function ClearButton({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="subtle" px="xs" onClick={onClear}>
      {t('explorer.filters.clear')}
    </Button>
  );
}

function FilterFields({
  filter,
  onChange,
  idSuffix,
}: Omit<FilterPanelProps, 'onClear'> & { idSuffix: string }) {
  const { t } = useTranslation();
  const termOptions = useCodeOptions('term');
  const unitOptions = useCodeOptions('unit');
  const years = useMemo(() => {
    const last = new Date().getFullYear();
    return Array.from({ length: last - FIRST_YEAR + 1 }, (_, index) => String(last - index));
  }, []);
  const set = onChange;
  const seesPermits = hasAbility(useSignedInSession(), 'permit.lookup');
  const listOrUndefined = <T,>(values: T[]): T[] | undefined => (values.length > 0 ? values : undefined);

  return (
    <div className="itd-explorer-filters__grid">
      <div className="itd-explorer-filters__full">
        <FreeTextField filter={filter} onChange={set} />
      </div>
      <div className="itd-explorer-filters__taxon">
        <TaxonPicker
          value={filter.taxon ?? []}
          onAdd={(id) =>
            set((current) => ({ taxon: [...(current.taxon ?? []).filter((other) => other !== id), id] }))
          }
          onRemove={(id) =>
            set((current) => ({
              taxon: listOrUndefined((current.taxon ?? []).filter((other) => other !== id)),
            }))
          }
        />
      </div>
      <CountrySelect
        label={t('explorer.filters.country')}
        name={`country-${idSuffix}`}
        value={filter.country ?? null}
        onChange={(code) => set({ country: code ?? undefined })}
        clearable
      />
      <Select
        label={t('explorer.filters.countryRole')}
        data={COUNTRY_ROLE_FILTERS.map((role) => ({ value: role, label: t(`explorer.roles.${role}`) }))}
        value={filter.countryRole}
        onChange={(role) => set({ countryRole: COUNTRY_ROLE_FILTERS.find((r) => r === role) ?? 'any' })}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <Group grow gap="xs" align="flex-start" wrap="nowrap">
        <Select
          label={t('explorer.filters.yearFrom')}
          data={years}
          value={filter.yearFrom === undefined ? null : String(filter.yearFrom)}
          onChange={(year) => set({ yearFrom: year === null ? undefined : Number(year) })}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('explorer.filters.yearTo')}
          data={years}
          value={filter.yearTo === undefined ? null : String(filter.yearTo)}
          onChange={(year) => set({ yearTo: year === null ? undefined : Number(year) })}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <DateRangeFields filter={filter} onChange={set} />
      <MultiSelect
        label={t('explorer.filters.appendix')}
        data={APPENDICES.map((appendix) => ({ value: appendix, label: t(`explorer.appendix.${appendix}`) }))}
        value={filter.appendix ?? []}
        onChange={(values) =>
          set({ appendix: listOrUndefined(APPENDICES.filter((appendix) => values.includes(appendix))) })
        }
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        label={t('explorer.filters.term')}
        data={termOptions}
        value={filter.term ?? []}
        onChange={(values) => set({ term: listOrUndefined(values) })}
        searchable
        clearable
        maxDropdownHeight={280}
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        label={t('explorer.filters.unit')}
        data={unitOptions}
        value={filter.unit ?? []}
        onChange={(values) => set({ unit: listOrUndefined(values) })}
        searchable
        clearable
        maxDropdownHeight={280}
        comboboxProps={{ withinPortal: true }}
      />
      <QuantityRangeFields filter={filter} onChange={set} />
      <FacetSelect
        facet="detectionMethod"
        label={t('explorer.filters.detectionMethod')}
        filter={filter}
        onChange={(values) => set({ detectionMethod: values })}
      />
      <FacetSelect
        facet="transportMode"
        label={t('explorer.filters.transportMode')}
        filter={filter}
        onChange={(values) => set({ transportMode: values })}
      />
      <FacetSelect
        facet="locationType"
        label={t('explorer.filters.locationType')}
        filter={filter}
        onChange={(values) => set({ locationType: values })}
      />
      {seesPermits ? (
        <Select
          label={t('permits.seizure.filter')}
          data={PERMIT_VERDICTS.map((verdict) => ({
            value: verdict,
            label: t(`permits.seizure.filter${VERDICT_WORDS[verdict]}`),
          }))}
          value={filter.permit ?? null}
          onChange={(verdict) => set({ permit: PERMIT_VERDICTS.find((v) => v === verdict) })}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="permit-filter"
        />
      ) : null}
    </div>
  );
}
