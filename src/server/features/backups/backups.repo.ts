/** SQL of restores: whether a PostgreSQL target is empty, clearing it, and the request role a new cluster needs. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Tables in the public schema: a target with any is not empty. */
export async function unsafeCountTables(db: Kysely<DB>): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** `--force`: everything of the public schema goes, so the restore brings back exactly the backup. */
export async function unsafeEmptyPublicSchema(db: Kysely<DB>): Promise<void> {
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}

/**
 * Roles belong to the PostgreSQL cluster, not the database, so a dump does not carry app_user: on a new machine it
 * is created as migrations/0001 does, before the archive's grants to it are restored.
 */
export async function unsafeEnsureRequestRole(db: Kysely<DB>): Promise<void> {
  await sql`
    do $$
    begin
      if not exists (select 1 from pg_roles where rolname = 'app_user') then
        create role app_user nologin nosuperuser nobypassrls noinherit;
      end if;
    exception when duplicate_object then null;
    end
    $$`.execute(db);
}
