/**
 * Graceful shutdown on the embedded database: a server stopped with SIGTERM while requests that
 * write are in flight answers them, exits cleanly, and the data directory opens again intact.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { openDatabase } from '../src/server/db/database.ts';
import { verifyAuditLog } from '../src/server/features/audit/audit.service.ts';
import { startServer } from './support/server-process.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-lifecycle-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('SIGTERM during writes: requests in flight finish, the data directory is left intact', async () => {
  const env = { ITD_DATA_DIR: dataDir, RATE_LIMIT_MAX: '100000' };
  const first = await startServer(env);
  // Every API request writes (its rate-limit counter lives in the database).
  let firstServed = () => {};
  const served = new Promise<void>((resolve) => (firstServed = resolve));
  const inFlight = Array.from({ length: 60 }, (_, i) =>
    fetch(`${first.url}/api/v1/reference/taxa?q=Manis&limit=${(i % 50) + 1}`).then(
      async (response) => {
        const answer = { status: response.status, body: await response.text() };
        if (answer.status === 200) firstServed();
        return answer;
      },
      (error: unknown) => ({ status: 0, body: String(error) }),
    ),
  );
  // The stop comes once the server has answered one of them, while the others are still in flight (however
  // slow the machine).
  await Promise.race([served, Promise.all(inFlight)]);
  const exitCode = await first.stop('SIGTERM');
  const answers = await Promise.all(inFlight);

  assert.equal(exitCode, 0, first.output());
  assert.match(first.output(), /stopped cleanly/);
  // Each request either completed or was refused cleanly because the server was closing.
  for (const answer of answers) {
    assert.ok(
      [200, 503, 0].includes(answer.status),
      `unexpected ${answer.status}: ${answer.body.slice(0, 200)}`,
    );
    if (answer.status === 200) assert.doesNotThrow(() => JSON.parse(answer.body));
  }
  assert.ok(
    answers.some((answer) => answer.status === 200),
    'some requests were served before the stop',
  );
  assert.equal(fs.existsSync(path.join(dataDir, 'itd.lock')), false, 'the data directory was unlocked');

  const second = await startServer(env);
  try {
    const ready = await fetch(`${second.url}/readyz`);
    assert.equal(ready.status, 200);
    const taxa = await fetch(`${second.url}/api/v1/reference/taxa?q=Manis%20javanica`);
    assert.equal(taxa.status, 200);
  } finally {
    assert.equal(await second.stop('SIGTERM'), 0);
  }

  // Opened directly, the database is consistent and its audit chain verifies.
  const database = await openDatabase({ dataDir });
  try {
    const verdict = await verifyAuditLog(database.db);
    assert.deepEqual(verdict.problems, []);
    const hits = await database.db.selectFrom('rate_limit_hits').select('hits').execute();
    assert.ok(hits.length > 0);
  } finally {
    await database.close();
  }
});

test('a second server on the same embedded data directory is refused while the first runs', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-lock-'));
  const first = await startServer({ ITD_DATA_DIR: dir });
  try {
    await assert.rejects(startServer({ ITD_DATA_DIR: dir }), /in use by process/);
  } finally {
    await first.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
