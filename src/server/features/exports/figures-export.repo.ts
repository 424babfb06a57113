/**
 * The figures of an aggregated export: per group of the chosen dimension, the number of matching records, their
 * specimens and kg, and the two largest kg of a single record (small-cell protection suppresses a kg sum that one
 * or two records dominate). One pass over the matching records, under `visibleTo(actor)` and the filters, in the
 * caller's withActor transaction (row-level security applies the sharing rule again).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';
import type { CountryRole } from '../../../shared/seizures.contract.ts';
import type { ExportGroup } from '../../../shared/exports.contract.ts';
import type { TaxonRank } from '../../../shared/reference.contract.ts';

export interface FigureGroupRow {
  key: string | null;
  label: string | null;
  count: number;
  specimens: number;
  kg: number;
  /** The largest kg of single records in the group, largest first (at most two). */
  topKg: number[];
}

const SINGLE_COUNTRY: Record<Exclude<CountryRole, 'transit' | 'nationality'>, RawBuilder<unknown>> = {
  seizure: sql`s.seizure_country`,
  origin: sql`s.origin_country`,
  export: sql`s.export_country`,
  destination: sql`s.destination_country`,
};

/** Each matching record's group key (and label), as `select key, label, party, count, kg from …`. */
function keyedRecords(
  where: RawBuilder<unknown>,
  group: { groupBy: ExportGroup; rank: TaxonRank; role: CountryRole },
): RawBuilder<unknown> {
  const figures = sql`s.quantity_count as specimens, s.quantity_kg as kg`;
  const from = (key: RawBuilder<unknown>) =>
    sql`select (${key})::text as key, null::text as label, ${figures} from seizure_records s where ${where}`;
  switch (group.groupBy) {
    case 'year':
      return from(sql`s.seizure_year`);
    case 'party':
      return from(sql`s.reporting_party`);
    case 'route':
      return from(sql`case when s.origin_country is not null and s.destination_country is not null
                           then s.origin_country || '>' || s.destination_country end`);
    case 'taxon':
      // The ancestor at the rank of each taxon, found once for the few thousand taxa, then joined by hash.
      return sql`select m.ancestor::text as key, m.name as label, ${figures}
                   from seizure_records s
                   left join (select t.id, a.id as ancestor, a.name
                                from taxa t join taxa a on a.id = any(t.lineage) and a.rank = ${group.rank}) m
                     on m.id = s.taxon_id
                  where ${where}`;
    case 'country':
      if (group.role === 'transit' || group.role === 'nationality') {
        const list = group.role === 'transit' ? sql`s.transit_countries` : sql`s.offender_nationalities`;
        return sql`select c.code::text as key, null::text as label, ${figures}
                     from seizure_records s cross join lateral unnest(${list}) as c(code) where ${where}`;
      }
      return from(SINGLE_COUNTRY[group.role]);
  }
}

export async function selectFigureGroups(
  tx: Tx,
  where: RawBuilder<unknown>,
  group: { groupBy: ExportGroup; rank: TaxonRank; role: CountryRole },
): Promise<FigureGroupRow[]> {
  const result = await sql<{
    key: string | null;
    label: string | null;
    count: string;
    specimens: string | null;
    kg: string | null;
    top_kg: (string | number)[] | null;
  }>`
    select r.key, min(r.label) as label, count(*) as count, sum(r.specimens) as specimens, sum(r.kg) as kg,
           (array_agg(r.kg order by r.kg desc) filter (where r.kg is not null))[1:2]::text[] as top_kg
      from (${keyedRecords(where, group)}) r
     group by r.key
     order by r.key nulls last`.execute(tx);
  return result.rows.map((row) => ({
    key: row.key === null ? null : row.key.trim(),
    label: row.label,
    count: Number(row.count),
    specimens: Number(row.specimens ?? 0),
    kg: Number(row.kg ?? 0),
    topKg: (row.top_kg ?? []).map(Number),
  }));
}
