/**
 * Pages of records in the explorer's list: keyset pages in a chosen order, and the first page together with how
 * many records match. Like seizures.repo.ts, every query reads `seizure_records s` under `visibleTo(actor)` in the
 * caller's withActor transaction, where row-level security applies the sharing rule a second time.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';
import type { SeizureSort } from '../../../shared/seizures.contract.ts';
import { SORT_DATE, whereClause, type ResolvedFilter } from './seizure-filters.ts';
import { ITEM_COLUMNS, type SeizureRow } from './seizures.repo.ts';

/** How each sort orders and what its keyset compares: (key, id) descending or ascending. */
const SORTS: Record<SeizureSort, { key: RawBuilder<unknown>; cast: RawBuilder<unknown>; desc: boolean }> = {
  date_desc: { key: SORT_DATE, cast: sql`date`, desc: true },
  date_asc: { key: SORT_DATE, cast: sql`date`, desc: false },
  kg_desc: { key: sql`coalesce(s.quantity_kg, -1)`, cast: sql`numeric`, desc: true },
  id_desc: { key: sql`s.id`, cast: sql`bigint`, desc: true },
};

export interface PageRequest {
  filter: ResolvedFilter;
  sort: SeizureSort;
  /** The last row of the previous page: its sort key (as text) and id. */
  after: { key: string; id: number } | null;
  limit: number;
}

/** A page of matching records in sort order, keyset-paged on (sort key, id); `limit` rows at most. */
export async function selectPage(
  tx: Tx,
  visible: RawBuilder<boolean>,
  page: PageRequest,
): Promise<SeizureRow[]> {
  const sort = SORTS[page.sort];
  const keyset = page.after
    ? sort.desc
      ? sql`and (${sort.key}, s.id) < (${page.after.key}::${sort.cast}, ${page.after.id}::bigint)`
      : sql`and (${sort.key}, s.id) > (${page.after.key}::${sort.cast}, ${page.after.id}::bigint)`
    : sql``;
  const direction = sort.desc ? sql`desc` : sql`asc`;
  const result = await sql<SeizureRow>`
    select ${ITEM_COLUMNS}, (${sort.key})::text as sort_key
      from seizure_records s
      left join taxa t on t.id = s.taxon_id
     where ${whereClause(visible, page.filter)} ${keyset}
     order by ${sort.key} ${direction}, s.id ${direction}
     limit ${page.limit}`.execute(tx);
  return result.rows;
}

/**
 * The first page and the number of matching records, counting no further than `cap`, in one pass: the matching
 * records (id and sort key only, `cap + 1` at most, in whatever order the best index gives them) are collected
 * once, counted, and the page is taken from them. When more than `cap` match, the page taken is not the first of
 * all matches: the caller then asks selectPage, which walks the sort order and stops after one page.
 */
export async function selectFirstPage(
  tx: Tx,
  visible: RawBuilder<boolean>,
  page: Omit<PageRequest, 'after'>,
  cap: number,
): Promise<{ rows: SeizureRow[]; matched: number }> {
  const sort = SORTS[page.sort];
  const direction = sort.desc ? sql`desc` : sql`asc`;
  const result = await sql<SeizureRow & { matched: string }>`
    with matching as (
      select s.id, ${sort.key} as key from seizure_records s where ${whereClause(visible, page.filter)}
       limit ${cap + 1}
    )
    select ${ITEM_COLUMNS}, (m.key)::text as sort_key, (select count(*) from matching) as matched
      from matching m
      join seizure_records s on s.id = m.id
      left join taxa t on t.id = s.taxon_id
     order by m.key ${direction}, m.id ${direction}
     limit ${page.limit}`.execute(tx);
  return { rows: result.rows, matched: Number(result.rows[0]?.matched ?? 0) };
}
