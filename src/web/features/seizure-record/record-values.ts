/** The normalised fields of a record in reading order, with how each is shown. */
import type { SeizureValuesDto } from '../../../shared/seizure-record.contract.ts';

export const VALUE_FIELDS = [
  'seizureDate',
  'seizingAgency',
  'taxonName',
  'appendix',
  'termCode',
  'quantity',
  'unitCode',
  'quantityKg',
  'quantityCount',
  'reason',
  'locationType',
  'locationName',
  'detectionMethod',
  'transportMode',
  'seizureCountry',
  'originCountry',
  'exportCountry',
  'transitCountries',
  'destinationCountry',
  'offenderNationalities',
  'additionalInfo',
  'isElephant',
] as const satisfies readonly (keyof SeizureValuesDto)[];

export function showValue(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
