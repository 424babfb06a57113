/**
 * The explorer's figures when no filter is set, read from the figures kept ready per audience
 * (migrations/0017_seizure_figures.sql): a handful of rows instead of every record the caller may see. Each query
 * names the caller's audience (audienceOf, the sharing rule in seizures.policy.ts), and row-level security shows
 * only that audience's rows again underneath. The answers have the shape of seizures.repo.ts's, which computes the
 * same figures from the records (seizure-figures.db.test.ts holds the two to the same numbers).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';
import { FACETS } from '../../../shared/seizures.contract.ts';
import { rows, type FacetRow, type FiguresRow, type GroupRow, type StatsRequest } from './seizures.repo.ts';

/** The rows of one dimension for the audience, summed over their deltas. */
function dimension(audience: string, name: string): RawBuilder<unknown> {
  return sql`select f.key, sum(f.records) as count, sum(f.specimens) as specimens, sum(f.kg) as kg
               from seizure_figures f
              where f.audience = ${audience} and f.dimension = ${name}
              group by f.key
             having sum(f.records) <> 0`;
}

export async function selectFigureGroups(
  tx: Tx,
  audience: string,
  request: Omit<StatsRequest, 'filter'>,
): Promise<GroupRow[]> {
  const top = sql`order by count desc, key nulls last limit ${request.top}`;
  switch (request.groupBy) {
    case 'year':
      return rows<GroupRow>(
        tx,
        sql`select g.*, null as label from (${dimension(audience, 'year')}) g order by key`,
      );
    case 'month':
      return rows<GroupRow>(
        tx,
        sql`select g.*, null as label from (${dimension(audience, 'month')}) g order by key nulls last`,
      );
    case 'term':
      return rows<GroupRow>(
        tx,
        sql`select g.*, null as label from (${dimension(audience, 'term')}) g ${top}`,
      );
    case 'route':
      return rows<GroupRow>(
        tx,
        sql`select g.*, null as label, split_part(g.key, '>', 1) as from_country,
                   split_part(g.key, '>', 2) as to_country
              from (${dimension(audience, 'route')}) g ${top}`,
      );
    case 'taxon':
      // The same climb as seizures.repo.ts: each taxon's figures go to its ancestor at the chosen rank.
      return rows<GroupRow>(
        tx,
        sql`select a.id::text as key, a.name as label, sum(b.count)::bigint as count,
                   sum(b.specimens) as specimens, sum(b.kg) as kg
              from (${dimension(audience, 'taxon')}) b
              left join taxa t on t.id = b.key::bigint
              left join taxa a on a.id = any(t.lineage) and a.rank = ${request.rank}
             group by a.id, a.name ${top}`,
      );
    case 'country':
      return rows<GroupRow>(
        tx,
        sql`select g.*, null as label from (${dimension(audience, request.role)}) g ${top}`,
      );
  }
}

export async function selectFigureTotal(tx: Tx, audience: string): Promise<FiguresRow> {
  const [total] = await rows<FiguresRow>(tx, dimension(audience, 'total'));
  return total ?? { count: 0, specimens: null, kg: null };
}

/** The facet counts: the figures' dimensions are named as the facets are (FACETS). */
export async function selectFigureFacets(tx: Tx, audience: string): Promise<FacetRow[]> {
  return rows<FacetRow>(
    tx,
    sql`select f.dimension as facet, f.key as value, sum(f.records) as count
          from seizure_figures f
         where f.audience = ${audience} and f.dimension = any(${[...FACETS]}::text[])
         group by f.dimension, f.key
        having sum(f.records) <> 0`,
  );
}

/**
 * Folds the figures' deltas into one row per value (migrations/0017). Run now and then, in a transaction of its
 * own, by the server and after bulk loads; the figures are right before it too, only read from more rows.
 */
export async function compactSeizureFigures(tx: Tx): Promise<void> {
  await sql`select app_compact_seizure_figures()`.execute(tx);
}
