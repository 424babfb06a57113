/**
 * The country cells of a row: a single-country cell that names two countries is flagged (never cut to one), a
 * former name is read with a warning, a region is recorded as unknown with a warning, and lists and nationalities
 * are split only where each part is a country (country-reader.ts).
 */
import type { ImportColumn, ProblemCode } from '../../../../shared/imports.contract.ts';
import type { SeizureValues } from '../../seizure-records/index.ts';
import { readCountryList, readOneCountry, type CountryFound, type CountryLookup } from './country-reader.ts';
import type { ImportReference } from './import-reference.ts';

type Add = (column: ImportColumn, code: ProblemCode, params: Record<string, string | number>) => void;

export function readCountryCells(
  cell: (column: ImportColumn) => string,
  reference: ImportReference,
  party: string,
  add: Add,
): Pick<
  SeizureValues,
  | 'seizureCountry'
  | 'originCountry'
  | 'exportCountry'
  | 'transitCountries'
  | 'destinationCountry'
  | 'offenderNationalities'
> {
  const note = (column: ImportColumn, raw: string, found: CountryFound) => {
    if (found.isRegion) add(column, 'country_region_only', { value: raw });
    if (found.former) add(column, 'country_former_name', { value: raw, code: found.code });
  };
  const single = (column: ImportColumn): string | null => {
    const raw = cell(column);
    if (raw === '') return null;
    const read = readOneCountry(reference.country, raw);
    if (read === null) {
      add(column, 'country_unknown', { value: raw });
      return null;
    }
    if (read.kind === 'several') {
      add(column, 'country_several', { value: raw, codes: read.codes.join(', ') });
      return null;
    }
    note(column, raw, read.found);
    return read.found.code;
  };
  const list = (column: ImportColumn, lookup: CountryLookup): string[] => {
    const raw = cell(column);
    if (raw === '') return [];
    const { found, unknown } = readCountryList(lookup, raw);
    for (const piece of unknown) add(column, 'country_unknown', { value: piece });
    for (const one of found) note(column, raw, one);
    return [...new Set(found.map((f) => f.code))];
  };
  return {
    seizureCountry: single('Country of seizure') ?? (cell('Country of seizure') === '' ? party : null),
    originCountry: single('Country of origin'),
    exportCountry: single('Country of export'),
    transitCountries: list('Countries of transit', reference.country),
    destinationCountry: single('Country of destination'),
    offenderNationalities: list('Nationality of offenders', reference.nationality),
  };
}
