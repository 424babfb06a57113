/**
 * A server on PostgreSQL survives its database connections being cut under load (pg_terminate_backend, as a
 * restart or failover does): the process stays up, requests caught by the cut are answered 503 problem+json or
 * retried (reads), never 500, and the server serves again without a restart. PostgreSQL only: the embedded
 * database has no connections to lose.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from './support/test-database.ts';
import { startServer, type ServerProcess } from './support/server-process.ts';

const LOAD_MS = 6_000;
const CUT_EVERY_MS = 250;
const WORKERS = 12;
const onPostgres = testPostgresUrl() !== undefined;

let database: TestDatabase;
let server: ServerProcess;

before(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase();
  server = await startServer({
    DATABASE_URL: database.url!,
    RATE_LIMIT_MAX: '1000000',
    DATABASE_POOL_SIZE: '6',
  });
});

after(async () => {
  if (!onPostgres) return;
  await server?.stop('SIGTERM');
  await database?.close();
});

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** Status 0: no answer at all (the process is gone or dropped the connection). */
async function ask(url: string): Promise<Answer> {
  try {
    const response = await fetch(url);
    const body = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', body };
  } catch (error) {
    return { status: 0, type: '', body: String(error) };
  }
}

/** Ends every connection the server holds to its database, as a failover or an operator would. */
async function cutConnections(admin: pg.Client, databaseName: string): Promise<number> {
  const result = await admin.query<{ pid: number }>(
    `select pid from pg_stat_activity
      where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    [databaseName],
  );
  for (const { pid } of result.rows) await admin.query('select pg_terminate_backend($1)', [pid]);
  return result.rowCount ?? 0;
}

test(
  'connections terminated under load: the process survives, no 500, and it serves again',
  { skip: onPostgres ? false : 'PostgreSQL only (TEST_DATABASE_URL)' },
  async () => {
    const databaseName = new URL(database.url!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: database.adminUrl! });
    await admin.connect();
    const answers: Answer[] = [];
    let cuts = 0;
    let terminated = 0;
    const until = Date.now() + LOAD_MS;
    const paths = ['/api/v1/reference/taxa?q=Manis', '/readyz', '/api/v1/reference/countries'];
    try {
      const load = Array.from({ length: WORKERS }, async (_, worker) => {
        for (let i = 0; Date.now() < until; i++) {
          answers.push(await ask(`${server.url}${paths[(worker + i) % paths.length]}`));
        }
      });
      const cutter = (async () => {
        while (Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, CUT_EVERY_MS));
          terminated += await cutConnections(admin, databaseName);
          cuts++;
        }
      })();
      await Promise.all([...load, cutter]);
    } finally {
      await admin.end();
    }

    assert.equal(server.child.exitCode, null, `the server exited:\n${server.output().slice(-2000)}`);
    assert.ok(terminated > 0, `the test ended database connections (${cuts} cuts)`);
    const refused = answers.filter((answer) => answer.status !== 200);
    for (const answer of refused) {
      assert.equal(answer.status, 503, `unexpected ${answer.status}: ${answer.body.slice(0, 300)}`);
      assert.match(answer.type, /problem\+json/);
      assert.doesNotMatch(answer.body, /at .*\.ts:\d+/, 'no stack trace in an answer');
    }
    assert.ok(
      answers.filter((answer) => answer.status === 200).length > answers.length / 2,
      'most were served',
    );

    // Without a restart, the server answers again once the cuts stop: within a few seconds (the pool notices
    // connections ended during the last cut as they are used), never needing a restart.
    let ready = await ask(`${server.url}/readyz`);
    for (const stopAt = Date.now() + 5_000; ready.status !== 200 && Date.now() < stopAt;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ready = await ask(`${server.url}/readyz`);
    }
    assert.equal(ready.status, 200, ready.body);
    const taxa = await ask(`${server.url}/api/v1/reference/taxa?q=Manis`);
    assert.equal(taxa.status, 200, taxa.body);
    console.log(
      `connection loss: ${answers.length} requests, ${terminated} connections ended in ${cuts} cuts, ` +
        `${refused.length} answered 503`,
    );
  },
);
