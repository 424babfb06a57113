/**
 * SQL for the group library. Callers pass the audiences the reader may see (groups.policy.ts
 * `visibleAudiences`); row-level security restates the rule.
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Audience } from '../../../shared/groups.contract.ts';
import type { LibraryItemsTable, LibraryVersionsTable } from '../../db/schema-groups.ts';
import type { Tx } from '../../db/with-actor.ts';
import { containsPattern } from '../../lib/contains-pattern.ts';
import type { Keyset } from './paging.ts';

export type ItemRow = Selectable<LibraryItemsTable>;

export interface LibraryFilter {
  kind?: 'document' | 'alert' | undefined;
  audience?: Audience | undefined;
  language?: 'en' | 'fr' | 'es' | undefined;
  tag?: string | undefined;
  q?: string | undefined;
}

/** A page of a group's items in the given audiences, newest first, and how many match in all. */
export async function listItemRows(
  tx: Tx,
  groupId: string,
  audiences: Audience[],
  filter: LibraryFilter,
  page: { after: Keyset | null; limit: number },
): Promise<{ rows: ItemRow[]; total: number }> {
  let select = tx
    .selectFrom('library_items')
    .where('group_id', '=', groupId)
    // Security: the audience filter (groups.policy.ts); lists, totals and search all start here.
    .where('audience', 'in', audiences);
  if (filter.kind) select = select.where('kind', '=', filter.kind);
  if (filter.audience) select = select.where('audience', '=', filter.audience);
  if (filter.language) select = select.where('language', '=', filter.language);
  if (filter.tag) select = select.where(sql<boolean>`${filter.tag} = any(tags)`);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    select = select.where((eb) =>
      eb.or([
        eb('title', 'ilike', pattern),
        eb('summary', 'ilike', pattern),
        eb(sql`array_to_string(tags, ' ')`, 'ilike', pattern),
      ]),
    );
  }
  const total = await select.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  let rows = select.selectAll();
  const after = page.after;
  if (after) {
    rows = rows.where((eb) =>
      eb.or([
        eb('updated_at', '<', new Date(after.at)),
        eb.and([eb('updated_at', '=', new Date(after.at)), eb('id', '<', after.id)]),
      ]),
    );
  }
  return {
    rows: await rows
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute(),
    total: Number(total.n),
  };
}

/** How many files each item's current version has. */
export async function currentFileCounts(tx: Tx, itemIds: string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const counts = await tx
    .selectFrom('library_versions as v')
    .innerJoin('group_files as f', 'f.library_version_id', 'v.id')
    .innerJoin('library_items as i', (join) =>
      join.onRef('i.id', '=', 'v.item_id').onRef('i.current_version', '=', 'v.version'),
    )
    .select(['v.item_id', sql<string>`count(*)`.as('n')])
    .where('v.item_id', 'in', itemIds)
    .groupBy('v.item_id')
    .execute();
  return new Map(counts.map((c) => [c.item_id, Number(c.n)]));
}

/** select * from library_items where id = $1 and group_id = $2 and audience in (…) */
export async function findItem(tx: Tx, groupId: string, audiences: Audience[], itemId: string) {
  return tx
    .selectFrom('library_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('group_id', '=', groupId)
    .where('audience', 'in', audiences)
    .executeTakeFirst();
}

/** select * from library_versions where item_id = $1 order by version desc */
export async function versionsOf(tx: Tx, itemId: string) {
  return tx
    .selectFrom('library_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('version', 'desc')
    .execute();
}

export async function insertItem(tx: Tx, values: Insertable<LibraryItemsTable>): Promise<ItemRow> {
  return tx.insertInto('library_items').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateItem(
  tx: Tx,
  itemId: string,
  set: Updateable<LibraryItemsTable>,
): Promise<ItemRow> {
  return tx
    .updateTable('library_items')
    .set(set)
    .where('id', '=', itemId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertVersionRow(tx: Tx, values: Insertable<LibraryVersionsTable>): Promise<string> {
  const row = await tx
    .insertInto('library_versions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
