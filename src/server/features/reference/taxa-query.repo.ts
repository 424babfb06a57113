/**
 * Read queries over the checklist: exact and near name lookups for the resolver, list pages, and
 * one taxon with its lineage. The SQL is written next to each function.
 */
import { sql } from 'kysely';
import type { TaxonRank } from '../../../shared/reference.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { TaxonRow } from './reference.repo.ts';

export interface NameHit {
  taxon: TaxonRow;
  name: string;
  kind: 'accepted' | 'synonym' | 'common';
  score: number;
}

const KIND_ORDER = sql<number>`case tn.kind when 'accepted' then 0 when 'synonym' then 1 else 2 end`;
const RANK_ORDER = sql<number>`array_position(array['KINGDOM', 'PHYLUM', 'CLASS', 'ORDER', 'FAMILY', 'SUBFAMILY',
  'GENUS', 'SPECIES', 'SUBSPECIES', 'VARIETY'], t.rank)`;

/** select … from taxon_names tn join taxa t … where tn.normalized = $name order by kind */
export async function findExactNames(tx: Tx, normalized: string): Promise<NameHit[]> {
  const rows = await tx
    .selectFrom('taxon_names as tn')
    .innerJoin('taxa as t', 't.id', 'tn.taxon_id')
    .selectAll('t')
    .select(['tn.name as matched_name', 'tn.kind as matched_kind'])
    .where('tn.normalized', '=', normalized)
    .orderBy(KIND_ORDER)
    .orderBy('t.is_cites_accepted', 'desc')
    // Homonyms across kingdoms (Pholidota: pangolins' order, orchid genus): the higher taxon first.
    .orderBy(RANK_ORDER)
    .orderBy('t.id')
    .limit(50)
    .execute();
  return rows.map(({ matched_name, matched_kind, ...taxon }) => ({
    taxon,
    name: matched_name,
    kind: matched_kind,
    score: 1,
  }));
}

/**
 * The least trigram similarity a name must have to a checklist name to be offered at all. It is also the trigram
 * index's own threshold for the query: the GIN index then needs more of the input's trigrams in a name and skips
 * most of the long lists of common trigrams, so an unknown name costs milliseconds, not a walk over every name.
 */
export const NEAR_NAME_THRESHOLD = 0.45;

/**
 * Trigram neighbours of a name (pg_trgm), above NEAR_NAME_THRESHOLD:
 *   select set_config('pg_trgm.similarity_threshold', '0.45', true);
 *   with candidates as materialized (select … from app_near_taxon_names($name))
 *   select … from candidates join taxa … order by score desc
 * app_near_taxon_names (migration 0054) reads the names through the trigram index: under row-level security a
 * `%` condition written here could not use it and would scan every name. The materialised step keeps the join
 * to taxa after the few candidates are found. A name whose genus (first word) is the input's scores a little
 * higher, because misspelt epithets ("javanicus" for "javanica") are the usual mistake. The threshold is set for
 * the rest of the transaction (set_config's is_local), where nothing else uses `%`.
 */
export async function findNearNames(tx: Tx, normalized: string, limit: number): Promise<NameHit[]> {
  const firstWord = normalized.split(' ')[0] ?? '';
  await sql`select set_config('pg_trgm.similarity_threshold', ${String(NEAR_NAME_THRESHOLD)}, true)`.execute(
    tx,
  );
  const rows = await tx
    .with(
      (cte) => cte('candidates').materialized(),
      (db) =>
        db
          .selectFrom(
            sql<{
              taxon_id: number;
              name: string;
              kind: NameHit['kind'];
              normalized: string;
            }>`app_near_taxon_names(${normalized})`.as('n'),
          )
          .select(['n.taxon_id', 'n.name', 'n.kind'])
          .select(
            sql<number>`similarity(n.normalized, ${normalized})
              + case when split_part(n.normalized, ' ', 1) = ${firstWord} and n.kind <> 'common' then 0.1 else 0 end`.as(
              'score',
            ),
          ),
    )
    .selectFrom('candidates as c')
    .innerJoin('taxa as t', 't.id', 'c.taxon_id')
    .selectAll('t')
    .select(['c.name as matched_name', 'c.kind as matched_kind', 'c.score'])
    .orderBy('c.score', 'desc')
    .orderBy('t.name')
    .limit(limit * 4)
    .execute();
  return rows.map(({ matched_name, matched_kind, score, ...taxon }) => ({
    taxon,
    name: matched_name,
    kind: matched_kind,
    score: Math.min(1, Number(score)),
  }));
}

/** select distinct kingdom from taxon_names tn join taxa t … where tn.normalized = $word and t.rank <> 'SPECIES' … */
export async function kingdomsNamed(tx: Tx, word: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('taxon_names as tn')
    .innerJoin('taxa as t', 't.id', 'tn.taxon_id')
    .select('t.kingdom')
    .distinct()
    .where('tn.normalized', '=', word)
    .where('tn.kind', '<>', 'common')
    .execute();
  return rows.map((row) => row.kingdom);
}

export interface PageQuery {
  afterName: string | null;
  limit: number;
  rank: TaxonRank | undefined;
}

/** select * from taxa where name > $after [and rank = $rank] order by name limit $limit */
export async function listTaxa(tx: Tx, page: PageQuery): Promise<TaxonRow[]> {
  let query = tx.selectFrom('taxa').selectAll().orderBy('name').limit(page.limit);
  if (page.afterName !== null) query = query.where('name', '>', page.afterName);
  if (page.rank) query = query.where('rank', '=', page.rank);
  return query.execute();
}

/** select * from taxa where lineage @> array[$id] and id <> $id … order by name: everything below */
export async function listDescendants(tx: Tx, taxonId: number, page: PageQuery): Promise<TaxonRow[]> {
  let query = tx
    .selectFrom('taxa')
    .selectAll()
    .where(sql<boolean>`lineage @> array[${taxonId}]::bigint[]`)
    .where('id', '<>', taxonId)
    .orderBy('name')
    .limit(page.limit);
  if (page.afterName !== null) query = query.where('name', '>', page.afterName);
  if (page.rank) query = query.where('rank', '=', page.rank);
  return query.execute();
}

/**
 * Taxa any of whose names contains the text (the trigram index serves LIKE):
 * select * from taxa t where exists (select 1 from taxon_names tn where … like '%text%') order by name
 */
export async function listTaxaNamed(tx: Tx, normalized: string, page: PageQuery): Promise<TaxonRow[]> {
  const pattern = `%${normalized.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = tx
    .selectFrom('taxa as t')
    .selectAll('t')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('taxon_names as tn')
          .select(sql`1`.as('one'))
          .whereRef('tn.taxon_id', '=', 't.id')
          .where('tn.normalized', 'like', pattern),
      ),
    )
    .orderBy('t.name')
    .limit(page.limit);
  if (page.afterName !== null) query = query.where('t.name', '>', page.afterName);
  if (page.rank) query = query.where('t.rank', '=', page.rank);
  return query.execute();
}

/** select * from taxa where id = $id */
export async function findTaxon(tx: Tx, id: number): Promise<TaxonRow | undefined> {
  return tx.selectFrom('taxa').selectAll().where('id', '=', id).executeTakeFirst();
}

/** select id, name, rank from taxa where id = any($lineage) */
export async function findLineage(
  tx: Tx,
  ids: number[],
): Promise<{ id: number; name: string; rank: string }[]> {
  if (ids.length === 0) return [];
  const rows = await tx.selectFrom('taxa').select(['id', 'name', 'rank']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row) => row !== undefined);
}

/** select taxon_id, kind, language, name from taxon_names where taxon_id = any($ids) and kind <> 'accepted' */
export async function otherNamesOf(
  tx: Tx,
  ids: number[],
): Promise<Map<number, { kind: 'synonym' | 'common'; language: 'en' | 'fr' | 'es' | null; name: string }[]>> {
  const result = new Map<
    number,
    { kind: 'synonym' | 'common'; language: 'en' | 'fr' | 'es' | null; name: string }[]
  >();
  if (ids.length === 0) return result;
  const rows = await tx
    .selectFrom('taxon_names')
    .select(['taxon_id', 'kind', 'language', 'name'])
    .where('taxon_id', 'in', ids)
    .where('kind', '<>', 'accepted')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = result.get(row.taxon_id) ?? [];
    list.push({ kind: row.kind as 'synonym' | 'common', language: row.language, name: row.name });
    result.set(row.taxon_id, list);
  }
  return result;
}
