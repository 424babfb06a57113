/**
 * Reads that write nothing on a replica (ADR 0015), through the HTTP app: with a replica in use, the audit entry
 * of a search or a record view is committed on the primary before the read runs on the replica; with the replica
 * behind, reads and entries stay on the primary; a replica that loses its connection under a read is set aside and
 * the read answered from the primary, with one entry. The "replica" here is the test database itself behind a
 * probe that records (and on PostgreSQL checks from another connection) what happened before each of its queries.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql, type KyselyPlugin, type PluginTransformResultArgs } from 'kysely';
import pg from 'pg';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createTestUser, signIn, testClock, type ApiClient } from '../../../test/support/identity.ts';
import { createRecords, createReport } from '../../../test/support/seizure-factories.ts';
import type { ReadReplica, ReplicaState } from './read-replica.ts';

const clock = testClock();
let t: TestApp;
let reader: ApiClient;
let readerEmail: string;
let recordId: number;
/** On PostgreSQL, a connection of its own: what it sees is committed. */
let observer: pg.Client | null = null;

const events: string[] = [];
let replicaInUse = true;
let replicaDown = false;
let setAside = 0;

async function committedEntries(): Promise<number> {
  if (!observer) return -1;
  const result = await observer.query<{ n: string }>(
    `select count(*) as n from audit_events e join users u on u.id = e.actor_id where u.email = $1`,
    [readerEmail],
  );
  return Number(result.rows[0]!.n);
}

/** Stands in for the replica: records each query, and before the first one of a read, what was committed. */
const replicaProbe: KyselyPlugin = {
  transformQuery: (args) => args.node,
  async transformResult(args: PluginTransformResultArgs) {
    if (replicaDown) {
      events.push('replica: connection lost');
      throw new Error('Connection terminated unexpectedly');
    }
    events.push(`replica (committed entries: ${await committedEntries()})`);
    return args.result;
  },
};

/** Watches the primary for audit entries written. */
const primaryProbe: KyselyPlugin = {
  transformQuery(args) {
    // The entry is written by a raw, prepared statement (audit.repo.ts).
    if (/insert into audit_events/.test(JSON.stringify(args.node))) events.push('primary: audit entry');
    return args.node;
  },
  transformResult: async (args) => args.result,
};

before(async () => {
  t = await createTestApp(
    { RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' },
    {
      clock,
      serve: (database) => {
        const replicaDb = database.db.withPlugin(replicaProbe);
        const state = (): ReplicaState => ({
          status: replicaInUse ? 'in_use' : 'behind',
          lagSeconds: replicaInUse ? 0 : 60,
          maxLagSeconds: 5,
          checkedAt: new Date().toISOString(),
        });
        const reads: ReadReplica = {
          current: () => (replicaInUse ? replicaDb : null),
          state,
          markUnreachable: () => {
            setAside++;
            replicaInUse = false;
          },
          close: async () => {},
        };
        return { ...database, db: database.db.withPlugin(primaryProbe), reads };
      },
    },
  );
  if (t.database.adminUrl) {
    observer = new pg.Client({ connectionString: t.database.url! });
    await observer.connect();
  }
  const user = await createTestUser(t.database.db, { kind: 'party', party: 'KE', role: 'member' });
  readerEmail = user.email;
  reader = await signIn(t.app, clock, user);
  const report = await createReport(t.database.db, { party: 'KE', year: 2022, shareParties: true });
  [recordId] = (await createRecords(t.database.db, report, [
    { taxon: 'Manis javanica', termCode: 'SCA', kg: 10, seizureCountry: 'KE' },
    { taxon: 'Manis gigantea', termCode: 'SCA', kg: 5, seizureCountry: 'KE' },
  ])) as [number];
});
after(async () => {
  await observer?.end();
  await t?.close();
});
beforeEach(() => {
  events.length = 0;
  replicaInUse = true;
  replicaDown = false;
  setAside = 0;
});

async function lastEntry(action: string) {
  const rows = await sql<{ details: Record<string, unknown>; n: number }>`
    select e.details, count(*) over () as n from audit_events e join users u on u.id = e.actor_id
     where u.email = ${readerEmail} and e.action = ${action} order by e.id desc limit 1`.execute(
    t.database.db,
  );
  return rows.rows[0];
}

test('a search on the replica: its audit entry is committed on the primary before the read', async () => {
  const before = await committedEntries();
  const answer = await reader.call('GET', '/api/v1/seizures?term=SCA');
  assert.equal(answer.statusCode, 200, answer.body);
  assert.equal((JSON.parse(answer.body) as { items: unknown[] }).items.length, 2);
  assert.equal(events[0], 'primary: audit entry', 'the entry is written first');
  const firstReplicaQuery = events.findIndex((event) => event.startsWith('replica'));
  assert.ok(firstReplicaQuery > 0, `the read ran on the replica: ${events.join(' | ')}`);
  assert.ok(
    !events.slice(firstReplicaQuery).includes('primary: audit entry'),
    'no entry is written after the read',
  );
  if (observer) {
    // Seen from another connection before the replica answered its first query: committed, not just written.
    assert.equal(events[firstReplicaQuery], `replica (committed entries: ${before + 1})`);
  }
  const entry = await lastEntry('seizure.search');
  assert.deepEqual(entry?.details.filters, { term: ['SCA'], countryRole: 'any' });
  assert.equal(
    entry?.details.resultCount,
    undefined,
    'written before the read, it cannot say what was found',
  );
});

test('a record view on the replica is audited first too; a record nobody may see is still a 404', async () => {
  const seen = await reader.call('GET', `/api/v1/seizures/${recordId}`);
  assert.equal(seen.statusCode, 200, seen.body);
  assert.equal(events[0], 'primary: audit entry');
  assert.ok(events.slice(1).every((event) => event.startsWith('replica')));
  const missing = await reader.call('GET', '/api/v1/seizures/999999999');
  assert.equal(missing.statusCode, 404);
  assert.equal((await lastEntry('seizure.view'))?.n, 2, 'the refused view is in the log as well');
});

test('figures and facets go to the replica after their entries', async () => {
  for (const path of ['/api/v1/seizures/stats?groupBy=year', '/api/v1/seizures/facets']) {
    events.length = 0;
    const answer = await reader.call('GET', path);
    assert.equal(answer.statusCode, 200, answer.body);
    assert.equal(events[0], 'primary: audit entry', path);
    assert.ok(events.length > 1 && events.slice(1).every((event) => event.startsWith('replica')), path);
  }
});

test('a replica behind: the read and its entry stay on the primary, and the entry says what was found', async () => {
  replicaInUse = false;
  const answer = await reader.call('GET', '/api/v1/seizures?term=SCA');
  assert.equal(answer.statusCode, 200, answer.body);
  assert.deepEqual(events, ['primary: audit entry'], 'nothing ran on the replica');
  assert.equal((await lastEntry('seizure.search'))?.details.resultCount, 2);
});

test('a replica gone under a read: set aside, the read answered from the primary', async () => {
  const entriesBefore = (await lastEntry('seizure.search'))?.n ?? 0;
  replicaDown = true;
  const answer = await reader.call('GET', '/api/v1/seizures?term=SCA');
  assert.equal(answer.statusCode, 200, answer.body);
  assert.equal((JSON.parse(answer.body) as { items: unknown[] }).items.length, 2);
  assert.equal(setAside, 1, 'the replica is set aside until its next good check');
  assert.equal((await lastEntry('seizure.search'))?.n, entriesBefore + 1, 'one entry for one read');
  // Set aside: the next read does not try it.
  events.length = 0;
  assert.equal((await reader.call('GET', '/api/v1/seizures?term=SCA')).statusCode, 200);
  assert.ok(!events.some((event) => event.startsWith('replica')));
});

test('/readyz says whether reads use the replica and how far behind it is', async () => {
  const ready = JSON.parse((await t.app.inject({ url: '/readyz' })).body) as {
    replica: { status: string; lagSeconds: number };
  };
  assert.equal(ready.replica.status, 'in_use');
  assert.equal(ready.replica.lagSeconds, 0);
});
