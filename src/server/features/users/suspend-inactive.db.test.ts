/** Automatic suspension after inactivity: a warning 10 days before, then suspension; signing in clears it. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDatabase } from '../../db/database.ts';
import {
  createTestDatabase,
  testPostgresUrl,
  type TestDatabase,
} from '../../../../test/support/test-database.ts';
import { createTestUser } from '../../../../test/support/identity.ts';
import { runInactivityJobOnce } from './suspend-inactive.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => database?.close());

const DAY = 86_400_000;

test('warns at 170 days of inactivity, suspends at 180 once warned 10 days before', async () => {
  const idle = await createTestUser(database.db);
  const busy = await createTestUser(database.db);
  const start = new Date('2026-01-01T00:00:00Z');
  await database.db
    .updateTable('users')
    .set({ last_active_at: start })
    .where('email', 'in', [idle.email, busy.email])
    .execute();
  const job = (day: number) =>
    runInactivityJobOnce(database.db, {
      days: 180,
      publicUrl: 'http://itd.test',
      clock: () => new Date(start.getTime() + day * DAY),
    });

  assert.deepEqual(await job(169), { warned: 0, suspended: 0 });
  const warned = await job(171);
  assert.ok(warned && warned.warned >= 2);
  const mail = await database.db
    .selectFrom('outbox')
    .select(['recipient', 'subject'])
    .where('recipient', '=', idle.email)
    .execute();
  assert.match(mail[0]?.subject ?? '', /will be suspended soon/);

  // The busy one signs in (last activity now, warning cleared); the idle one does not.
  await database.db
    .updateTable('users')
    .set({ last_active_at: new Date(start.getTime() + 175 * DAY), inactivity_warned_at: null })
    .where('email', '=', busy.email)
    .execute();
  const suspended = await job(181);
  assert.ok(suspended && suspended.suspended >= 1);
  const rows = await database.db
    .selectFrom('users')
    .select(['email', 'status'])
    .where('email', 'in', [idle.email, busy.email])
    .execute();
  assert.deepEqual(Object.fromEntries(rows.map((r) => [r.email, r.status])), {
    [idle.email]: 'suspended',
    [busy.email]: 'active',
  });
});

test(
  'two servers running the job together send one warning per person',
  { skip: testPostgresUrl() ? false : 'PostgreSQL only: two servers cannot share an embedded database' },
  async () => {
    // A second server: its own pool on the same database, as behind the load balancer of docs/TOPOLOGY.md.
    const other = await openDatabase({ databaseUrl: database.url!, poolSize: 4 });
    try {
      const users = await Promise.all([1, 2, 3].map(() => createTestUser(database.db)));
      const emails = users.map((user) => user.email);
      const start = new Date('2030-01-01T00:00:00Z');
      await database.db
        .updateTable('users')
        .set({ last_active_at: start, inactivity_warned_at: null })
        .where('email', 'in', emails)
        .execute();
      const options = {
        days: 180,
        publicUrl: 'http://itd.test',
        clock: () => new Date(start.getTime() + 171 * DAY),
      };
      // Both servers' hourly timers fire at once, several times over.
      const runs = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          runInactivityJobOnce(index % 2 ? other.db : database.db, options),
        ),
      );
      assert.ok(
        runs.some((run) => run !== null),
        'one of the runs took the lock',
      );
      const warnings = await database.db
        .selectFrom('outbox')
        .select(['recipient', 'subject'])
        .where('recipient', 'in', emails)
        .execute();
      assert.ok(warnings.every((row) => /will be suspended soon/.test(row.subject)));
      assert.deepEqual(warnings.map((row) => row.recipient).sort(), [...emails].sort(), 'one warning each');
      const ids = await database.db.selectFrom('users').select('id').where('email', 'in', emails).execute();
      const audited = await database.db
        .selectFrom('audit_events')
        .select('target_id')
        .where('action', '=', 'user.inactivity_warned')
        .where(
          'target_id',
          'in',
          ids.map((row) => row.id),
        )
        .execute();
      assert.equal(audited.length, users.length, 'one audit entry per warning');
    } finally {
      await other.close();
    }
  },
);
