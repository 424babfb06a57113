/**
 * The explorer's filters as SQL over `seizure_records s`: every filter given must hold. Each value is a bound
 * parameter. Under row-level security PostgreSQL uses a condition as an index condition only when it is
 * LEAKPROOF, so the shapes here are chosen for that (migrations/0016, ADR 0008): plain comparisons of stored
 * columns, `= any(array)`, and `&&&` (the leakproof overlap of country-code lists) instead of `@>` on countries.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CountryRoleFilter, SeizureFilter } from '../../../shared/seizures.contract.ts';
import { containsPattern } from '../../lib/contains-pattern.ts';

/**
 * The date a record sorts and is counted by: its seizure date, or 1 January of its report's year when it has
 * none (a stored column, indexed with the id for keyset pages).
 */
export const SORT_DATE = sql<string>`s.sort_date`;
/** The year of the seizure, or the report's year when the record has no date (the year of SORT_DATE). */
export const SEIZURE_YEAR = sql<number>`s.seizure_year`;

/** The record's text fields that free text searches, as one string. */
const SEARCHABLE_TEXT = sql`concat_ws(' ', s.taxon_name, s.location_name, s.seizing_agency, s.reason,
  s.detection_method, s.transport_mode, s.additional_info)`;

function countryInRole(country: string, role: CountryRoleFilter): RawBuilder<unknown> {
  const code = sql`${country}::char(2)`;
  switch (role) {
    case 'seizure':
      return sql`s.seizure_country = ${code}`;
    case 'origin':
      return sql`s.origin_country = ${code}`;
    case 'export':
      return sql`s.export_country = ${code}`;
    case 'destination':
      return sql`s.destination_country = ${code}`;
    case 'transit':
      return sql`s.transit_countries &&& array[${code}]`;
    case 'nationality':
      return sql`s.offender_nationalities &&& array[${code}]`;
    case 'any':
      // concerned_parties is every country of the record (generated column, GIN index).
      return sql`s.concerned_parties &&& array[${code}]`;
  }
}

/** A filter whose taxa are resolved to the ids of every taxon at or below them (seizures.repo.ts resolveFilter). */
export type ResolvedFilter = Omit<SeizureFilter, 'taxon'> & {
  taxonIds?: readonly number[];
  /** How a long list of taxa is applied: through its index, or as a test of rows found otherwise. */
  broadTaxa?: 'index' | 'filter';
};

/**
 * Up to this many taxa (a species, a genus, a family), the taxon index may always drive or narrow a search. A
 * taxon high in the tree (Mammalia: over a hundred species, a third of all records) narrows nothing for a Party,
 * whose records the sharing rule's index already finds among few: building its bitmap took 30 ms of a 60 ms Party
 * search, yet the planner, pricing each heap page it might save as a disk read, used it anyway. For readers who
 * see most records (the Secretariat, ICCWC partners) it does narrow. `broadTaxa: 'filter'` writes the condition
 * as a test of the rows the other indexes found (`is true` keeps it from being an index condition).
 */
const INDEXED_TAXA_MAX = 20;

function taxonCondition(filter: ResolvedFilter, taxonIds: readonly number[]): RawBuilder<unknown> {
  const matches = sql`s.taxon_id = any(${taxonIds}::bigint[])`;
  return taxonIds.length > INDEXED_TAXA_MAX && filter.broadTaxa === 'filter'
    ? sql`(${matches}) is true`
    : matches;
}

/** The filter conditions, to be joined with `and` (an empty list means no filter). */
export function filterConditions(filter: ResolvedFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  // Years as a range of SORT_DATE, so the sort-date index serves them.
  if (filter.yearFrom !== undefined) where.push(sql`${SORT_DATE} >= ${`${filter.yearFrom}-01-01`}::date`);
  if (filter.yearTo !== undefined) where.push(sql`${SORT_DATE} <= ${`${filter.yearTo}-12-31`}::date`);
  if (filter.dateFrom !== undefined) where.push(sql`s.seizure_date >= ${filter.dateFrom}::date`);
  if (filter.dateTo !== undefined) where.push(sql`s.seizure_date <= ${filter.dateTo}::date`);
  if (filter.party) where.push(sql`s.reporting_party = any(${filter.party}::char(2)[])`);
  if (filter.country !== undefined) where.push(countryInRole(filter.country, filter.countryRole));
  // The taxon and everything below it (resolved to ids beforehand).
  if (filter.taxonIds) where.push(taxonCondition(filter, filter.taxonIds));
  if (filter.appendix) where.push(sql`string_to_array(s.appendix, '/') && ${filter.appendix}::text[]`);
  if (filter.term) where.push(sql`s.term_code = any(${filter.term}::text[])`);
  if (filter.unit) where.push(sql`s.unit_code = any(${filter.unit}::text[])`);
  if (filter.detectionMethod) where.push(sql`s.detection_method = any(${filter.detectionMethod}::text[])`);
  if (filter.transportMode) where.push(sql`s.transport_mode = any(${filter.transportMode}::text[])`);
  if (filter.locationType) where.push(sql`s.location_type = any(${filter.locationType}::text[])`);
  if (filter.quantityMin !== undefined) where.push(sql`s.quantity >= ${filter.quantityMin}::numeric`);
  if (filter.quantityMax !== undefined) where.push(sql`s.quantity <= ${filter.quantityMax}::numeric`);
  if (filter.q !== undefined) where.push(sql`${SEARCHABLE_TEXT} ilike ${containsPattern(filter.q)}`);
  if (filter.shareEtis !== undefined) where.push(sql`s.share_etis = ${filter.shareEtis}`);
  // The permits the record names, as matched to the registry (migrations/0048): the links' own row-level security
  // shows them only to readers who see both the record and the permits.
  if (filter.permit !== undefined)
    where.push(sql`exists (select 1 from seizure_permit_links l
                            where l.record_id = s.id and l.verdict = ${filter.permit})`);
  return where;
}

/** visibleTo and the filters as one WHERE clause body. */
export function whereClause(visible: RawBuilder<boolean>, filter: ResolvedFilter): RawBuilder<unknown> {
  return sql.join([visible, ...filterConditions(filter)], sql` and `);
}
