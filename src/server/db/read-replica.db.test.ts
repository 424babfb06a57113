/**
 * The replica monitor (ADR 0015) against real PostgreSQL connections: a read URL that answers and has replayed
 * everything is used; one that does not answer is not, and /readyz stays ready while reads go to the primary.
 * PostgreSQL only: the embedded database has no replica (and refuses DATABASE_READ_URL).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDatabase, type Database } from './database.ts';
import {
  createTestDatabase,
  testPostgresUrl,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { measureReplicaLag } from './read-replica.ts';

let database: TestDatabase | undefined;
const opened: Database[] = [];
before(async () => {
  // Only the PostgreSQL tests need a database; the embedded one's test opens nothing.
  if (testPostgresUrl()) database = await createTestDatabase();
});
after(async () => {
  for (const each of opened) await each.close();
  await database?.close();
});

const onPostgres = () => (testPostgresUrl() ? false : 'PostgreSQL only (TEST_DATABASE_URL)');

async function until(what: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!what() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
}

test('the embedded database refuses a read URL', async () => {
  await assert.rejects(
    openDatabase({ readUrl: 'postgres://postgres@127.0.0.1:5432/x' }),
    /DATABASE_READ_URL needs DATABASE_URL/,
  );
});

test(
  'a read database that has replayed everything is in use, with no lag',
  { skip: onPostgres() },
  async () => {
    // A database that is not in recovery (the primary itself) is never behind.
    assert.equal(await measureReplicaLag(database!.db, database!.db), 0);
    const both = await openDatabase({ databaseUrl: database!.url!, readUrl: database!.url!, poolSize: 2 });
    opened.push(both);
    await until(() => both.reads!.state().status === 'in_use');
    assert.equal(both.reads!.state().status, 'in_use');
    assert.equal(both.reads!.state().lagSeconds, 0);
    assert.notEqual(both.reads!.current(), null);
  },
);

test('a read database that does not answer is not used', { skip: onPostgres() }, async () => {
  const changes: string[] = [];
  const gone = await openDatabase({
    databaseUrl: database!.url!,
    readUrl: 'postgres://postgres@127.0.0.1:1/nowhere',
    poolSize: 2,
    onReplicaChange: (state) => changes.push(state.status),
  });
  opened.push(gone);
  await until(() => gone.reads!.state().status === 'unreachable');
  assert.equal(gone.reads!.state().status, 'unreachable');
  assert.equal(gone.reads!.current(), null, 'reads go to the primary');
  assert.deepEqual(changes, ['unreachable'], 'the change is reported once');
});
