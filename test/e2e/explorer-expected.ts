/**
 * What the explorer's browser tests expect, worked out from the seed with the rules restated independently of
 * the server's modules: who sees which record, which records a filter matches.
 */
import { SEEDED, type SeededRecord } from './explorer-seed.ts';

/**
 * The sharing rule (DESIGN §2) stated again for the test's two readers, independently of the server's module:
 * a Party member sees its own Party's published records, and published records shared with Parties that concern
 * its Party; an ICCWC member sees published records shared with ICCWC.
 */
export function isVisibleTo(
  reader: { kind: 'party'; party: string } | { kind: 'iccwc' },
  seeded: SeededRecord,
) {
  if (seeded.report.status !== 'published') return false;
  if (reader.kind === 'iccwc') return seeded.report.shareIccwc;
  if (seeded.report.party === reader.party) return true;
  const record = seeded.record;
  const concerned = [
    record.seizureCountry,
    record.originCountry,
    record.exportCountry,
    record.destinationCountry,
    ...(record.transitCountries ?? []),
    ...(record.offenderNationalities ?? []),
  ];
  return seeded.report.shareParties && concerned.includes(reader.party);
}

/** A seeded record's text as the server's free-text search reads it (taxon as written, place, method, remarks…). */
export function searchableText({ record }: SeededRecord): string {
  const fields = [record.taxon, record.locationName, record.seizingAgency, record.reason];
  return [...fields, record.detectionMethod, record.transportMode, record.additionalInfo]
    .join(' ')
    .toLowerCase();
}

export type Reader = Parameters<typeof isVisibleTo>[0];
export const KENYA: Reader = { kind: 'party', party: 'KE' };
export const ICCWC: Reader = { kind: 'iccwc' };

/** The filter the test sets: the genus Manis (all its species) with Kenya as the country of origin. */
const matchesFilter = (seeded: SeededRecord) =>
  seeded.record.taxon.startsWith('Manis ') && seeded.record.originCountry === 'KE';

/** What the first test's filter must show a reader: the count, per year and per destination. */
export function expected(reader: Reader) {
  const records = SEEDED.filter((seeded) => isVisibleTo(reader, seeded) && matchesFilter(seeded));
  const perYear = new Map<string, number>();
  const perDestination = new Map<string, number>();
  for (const { record } of records) {
    const year = record.seizureDate!.slice(0, 4);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    perDestination.set(record.destinationCountry!, (perDestination.get(record.destinationCountry!) ?? 0) + 1);
  }
  return { count: records.length, perYear, perDestination };
}
