/** What makes two records the same seizure, for duplicate detection at import. Pure. */
import { createHash } from 'node:crypto';
import type { SeizureValues } from './record-columns.ts';

/**
 * The same seizure gives the same fingerprint: the normalised values that identify it, in a fixed order. Free text
 * that a Party may reword (additional information) is left out; what the Party wrote is compared through the
 * normalised values, so "USA" and "United States" are one country.
 */
export function fingerprintOf(party: string, values: SeizureValues): string {
  const identity = [
    party,
    values.seizureDate,
    values.datePrecision,
    values.taxonId ?? values.taxonName?.toLowerCase() ?? null,
    values.termCode,
    values.quantity,
    values.unitCode,
    values.seizureCountry,
    values.locationType,
    values.locationName?.toLowerCase() ?? null,
    values.originCountry,
    values.exportCountry,
    [...values.transitCountries].sort(),
    values.destinationCountry,
    [...values.offenderNationalities].sort(),
  ];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}
