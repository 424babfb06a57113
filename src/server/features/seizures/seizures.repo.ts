/**
 * The SQL of the seizure explorer, one function per endpoint query (pages of records: seizure-pages.repo.ts). Every query reads `seizure_records s` under
 * `visibleTo(actor)` (passed in as `visible`) and runs in the caller's withActor transaction, where row-level
 * security applies the sharing rule a second time. Nothing here reads a record the caller may not see.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';
import type { CountryRole, SeizureFilter, StatsGroup } from '../../../shared/seizures.contract.ts';
import type { TaxonRank } from '../../../shared/reference.contract.ts';
import type { Actor } from '../../../shared/actor.ts';
import { SEIZURE_YEAR, whereClause, type ResolvedFilter } from './seizure-filters.ts';
import { audienceOf } from './seizures.policy.ts';

/** One record as the explorer reads it (snake case, as selected). */
export interface SeizureRow {
  id: number;
  report_id: string;
  reporting_party: string;
  report_year: number;
  year: number;
  date: string | null;
  date_precision: 'day' | 'month' | 'year' | null;
  taxon_id: number | null;
  taxon_ref_name: string | null;
  taxon_ref_appendix: string | null;
  taxon_name: string | null;
  appendix: string | null;
  term_code: string | null;
  quantity: number | null;
  unit_code: string | null;
  quantity_kg: number | null;
  quantity_count: number | null;
  seizure_country: string | null;
  origin_country: string | null;
  export_country: string | null;
  transit_countries: string[];
  destination_country: string | null;
  offender_nationalities: string[];
  location_type: string | null;
  location_name: string | null;
  detection_method: string | null;
  transport_mode: string | null;
  seizing_agency: string | null;
  share_etis: boolean;
  is_published: boolean;
  version: number;
  /** The page's sort key as text (the cursor carries it). */
  sort_key: string;
}

/** The columns of a record in a list (seizure-pages.repo.ts); one record is seizure-records' to read. */
export const ITEM_COLUMNS = sql`s.id, s.report_id, s.reporting_party, s.report_year, ${SEIZURE_YEAR} as year,
  to_char(s.seizure_date, 'YYYY-MM-DD') as date, s.date_precision, s.taxon_id, t.name as taxon_ref_name,
  t.appendix as taxon_ref_appendix, s.taxon_name, s.appendix, s.term_code, s.quantity, s.unit_code,
  s.quantity_kg, s.quantity_count, s.seizure_country, s.origin_country, s.export_country,
  s.transit_countries::text[] as transit_countries, s.destination_country,
  s.offender_nationalities::text[] as offender_nationalities, s.location_type, s.location_name,
  s.detection_method, s.transport_mode, s.seizing_agency, s.share_etis, s.is_published, s.version`;

/**
 * The filter with the chosen taxa replaced by the ids of every taxon at or below them (taxa.lineage, GIN index).
 * Resolved before the record query, as constants, so the planner knows how many records they match (Mammalia:
 * a third of all records; one species: a few hundred) and picks its plan accordingly.
 */
export async function resolveFilter(tx: Tx, filter: SeizureFilter, actor: Actor): Promise<ResolvedFilter> {
  const { taxon, ...rest } = filter;
  if (!taxon) return rest;
  const result = await sql<{ id: string }>`
    select t.id from taxa t where t.lineage && ${taxon}::bigint[]`.execute(tx);
  // A Party's own audience is a small share of all records (seizure-filters.ts, INDEXED_TAXA_MAX).
  const audience = audienceOf(actor);
  const broadTaxa = audience === 'all' || audience === 'iccwc' ? 'index' : 'filter';
  return { ...rest, taxonIds: result.rows.map((row) => Number(row.id)), broadTaxa };
}

export interface FiguresRow {
  count: number;
  specimens: number | null;
  kg: number | null;
}
export interface GroupRow extends FiguresRow {
  key: string | null;
  label: string | null;
  from_country?: string | null;
  to_country?: string | null;
}

export interface StatsRequest {
  filter: ResolvedFilter;
  groupBy: StatsGroup;
  rank: TaxonRank;
  role: CountryRole;
  top: number;
}

export interface FacetRow {
  facet: string;
  value: string;
  count: number;
}

/** Counts per value of each filterable dimension, in one pass over the matching records (grouping sets). */
export async function selectFacets(
  tx: Tx,
  visible: RawBuilder<boolean>,
  filter: ResolvedFilter,
): Promise<FacetRow[]> {
  return rows<FacetRow>(
    tx,
    sql`select case
                 when grouping(s.reporting_party) = 0 then 'party'
                 when grouping(${SEIZURE_YEAR}) = 0 then 'year'
                 when grouping(s.term_code) = 0 then 'term'
                 when grouping(s.unit_code) = 0 then 'unit'
                 when grouping(s.appendix) = 0 then 'appendix'
                 when grouping(s.detection_method) = 0 then 'detectionMethod'
                 when grouping(s.transport_mode) = 0 then 'transportMode'
                 when grouping(s.location_type) = 0 then 'locationType'
               end as facet,
               coalesce(s.reporting_party::text, ${SEIZURE_YEAR}::text, s.term_code, s.unit_code, s.appendix,
                        s.detection_method, s.transport_mode, s.location_type) as value,
               count(*) as count
          from seizure_records s
         where ${whereClause(visible, filter)}
         group by grouping sets ((s.reporting_party), (${SEIZURE_YEAR}), (s.term_code), (s.unit_code),
                                 (s.appendix), (s.detection_method), (s.transport_mode), (s.location_type))`,
  );
}

export async function rows<T>(tx: Tx, query: RawBuilder<unknown>): Promise<T[]> {
  const result = await (query as RawBuilder<T>).execute(tx);
  return result.rows;
}
