/**
 * A process killed (SIGKILL) in the middle of an import's submit, on both databases: the live tables are as they
 * were, the staged batch is still there and submits again in full, and the audit chain verifies. The submit is one
 * transaction; this proves nothing of it survives a kill, and that a kill leaves nothing behind that blocks a
 * second try. PostgreSQL runs when TEST_DATABASE_URL is set (CI sets it for this suite).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { systemActor } from '../../src/shared/actor.ts';
import { projectRoot } from '../../src/server/config.ts';
import { openDatabase, type Database } from '../../src/server/db/database.ts';
import { setUpDatabase } from '../../src/server/setup-database.ts';
import { verifyAuditLog } from '../../src/server/features/audit/index.ts';
import { submitBatch } from '../../src/server/features/imports/index.ts';
import { NO_REQUEST } from '../../src/server/lib/request-context.ts';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '../support/test-database.ts';

const ROWS = 4500;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-import-kill-'));
const csv = path.join(folder, 'report.csv');
let postgres: TestDatabase | undefined;

before(async () => {
  const made = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/write-import-files.ts',
      csv,
      path.join(folder, 'r.xlsx'),
      'KE',
      '2022',
      String(ROWS),
    ],
    { cwd: projectRoot(), encoding: 'utf8' },
  );
  assert.equal(made.status, 0, made.stderr);
  if (testPostgresUrl()) postgres = await createTestDatabase();
});
after(async () => {
  await postgres?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function child(target: string, ...args: string[]) {
  return spawn(
    process.execPath,
    ['--import', 'tsx', 'test/topology/import-submit-child.ts', target, ...args],
    {
      cwd: projectRoot(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Runs the child until it prints a line matching `until`, then kills it (or lets it finish when none). */
function runChild(
  target: string,
  args: string[],
  until?: RegExp,
): Promise<{ output: string; signal: string | null }> {
  return new Promise((resolve) => {
    const running = child(target, ...args);
    let output = '';
    running.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (until && until.test(output) && running.exitCode === null) running.kill('SIGKILL');
    });
    running.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    running.on('exit', (_code, signal) => resolve({ output, signal }));
  });
}

async function liveCounts(database: Database) {
  const counts = await sql<{ records: number; reports: number }>`select
      (select count(*)::int from seizure_records) as records, (select count(*)::int from reports) as reports`.execute(
    database.db,
  );
  return counts.rows[0]!;
}

async function killDuringSubmit(target: string, open: () => Promise<Database>) {
  const setup = await open();
  await setUpDatabase(setup.db);
  const before = await liveCounts(setup);
  await setup.close();

  const staged = await runChild(target, ['stage', csv]);
  const match = /staged (\S+) (\d+)/.exec(staged.output);
  assert.ok(match, staged.output);
  const [, batchId, ready] = match;
  assert.ok(Number(ready) > 2000, 'enough rows for a submit in several statements');

  const killed = await runChild(target, ['submit', batchId!], /progress [1-9]/);
  assert.equal(killed.signal, 'SIGKILL', `killed in the middle of the submit:\n${killed.output}`);
  assert.doesNotMatch(killed.output, /submitted/);

  const database = await open();
  try {
    assert.deepEqual(await liveCounts(database), before, 'the live tables are as before');
    const summary = await submitBatch(
      { db: database.db, clock: () => new Date() },
      systemActor('import kill test'),
      NO_REQUEST,
      { id: batchId!, publish: false },
    );
    assert.equal(summary.imported, Number(ready), 'the staged batch submits again, in full');
    assert.equal((await liveCounts(database)).records, before.records + Number(ready));
    const verdict = await verifyAuditLog(database.db);
    assert.deepEqual(verdict.problems, [], 'the audit chain verifies');
  } finally {
    await database.close();
  }
}

test('embedded database: killed during a submit, the batch submits again and nothing half-done remains', async () => {
  const dataDir = path.join(folder, 'data');
  await killDuringSubmit(dataDir, () => openDatabase({ dataDir }));
});

test(
  'PostgreSQL: killed during a submit, the batch submits again and nothing half-done remains',
  { skip: testPostgresUrl() ? false : 'PostgreSQL only (TEST_DATABASE_URL)' },
  async () => {
    await killDuringSubmit(postgres!.url!, () => openDatabase({ databaseUrl: postgres!.url!, poolSize: 2 }));
  },
);
