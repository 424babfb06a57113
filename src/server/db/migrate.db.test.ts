/**
 * The migration runner refuses an edited migration and a database migrated by a newer version, and
 * two runners starting at once apply each migration exactly once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { checksumOf, migrate, MigrationError, readMigrationFiles, type MigrationFile } from './migrate.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => database?.close());

const extra = (name: string, body: string): MigrationFile => ({
  name,
  sql: body,
  checksum: checksumOf(body),
});

describe('migration runner', () => {
  test('a migrated database needs nothing more', async () => {
    const report = await migrate(database.db, { appVersion: 'test' });
    assert.deepEqual(report.applied, []);
    assert.equal(report.alreadyApplied, readMigrationFiles().length);
  });

  test('applies a new migration once, in a transaction, even when two runners start together', async () => {
    const files = [
      ...readMigrationFiles(),
      extra('9001_test_table.sql', 'create table migration_probe (id int primary key);'),
    ];
    const [first, second] = await Promise.all([
      migrate(database.db, { appVersion: 'test', files }),
      migrate(database.db, { appVersion: 'test', files }),
    ]);
    assert.deepEqual([...first.applied, ...second.applied], ['9001_test_table.sql']);
    const rows = await database.db
      .selectFrom('schema_migrations')
      .select('name')
      .where('name', '=', '9001_test_table.sql')
      .execute();
    assert.equal(rows.length, 1);
  });

  test('a failing migration leaves no trace', async () => {
    const files = [
      ...readMigrationFiles(),
      extra('9001_test_table.sql', 'create table migration_probe (id int primary key);'),
      extra('9002_broken.sql', 'create table half_done (id int); select no_such_function();'),
    ];
    await assert.rejects(migrate(database.db, { appVersion: 'test', files }), /no_such_function/);
    const table = await sql<{ name: string | null }>`select to_regclass('half_done')::text as name`.execute(
      database.db,
    );
    assert.equal(table.rows[0]?.name, null);
    const applied = await database.db
      .selectFrom('schema_migrations')
      .select('name')
      .where('name', '=', '9002_broken.sql')
      .execute();
    assert.equal(applied.length, 0);
  });

  test('an applied migration whose file was edited stops the start with a clear error', async () => {
    const files = [
      ...readMigrationFiles().map((file, index) =>
        index === 1
          ? { ...file, sql: `${file.sql}\n-- edited`, checksum: checksumOf(`${file.sql}\n-- edited`) }
          : file,
      ),
      extra('9001_test_table.sql', 'create table migration_probe (id int primary key);'),
    ];
    await assert.rejects(
      migrate(database.db, { appVersion: 'test', files }),
      (error: unknown) =>
        error instanceof MigrationError &&
        /0002_audit_log\.sql was changed after it was applied/.test(error.message),
    );
  });

  test('a database migrated by a newer version is refused', async () => {
    await assert.rejects(
      migrate(database.db, { appVersion: 'older', files: readMigrationFiles() }),
      (error: unknown) =>
        error instanceof MigrationError && /newer version.*9001_test_table\.sql/.test(error.message),
    );
  });
});
