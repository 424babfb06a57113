/**
 * A searchable select of countries, named and sorted in the interface language. Typing finds a country whatever
 * the accents ("Mexico" finds "México"), by its two-letter code too ("KE").
 */
import { Select, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../ui/use-language.ts';
import { sortedCountries, useCountries } from './countries.queries.ts';

export interface CountrySelectProps {
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string | undefined;
  description?: string;
  required?: boolean;
  clearable?: boolean;
  name?: string;
  /** Only CITES Parties (for filters by Party). */
  partiesOnly?: boolean;
}

export function CountrySelect({ partiesOnly = false, ...props }: CountrySelectProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countries = useCountries();
  const data = useMemo(
    () =>
      sortedCountries(countries.data?.items ?? [], language)
        .filter((country) => !partiesOnly || country.isCitesParty)
        .map((country) => ({ value: country.code, label: country.names[language] || country.code })),
    [countries.data, language, partiesOnly],
  );

  return (
    <Select
      {...props}
      searchable
      data={data}
      filter={accentInsensitiveFilter}
      nothingFoundMessage={t('countries.nothingFound')}
      placeholder={countries.isPending ? t('countries.loading') : t('countries.placeholder')}
      error={props.error ?? (countries.isError ? t('countries.failed') : undefined)}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

const accentInsensitiveFilter: OptionsFilter = ({ options, search }) => {
  const wanted = foldForSearch(search);
  if (!wanted) return options;
  const matches = (item: ComboboxItem) =>
    foldForSearch(item.label).includes(wanted) || item.value.toLowerCase() === wanted;
  return options.flatMap((option): ComboboxParsedItem[] => {
    if ('group' in option) {
      const items = option.items.filter(matches);
      return items.length > 0 ? [{ ...option, items }] : [];
    }
    return matches(option) ? [option] : [];
  });
};
