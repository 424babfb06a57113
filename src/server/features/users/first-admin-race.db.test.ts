/**
 * Several servers starting at once on an empty database (the topology of docs/TOPOLOGY.md) each try to create the
 * first Secretariat admin: exactly one does, and none of them fails to start.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { ensureFirstAdmin } from './index.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => database?.close());

test('servers starting together create one first admin, and none of them fails', async () => {
  const email = 'first-admin@example.org';
  const results = await Promise.all([1, 2, 3].map(() => ensureFirstAdmin(database.db, email)));
  const created = results.filter((result) => result !== null);
  assert.equal(created.length, 1, 'one server created the admin');
  assert.equal(created[0]!.email, email);
  // Once there is a user, a later start creates nobody.
  assert.equal(await ensureFirstAdmin(database.db, email), null);
});
