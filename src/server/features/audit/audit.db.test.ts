/**
 * The audit log is append-only and tamper-evident: `itd audit verify` (verifyAuditLog) reports an
 * edited row, a deleted row, a reordered chain and removed newest entries.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { withActor } from '../../db/with-actor.ts';
import { linkAuditEntries, recordAudit, verifyAuditLog } from './audit.service.ts';

let database: TestDatabase | undefined;
const actor = systemActor('audit test');

async function freshLogWithEntries(count: number): Promise<TestDatabase> {
  await database?.close();
  database = await createTestDatabase();
  for (let i = 0; i < count; i++) {
    await withActor(database.db, actor, (tx) =>
      recordAudit(
        tx,
        { actor, clock: () => new Date(), ipAddress: '192.0.2.1' },
        {
          action: 'test.entry',
          targetType: 'probe',
          targetId: String(i),
          details: { index: i, nested: { b: true, a: [1, 2] } },
        },
      ),
    );
  }
  await linkAuditEntries(database.db);
  return database;
}

/** What an attacker with database access would have to do: switch the append-only guard off. */
async function tamper(db: TestDatabase, ...statements: ReturnType<typeof sql>[]) {
  await db.db.transaction().execute(async (tx) => {
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(tx);
    for (const statement of statements) await statement.execute(tx);
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(tx);
  });
}

after(async () => database?.close());

describe('audit log', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await freshLogWithEntries(6);
  });

  test('an intact log verifies', async () => {
    const verdict = await verifyAuditLog(db.db);
    assert.deepEqual(verdict.problems, []);
    assert.ok(verdict.entriesChecked >= 6);
  });

  test('entries cannot be changed or deleted through SQL, even by the owner', async () => {
    await assert.rejects(
      sql`update audit_events set action = 'x' where seq = 1`.execute(db.db),
      /append-only/,
    );
    await assert.rejects(sql`delete from audit_events where seq = 1`.execute(db.db), /append-only/);
    await assert.rejects(
      withActor(db.db, actor, (tx) => sql`delete from audit_events`.execute(tx)),
      /permission denied|append-only/,
    );
  });

  test('requests cannot link entries or move the head: only the linker of the owner may', async () => {
    await assert.rejects(
      withActor(db.db, actor, (tx) => sql`select app_link_audit_entries(10)`.execute(tx)),
      /permission denied/,
    );
    await assert.rejects(
      withActor(db.db, actor, (tx) => sql`update audit_chain_head set seq = seq + 1`.execute(tx)),
      /permission denied/,
    );
  });

  test('entries written by concurrent transactions, some rolled back, form one unbroken chain', async () => {
    const writes = Array.from({ length: 24 }, (_, i) =>
      withActor(db.db, actor, async (tx) => {
        await recordAudit(
          tx,
          { actor, clock: () => new Date() },
          { action: 'test.concurrent', targetId: String(i) },
        );
        // Every third transaction fails after appending: its entry must vanish without leaving a gap.
        if (i % 3 === 0) throw new Error('rolled back');
      }).catch(() => undefined),
    );
    await Promise.all(writes);
    const verdict = await verifyAuditLog(db.db);
    assert.deepEqual(verdict.problems, []);
    const linked = await sql<{ n: number; unlinked: number }>`
      select count(*)::int as n, count(*) filter (where seq is null or hash is null)::int as unlinked
        from audit_events where action = 'test.concurrent'`.execute(db.db);
    assert.deepEqual(linked.rows[0], { n: 16, unlinked: 0 });
  });

  test('reports an edited row', async () => {
    const { seq } = await lastTestEntry(db, 2);
    await tamper(db, sql`update audit_events set details = '{"index": 99}' where seq = ${seq}`);
    const verdict = await verifyAuditLog(db.db);
    assert.deepEqual(verdict.problems, [{ kind: 'edited', seq }]);
  });

  test('reports a deleted row', async () => {
    const { seq } = await lastTestEntry(db, 3);
    await tamper(db, sql`delete from audit_events where seq = ${seq}`);
    const verdict = await verifyAuditLog(db.db);
    assert.deepEqual(verdict.problems, [{ kind: 'missing', afterSeq: seq - 1, expectedSeq: seq }]);
  });

  test('reports a reordered chain', async () => {
    const { seq } = await lastTestEntry(db, 1);
    // Swap the positions of two neighbours.
    await tamper(
      db,
      sql`update audit_events set seq = -1 where seq = ${seq}`,
      sql`update audit_events set seq = ${seq} where seq = ${seq + 1}`,
      sql`update audit_events set seq = ${seq + 1} where seq = -1`,
    );
    const verdict = await verifyAuditLog(db.db);
    assert.ok(verdict.problems.some((p) => p.kind === 'out_of_order'));
    assert.ok(verdict.problems.every((p) => 'seq' in p && p.seq >= seq && p.seq <= seq + 2));
  });

  test('reports removed newest entries', async () => {
    const { seq } = await lastTestEntry(db, 5);
    await tamper(db, sql`delete from audit_events where seq = ${seq}`);
    const verdict = await verifyAuditLog(db.db);
    assert.deepEqual(verdict.problems, [{ kind: 'head_mismatch', headSeq: seq, lastSeq: seq - 1 }]);
  });
});

async function lastTestEntry(db: TestDatabase, index: number): Promise<{ seq: number }> {
  const row = await db.db
    .selectFrom('audit_events')
    .select('seq')
    .where('action', '=', 'test.entry')
    .where('target_id', '=', String(index))
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq) };
}
