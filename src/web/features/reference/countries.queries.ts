/** The list of countries and territories (GET /api/v1/reference/countries), named in each working language. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { countryListSchema, type Country } from '../../../shared/reference.contract.ts';
import { apiGet } from '../../api/client.ts';
import { useLanguage } from '../../ui/use-language.ts';

export function useCountries() {
  return useQuery({
    queryKey: ['reference', 'countries'],
    queryFn: ({ signal }) => apiGet('/api/v1/reference/countries', countryListSchema, { signal }),
    // Reference data: asked for once per visit.
    staleTime: Infinity,
  });
}

/** Name of each country by code, in the interface language (the code itself when the list is not loaded). */
export function useCountryName(): (code: string | null) => string {
  const language = useLanguage();
  const countries = useCountries();
  const names = useMemo(
    () => new Map((countries.data?.items ?? []).map((country) => [country.code, country.names[language]])),
    [countries.data, language],
  );
  return (code) => (code === null ? '' : (names.get(code) ?? code));
}

export function sortedCountries(items: readonly Country[], language: string): Country[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return [...items].sort((a, b) =>
    collator.compare(a.names[language as 'en'] || a.code, b.names[language as 'en'] || b.code),
  );
}
