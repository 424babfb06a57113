/**
 * SQL of the reference data: countries, CITES codes, taxa and the names that point at them.
 * Every function takes the transaction it runs in (opened by withActor).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { CitesCodesTable, CountriesTable, TaxaTable } from '../../db/schema.ts';
import type { Insertable, Selectable } from 'kysely';

export type TaxonRow = Selectable<TaxaTable>;
export type NewTaxon = Omit<Insertable<TaxaTable>, 'id' | 'lineage' | 'updated_at'>;
export type TaxonNameInput = {
  kind: 'accepted' | 'synonym' | 'common';
  language: 'en' | 'fr' | 'es' | null;
  name: string;
  normalized: string;
};

/** insert into countries … on conflict (code) do update … */
export async function upsertCountries(tx: Tx, rows: CountriesTable[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('countries')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        is_cites_party: eb.ref('excluded.is_cites_party'),
        name_en: eb.ref('excluded.name_en'),
        name_fr: eb.ref('excluded.name_fr'),
        name_es: eb.ref('excluded.name_es'),
      })),
    )
    .execute();
}

/** insert into cites_codes … on conflict (kind, code) do update … */
export async function upsertCodes(tx: Tx, rows: CitesCodesTable[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('cites_codes')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['kind', 'code']).doUpdateSet((eb) => ({
        label_en: eb.ref('excluded.label_en'),
        label_fr: eb.ref('excluded.label_fr'),
        label_es: eb.ref('excluded.label_es'),
        base_unit: eb.ref('excluded.base_unit'),
        factor: eb.ref('excluded.factor'),
      })),
    )
    .execute();
}

/** A taxon's key: its name within its kingdom. */
export const taxonKey = (kingdom: string, name: string) => `${kingdom}|${name}`;

/** select * from taxa where name = any($names) — keyed by taxonKey */
export async function findTaxaByNames(tx: Tx, names: string[]): Promise<Map<string, TaxonRow>> {
  if (names.length === 0) return new Map();
  const rows = await tx.selectFrom('taxa').selectAll().where('name', 'in', names).execute();
  return new Map(rows.map((row) => [taxonKey(row.kingdom, row.name), row]));
}

/** select * from taxa where speciesplus_id = any($ids) */
export async function findTaxaBySpeciesPlusIds(tx: Tx, ids: number[]): Promise<Map<number, TaxonRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('taxa').selectAll().where('speciesplus_id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.speciesplus_id!, row]));
}

/** insert into taxa (...) values (...), (...) returning id, kingdom, name — keyed by taxonKey */
export async function insertTaxa(tx: Tx, taxa: NewTaxon[]): Promise<Map<string, number>> {
  if (taxa.length === 0) return new Map();
  const rows = await tx.insertInto('taxa').values(taxa).returning(['id', 'kingdom', 'name']).execute();
  return new Map(rows.map((row) => [taxonKey(row.kingdom, row.name), row.id]));
}

/** update taxa set ..., updated_at = now() where id = $id */
export async function updateTaxon(tx: Tx, id: number, changes: Partial<NewTaxon>): Promise<void> {
  await tx
    .updateTable('taxa')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** select taxon_id, kind, language, normalized from taxon_names where taxon_id = any($ids) */
export async function namesOfTaxa(tx: Tx, taxonIds: number[]): Promise<Map<number, TaxonNameInput[]>> {
  const result = new Map<number, TaxonNameInput[]>();
  if (taxonIds.length === 0) return result;
  const rows = await tx
    .selectFrom('taxon_names')
    .select(['taxon_id', 'kind', 'language', 'name', 'normalized'])
    .where('taxon_id', 'in', taxonIds)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = result.get(row.taxon_id) ?? [];
    list.push({ kind: row.kind, language: row.language, name: row.name, normalized: row.normalized });
    result.set(row.taxon_id, list);
  }
  return result;
}

/** insert into taxon_names … on conflict do nothing (names are only ever added by imports) */
export async function addTaxonNames(tx: Tx, names: (TaxonNameInput & { taxon_id: number })[]): Promise<void> {
  for (let start = 0; start < names.length; start += 2000) {
    await tx
      .insertInto('taxon_names')
      .values(names.slice(start, start + 2000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * Recomputes every taxon's lineage (ids from the root down to itself) from parent_id:
 * with recursive tree as (roots union all children) update taxa … where lineage differs.
 */
export async function rebuildLineages(tx: Tx): Promise<number> {
  const result = await sql`
    with recursive tree (id, lineage) as (
      select id, array[id] from taxa where parent_id is null
      union all
      select t.id, tree.lineage || t.id from taxa t join tree on t.parent_id = tree.id
    )
    update taxa set lineage = tree.lineage
    from tree
    where taxa.id = tree.id and taxa.lineage is distinct from tree.lineage`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/** select name, checksum from reference_seeds */
export async function seedChecksums(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx.selectFrom('reference_seeds').select(['name', 'checksum']).execute();
  return new Map(rows.map((row) => [row.name, row.checksum]));
}

/** insert into reference_seeds … on conflict (name) do update */
export async function markSeedLoaded(tx: Tx, name: string, checksum: string): Promise<void> {
  await tx
    .insertInto('reference_seeds')
    .values({ name, checksum })
    .onConflict((oc) => oc.column('name').doUpdateSet({ checksum, loaded_at: new Date() }))
    .execute();
}

/**
 * analyze taxa, taxon_names — after a large import, so the planner uses the trigram index for the
 * resolver (without fresh statistics it scans every name). Runs as the owner: app_user may not analyze.
 */
export async function unsafeAnalyzeChecklist(db: Kysely<DB>): Promise<void> {
  await sql`analyze taxa, taxon_names`.execute(db);
}

/** Every country and territory, by code (a few hundred rows: the lists are served whole and cached by clients). */
export async function selectCountries(tx: Tx) {
  return tx.selectFrom('countries').selectAll().orderBy('code').execute();
}

/** The CITES codes, of one kind or all. */
export async function selectCodes(tx: Tx, kind: CitesCodesTable['kind'] | undefined) {
  let query = tx.selectFrom('cites_codes').selectAll().orderBy('kind').orderBy('code');
  if (kind) query = query.where('kind', '=', kind);
  return query.execute();
}
