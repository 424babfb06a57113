/**
 * The audit checkpoint: the head written outside the database catches what the chain alone cannot, a superuser who
 * rewrites the log and recomputes every hash consistently (plain verification passes, verification against the
 * checkpoint fails), and newest entries removed together with the head.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { withActor } from '../../db/with-actor.ts';
import { contentDigest, linkHash } from './audit-chain.ts';
import { unsafeReadEntriesPage } from './audit.repo.ts';
import { linkAuditEntries, recordAudit, verifyAuditLog } from './audit.service.ts';
import {
  checkpointFiles,
  readCheckpoints,
  verifyAuditCheckpoints,
  writeAuditCheckpoint,
} from './audit-checkpoint.ts';

let database: TestDatabase | undefined;
const actor = systemActor('checkpoint test');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-checkpoint-'));

async function appendEntries(db: TestDatabase, count: number, from = 0) {
  for (let i = from; i < from + count; i++) {
    await withActor(db.db, actor, (tx) =>
      recordAudit(
        tx,
        { actor, clock: () => new Date() },
        { action: 'test.entry', targetId: String(i), details: { i } },
      ),
    );
  }
  await linkAuditEntries(db.db);
}

/** What a superuser would do to hide an entry: change it, then recompute every digest and hash after it, and the head. */
async function rewriteChainFrom(db: TestDatabase, seq: number) {
  const entries = (await unsafeReadEntriesPage(db.db, seq - 1, 10_000)).filter((entry) => entry.scheme === 2);
  await db.db.transaction().execute(async (tx) => {
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(tx);
    let prevHash = entries[0]!.prevHash;
    for (const entry of entries) {
      const content = entry.seq === seq ? { ...entry, details: { i: 'nothing happened' } } : entry;
      const digest = contentDigest(content);
      const hash = linkHash(prevHash, entry.seq, digest);
      await sql`update audit_events set details = ${JSON.stringify(content.details)}::jsonb, digest = ${digest},
                  prev_hash = ${prevHash}, hash = ${hash} where seq = ${entry.seq}`.execute(tx);
      prevHash = hash;
    }
    await sql`update audit_chain_head set hash = ${prevHash}`.execute(tx);
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(tx);
  });
}

beforeEach(async () => {
  await database?.close();
  database = await createTestDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
  await appendEntries(database, 5);
});
after(async () => {
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('audit checkpoint', () => {
  test('writes the head to the data directory, latest and history, and an intact chain holds it', async () => {
    const first = await writeAuditCheckpoint(database!.db, dataDir);
    await appendEntries(database!, 3, 5);
    const second = await writeAuditCheckpoint(database!.db, dataDir);
    assert.equal(second.seq, first.seq + 3);
    const files = checkpointFiles(dataDir);
    assert.deepEqual(readCheckpoints(files.latest), [second]);
    assert.deepEqual(readCheckpoints(files.history), [first, second]);
    const verdict = await verifyAuditCheckpoints(database!.db, readCheckpoints(files.history));
    assert.deepEqual(verdict, { chain: verdict.chain, checkpoints: [] });
    assert.deepEqual(verdict.chain.problems, []);
  });

  test('a chain rewritten consistently by a superuser passes plain verification but not the checkpoint', async () => {
    const checkpoint = await writeAuditCheckpoint(database!.db, dataDir);
    await rewriteChainFrom(database!, checkpoint.seq - 2);
    assert.deepEqual((await verifyAuditLog(database!.db)).problems, [], 'the rewrite is consistent');
    const verdict = await verifyAuditCheckpoints(
      database!.db,
      readCheckpoints(checkpointFiles(dataDir).latest),
    );
    assert.deepEqual(verdict.chain.problems, []);
    assert.deepEqual(verdict.checkpoints, [
      { kind: 'checkpoint_changed', seq: checkpoint.seq, at: checkpoint.at },
    ]);
  });

  test('newest entries removed together with the head are caught by the checkpoint', async () => {
    const checkpoint = await writeAuditCheckpoint(database!.db, dataDir);
    const before = await unsafeReadEntriesPage(database!.db, checkpoint.seq - 3, 1);
    await database!.db.transaction().execute(async (tx) => {
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(tx);
      await sql`delete from audit_events where seq > ${checkpoint.seq - 2}`.execute(tx);
      await sql`update audit_chain_head set seq = ${before[0]!.seq}, hash = ${before[0]!.hash}`.execute(tx);
      await sql`alter table audit_events enable trigger audit_events_no_update`.execute(tx);
    });
    const verdict = await verifyAuditCheckpoints(database!.db, [checkpoint]);
    assert.deepEqual(verdict.chain.problems, []);
    assert.deepEqual(verdict.checkpoints, [
      { kind: 'checkpoint_missing', seq: checkpoint.seq, at: checkpoint.at },
    ]);
  });

  test('a file that is not a checkpoint is refused', () => {
    const file = path.join(os.tmpdir(), `not-a-checkpoint-${process.pid}.json`);
    fs.writeFileSync(file, '{"seq": 3}\n');
    assert.throws(() => readCheckpoints(file), /not an audit checkpoint/);
    fs.rmSync(file);
  });
});
