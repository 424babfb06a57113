/**
 * The migration runner: plain .sql files in migrations/, applied in name order, forward-only.
 * - each file runs in its own transaction together with its bookkeeping row;
 * - a checksum per file: an applied migration whose file changed stops the start;
 * - a database that knows migrations this version does not (a newer version migrated it) is refused;
 * - an advisory lock makes two servers starting at once take turns.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { projectRoot } from '../config.ts';
import type { DB } from './schema.ts';

export interface MigrationFile {
  name: string;
  checksum: string;
  sql: string;
}

export class MigrationError extends Error {}

const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;
// pg_advisory_lock key: any constant shared by every version of the platform.
const MIGRATION_LOCK_KEY = 7_315_042_001;

export function migrationsDir(): string {
  return path.join(projectRoot(), 'migrations');
}

export function checksumOf(text: string): string {
  // Line endings are normalised so a checkout on another system does not look like an edit.
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

export function readMigrationFiles(dir = migrationsDir()): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      if (!MIGRATION_NAME.test(file)) {
        throw new MigrationError(`Migration file name ${file} must look like 0001_what_it_does.sql`);
      }
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return { name: file, checksum: checksumOf(text), sql: text };
    });
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(
  db: Kysely<DB>,
  options: { files?: MigrationFile[]; appVersion: string; log?: (line: string) => void },
): Promise<MigrationReport> {
  const files = options.files ?? readMigrationFiles();
  const log = options.log ?? (() => {});
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
          name text primary key,
          checksum text not null,
          applied_at timestamptz not null default now(),
          app_version text not null
        )`.execute(conn);
      const applied = await conn.selectFrom('schema_migrations').select(['name', 'checksum']).execute();
      checkAppliedAgainstFiles(applied, files);
      const done = new Set(applied.map((row) => row.name));
      const pending = files.filter((file) => !done.has(file.name));
      for (const file of pending) {
        log(`Applying migration ${file.name}`);
        await conn.transaction().execute(async (tx) => {
          await sql.raw(file.sql).execute(tx);
          await tx
            .insertInto('schema_migrations')
            .values({ name: file.name, checksum: file.checksum, app_version: options.appVersion })
            .execute();
        });
      }
      return { applied: pending.map((file) => file.name), alreadyApplied: applied.length };
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}

function checkAppliedAgainstFiles(
  applied: { name: string; checksum: string }[],
  files: MigrationFile[],
): void {
  const byName = new Map(files.map((file) => [file.name, file]));
  const unknown = applied.filter((row) => !byName.has(row.name)).map((row) => row.name);
  if (unknown.length > 0) {
    throw new MigrationError(
      `This database was migrated by a newer version of the platform (it has ${unknown.join(', ')}, ` +
        'which this version does not know). Run the newer version, or restore a matching backup.',
    );
  }
  for (const row of applied) {
    const file = byName.get(row.name);
    if (file && file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.name} was changed after it was applied (stored checksum ${row.checksum.slice(0, 12)}…, ` +
          `file ${file.checksum.slice(0, 12)}…). Migrations are forward-only: undo the edit and add a new migration.`,
      );
    }
  }
}
