/**
 * The embedded database's data directory after the server is killed (SIGKILL) in the middle of writes: it opens
 * cleanly (the dead process's lock is taken over, PostgreSQL's own recovery replays its log), what was committed
 * is there, the audit chain verifies, and the server starts on it again. One server, no topology needed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../src/server/db/database.ts';
import { verifyAuditLog } from '../../src/server/features/audit/index.ts';
import { startServer } from '../support/server-process.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-sigkill-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const env = {
  ITD_DATA_DIR: dataDir,
  RATE_LIMIT_MAX: '100000000',
  RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000000',
  // The writes are wrong passwords: the sign-in throttle must not slow them down (it answers 429 without a write).
  SIGN_IN_MAX_FAILURES: '100000000',
  SIGN_IN_ADDRESS_MAX_FAILURES: '100000000',
  SIGN_IN_HARD_LOCK_FAILURES: '100000000',
  SIGN_IN_HARD_LOCK_ADDRESSES: '100000',
};

test('killed during writes, the embedded data directory opens cleanly with its audit chain intact', async () => {
  const server = await startServer(env);
  let stop = false;
  let answered = 0;
  // Each refused sign-in writes an audit entry (and the account's failure count): a steady stream of commits.
  const writers = Array.from({ length: 6 }, async (_, worker) => {
    while (!stop) {
      const response = await fetch(`${server.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `nobody-${worker}@example.org`, password: 'not the password' }),
      }).catch(() => null);
      if (response) {
        await response.arrayBuffer();
        if (response.status === 401) answered++;
      }
    }
  });
  // Bounded: a server that stops answering 401 fails the test instead of hanging it.
  const deadline = Date.now() + 120_000;
  while (answered < 40) {
    if (Date.now() > deadline) {
      stop = true;
      await server.stop('SIGKILL');
      throw new Error(`only ${answered} refused sign-ins answered in 120 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const exit = await server.stop('SIGKILL');
  stop = true;
  await Promise.all(writers);
  assert.equal(exit, null, 'killed, not exited');
  assert.ok(fs.existsSync(path.join(dataDir, 'itd.lock')), 'the dead process left its lock');

  const database = await openDatabase({ dataDir });
  try {
    const entries = await sql<{ n: number }>`select count(*)::int as n from audit_events
       where action = 'auth.sign_in_failed'`.execute(database.db);
    // Every refusal answered had committed its entry (the kill may have cut more, never fewer).
    assert.ok(entries.rows[0]!.n >= answered, `${entries.rows[0]!.n} entries for ${answered} answers`);
    const verdict = await verifyAuditLog(database.db);
    assert.deepEqual(verdict.problems, [], 'the audit chain verifies');
    assert.ok(verdict.entriesChecked >= answered);
  } finally {
    await database.close();
  }

  const again = await startServer(env);
  try {
    const ready = await fetch(`${again.url}/readyz`);
    assert.equal(ready.status, 200);
  } finally {
    assert.equal(await again.stop('SIGTERM'), 0, 'stopped cleanly');
  }
  console.log(`embedded database killed after ${answered} answered writes: reopened, chain verified`);
});
