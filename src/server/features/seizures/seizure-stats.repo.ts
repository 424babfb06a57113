/**
 * The explorer's figures computed from the records, for requests with filters (without filters the figures kept
 * ready per audience answer: seizure-figures.repo.ts). The matching records are read once, into a CTE of the few
 * columns the figures need, and both the groups and the total are computed from it in one statement. Like every
 * query of the explorer, it reads `seizure_records s` under `visibleTo(actor)` in the caller's withActor
 * transaction, where row-level security applies the sharing rule a second time.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';
import type { CountryRole } from '../../../shared/seizures.contract.ts';
import { SEIZURE_YEAR, whereClause } from './seizure-filters.ts';
import { rows, type FiguresRow, type GroupRow, type StatsRequest } from './seizures.repo.ts';

const FIGURES = sql`count(*) as count, sum(s.quantity_count) as specimens, sum(s.quantity_kg) as kg`;

const SINGLE_COUNTRY: Record<Exclude<CountryRole, 'transit' | 'nationality'>, RawBuilder<unknown>> = {
  seizure: sql`s.seizure_country`,
  origin: sql`s.origin_country`,
  export: sql`s.export_country`,
  destination: sql`s.destination_country`,
};

/**
 * The groups of one dimension over `s` (the matching records), biggest first (years and months in order, never
 * cut), each as (key, label, from_country, to_country, count, specimens, kg).
 */
function groupsOf(request: Omit<StatsRequest, 'filter'>): RawBuilder<unknown> {
  const top = sql`order by count desc, key nulls last limit ${request.top}`;
  const plain = (key: RawBuilder<unknown>, order: RawBuilder<unknown>) =>
    sql`select ${key}::text as key, null::text as label, null::text as from_country, null::text as to_country,
               ${FIGURES}
          from s group by 1 ${order}`;
  switch (request.groupBy) {
    case 'year':
      return plain(SEIZURE_YEAR, sql`order by 1`);
    case 'month':
      // Only dates known to the month count by month; the others are the null group.
      return plain(
        sql`case when s.date_precision in ('day', 'month') then to_char(s.seizure_date, 'YYYY-MM') end`,
        sql`order by 1 nulls last`,
      );
    case 'term':
      return plain(sql`s.term_code`, top);
    case 'route':
      // Records without both countries form the null group, with no countries (as in seizure-figures.repo.ts).
      return sql`select r.key, null::text as label, nullif(split_part(r.key, '>', 1), '') as from_country,
                        nullif(split_part(r.key, '>', 2), '') as to_country, r.count, r.specimens, r.kg
                   from (select case when s.origin_country is not null and s.destination_country is not null
                                     then s.origin_country || '>' || s.destination_country end as key,
                                ${FIGURES}
                           from s group by 1) r ${top}`;
    case 'taxon':
      // Add up by taxon first (few thousand groups), then climb each taxon's lineage to the chosen rank.
      return sql`select a.id::text as key, a.name::text as label, null::text as from_country,
                        null::text as to_country, sum(b.count)::bigint as count, sum(b.specimens) as specimens,
                        sum(b.kg) as kg
                   from (select s.taxon_id, ${FIGURES} from s group by s.taxon_id) b
                   left join taxa t on t.id = b.taxon_id
                   left join taxa a on a.id = any(t.lineage) and a.rank = ${request.rank}
                  group by a.id, a.name ${top}`;
    case 'country': {
      if (request.role === 'transit' || request.role === 'nationality') {
        // A record counts once for each of its transit countries (or nationalities).
        const list = request.role === 'transit' ? sql`s.transit_countries` : sql`s.offender_nationalities`;
        return sql`select c.code::text as key, null::text as label, null::text as from_country,
                          null::text as to_country, ${FIGURES}
                     from s cross join lateral unnest(${list}) as c(code) group by 1 ${top}`;
      }
      return plain(SINGLE_COUNTRY[request.role], top);
    }
  }
}

/** The groups of one dimension and the figures of every matching record, in one pass over the records. */
export async function selectFigures(
  tx: Tx,
  visible: RawBuilder<boolean>,
  request: StatsRequest,
): Promise<{ groups: GroupRow[]; total: FiguresRow }> {
  const result = await rows<GroupRow & { part: 'group' | 'total' }>(
    tx,
    sql`with s as materialized (
          select s.seizure_year, s.date_precision, s.seizure_date, s.term_code, s.taxon_id, s.seizure_country,
                 s.origin_country, s.export_country, s.destination_country, s.transit_countries,
                 s.offender_nationalities, s.quantity_count, s.quantity_kg
            from seizure_records s
           where ${whereClause(visible, request.filter)}
        )
        select 'total' as part, null as key, null as label, null as from_country, null as to_country, ${FIGURES}
          from s
        union all
        select 'group', g.* from (${groupsOf(request)}) g`,
  );
  const [total] = result.filter((row) => row.part === 'total');
  return {
    groups: result.filter((row) => row.part === 'group'),
    total: total ?? { count: 0, specimens: null, kg: null },
  };
}
