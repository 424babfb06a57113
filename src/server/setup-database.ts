/**
 * Brings a database up to date: migrations, then the shipped reference data (only files that changed
 * since they were last loaded). `itd migrate` and `itd serve` both call this.
 */
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import { migrate, type MigrationReport } from './db/migrate.ts';
import { loadShippedReferenceData, type SeedReport } from './features/reference/index.ts';
import { APP_VERSION } from './version.ts';

export async function setUpDatabase(
  db: Kysely<DB>,
  log: (line: string) => void = () => {},
): Promise<{ migrations: MigrationReport; seeds: SeedReport }> {
  const migrations = await migrate(db, { appVersion: APP_VERSION, log });
  const seeds = await loadShippedReferenceData(db, { log });
  return { migrations, seeds };
}
