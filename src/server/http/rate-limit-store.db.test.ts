/**
 * The global rate limit's counters: each instance answers from its own tally between syncs, and every instance
 * adds its hits to the one shared counter, so the count is exact within an instance and complete across them.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { LocalTallies, SHARED_COUNT_LAG_MS } from './rate-limit-store.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => database?.close());

async function sharedCount(key: string): Promise<number> {
  const result = await sql<{ hits: number }>`select hits from rate_limit_hits where key = ${key}`.execute(
    database.db,
  );
  return Number(result.rows[0]?.hits ?? 0);
}

test('concurrent hits on one instance get every count from 1 to n, and all reach the shared counter', async () => {
  let now = 1_000_000;
  const tallies = new LocalTallies(database.db, 60_000, () => now);
  const answers = await Promise.all(Array.from({ length: 50 }, () => tallies.hit('concurrent')));
  assert.deepEqual(
    answers.map((answer) => answer.current).sort((a, b) => a - b),
    Array.from({ length: 50 }, (_, i) => i + 1),
  );
  assert.equal(await sharedCount('concurrent'), 1, 'only the first hit has been written so far');
  now += SHARED_COUNT_LAG_MS;
  assert.equal((await tallies.hit('concurrent')).current, 51);
  assert.equal(await sharedCount('concurrent'), 51, 'the next sync adds the hits counted meanwhile');
});

test('two instances count the same hits: each sees the other once it has synced', async () => {
  let now = 2_000_000;
  const first = new LocalTallies(database.db, 60_000, () => now);
  const second = new LocalTallies(database.db, 60_000, () => now);
  assert.equal((await first.hit('shared')).current, 1);
  assert.equal((await first.hit('shared')).current, 2, 'answered by the first instance alone');
  assert.equal((await second.hit('shared')).current, 2, 'the first instance has synced one hit of two');
  now += SHARED_COUNT_LAG_MS;
  assert.equal((await first.hit('shared')).current, 4, 'its unsynced hit and this one are added');
  assert.equal((await second.hit('shared')).current, 5);
  assert.equal(await sharedCount('shared'), 5);
});

test('a key over its window starts again from one', async () => {
  let now = 3_000_000;
  const tallies = new LocalTallies(database.db, 200, () => now);
  assert.equal((await tallies.hit('window')).current, 1);
  assert.equal((await tallies.hit('window')).current, 2);
  // Past the window both here and in the database (whose clock decides the shared window).
  await new Promise((resolve) => setTimeout(resolve, 250));
  now += 250;
  assert.equal((await tallies.hit('window')).current, 1);
  assert.equal(await sharedCount('window'), 1);
});
