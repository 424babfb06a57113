/**
 * A fresh, migrated database for each test file, cloned from a template that is migrated once:
 * - PGlite (default): the migrated data directory is dumped to a tarball in the temp folder, keyed
 *   by the migrations' and seed files' checksums, and every test database starts from it.
 * - PostgreSQL (TEST_DATABASE_URL or DATABASE_URL set): a template database is migrated once, and
 *   each test database is CREATE DATABASE … TEMPLATE it, dropped when the test file ends.
 * Tests build their own rows with factories, so no test depends on another's data.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/database.ts';
import { readMigrationFiles } from '../../src/server/db/migrate.ts';
import { setUpDatabase } from '../../src/server/setup-database.ts';
import { shippedSeedChecksum } from '../../src/server/features/reference/seed-reference.ts';

/** `url` (PostgreSQL only) lets a test start a real server process on the same database. */
export type TestDatabase = Database & { adminUrl?: string; url?: string };

export function testPostgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
}

function templateKey(): string {
  const hash = createHash('sha256');
  for (const file of readMigrationFiles()) hash.update(file.checksum);
  hash.update(shippedSeedChecksum());
  return hash.digest('hex').slice(0, 16);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testPostgresUrl();
  return url ? createPostgresTestDatabase(url) : createPGliteTestDatabase();
}

async function createPGliteTestDatabase(): Promise<TestDatabase> {
  const tarball = path.join(os.tmpdir(), `itd-test-template-${templateKey()}.tar.gz`);
  if (!fs.existsSync(tarball)) {
    const template = await openDatabase({});
    await setUpDatabase(template.db);
    if (!template.dumpDataDir) throw new Error('The embedded database cannot be dumped.');
    const dump = await template.dumpDataDir();
    await template.close();
    // Write then rename, so parallel test files never read a half-written template.
    const partial = `${tarball}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, tarball);
  }
  return openDatabase({ loadDataDir: new Blob([fs.readFileSync(tarball)]) });
}

async function createPostgresTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const templateName = `itd_template_${templateKey()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // One process builds the template; the others wait on the lock, then find it there.
    await admin.query('select pg_advisory_lock(7315042002)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [templateName]);
    if (exists.rowCount === 0) {
      await admin.query(`create database ${templateName}`);
      const template = await openDatabase({ databaseUrl: withDatabase(adminUrl, templateName), poolSize: 2 });
      try {
        await setUpDatabase(template.db);
      } catch (error) {
        await template.close();
        await admin.query(`drop database ${templateName}`);
        throw error;
      }
      await template.close();
    }
    const name = `itd_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name} template ${templateName}`);
    await admin.query('select pg_advisory_unlock(7315042002)');
    const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), poolSize: 5 });
    return {
      ...database,
      adminUrl,
      url: withDatabase(adminUrl, name),
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
