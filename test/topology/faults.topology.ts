/**
 * The faults the platform must survive, on the real topology of scripts/topology.sh (a PostgreSQL primary and its
 * streaming replica, two platform servers, HAProxy), under load through the balancer:
 * - a platform server killed (SIGKILL): the balancer moves traffic, no request fails, no audit entry is lost;
 * - the replica stopped and started again: reads fall back to the primary, then return to the replica;
 * - PostgreSQL restarted: both servers survive and serve again without a restart; refusals meanwhile are 503.
 * Run by `npm run test:topology` (CI, after the browser tests). Needs root or the postgres user, and haproxy
 * (the script installs it from the distribution when missing).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import {
  ask,
  describeFailures,
  load,
  readMix,
  seedReader,
  sleep,
  startTopology,
  waitFor,
  type Seeded,
  type Topology,
} from './topology-support.ts';

const WORKERS = 8;
let topology: Topology;
let seeded: Seeded;
let paths: string[];

before(async () => {
  topology = startTopology(Number(process.env.ITD_TOPOLOGY_TEST_PORT_BASE ?? 26400));
  seeded = await seedReader(topology);
  paths = readMix(seeded.recordIds);
});

after(async () => {
  await seeded?.close();
  topology?.down();
});

async function replicaStatus(base: string): Promise<string> {
  const ready = await ask(`${base}/readyz`, {});
  return ready.status === 200
    ? ((JSON.parse(ready.body) as { replica?: { status: string } }).replica?.status ?? '')
    : '';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('a platform server killed under load: every request is answered, no audit entry is lost', async () => {
  const end = Date.now() + 8_000;
  const running = load(topology.balancerUrl, seeded.headers, paths, WORKERS, () => Date.now() > end);
  await sleep(2_500);
  const killed = topology.pidOf(2);
  topology.run('server-stop', '2', 'KILL');
  assert.equal(isAlive(killed), false, 'server 2 is gone');
  const answers = await running;

  assert.ok(answers.length > 30, `enough load (${answers.length} requests)`);
  assert.deepEqual(
    answers.filter((a) => a.status !== 200).map((a) => a.status),
    [],
    describeFailures(answers),
  );
  // Every answered read wrote its audit entry on the primary (before the read, when it went to the replica).
  const ids = answers.map((a) => a.requestId);
  const found = await sql<{ n: number }>`select count(distinct request_id)::int as n from audit_events
     where request_id = any(${ids})`.execute(seeded.database.db);
  assert.equal(found.rows[0]!.n, ids.length, 'one audit entry per answered read');
  console.log(`server killed: ${answers.length} requests through the balancer, none failed`);

  topology.run('server-start', '2');
});

test('the replica stopped under load: reads go to the primary, then back to the replica', async () => {
  await waitFor(
    async () => (await replicaStatus(topology.serverUrl(1))) === 'in_use',
    20_000,
    'replica in use',
  );
  let stop = false;
  const running = load(topology.balancerUrl, seeded.headers, paths, WORKERS, () => stop);
  try {
    await sleep(1_000);
    topology.run('replica-stop');
    await waitFor(
      async () => (await replicaStatus(topology.serverUrl(1))) === 'unreachable',
      10_000,
      'server 1 to see the replica gone',
    );
    await sleep(1_500);
    topology.run('replica-start');
    for (const n of [1, 2])
      await waitFor(
        async () => (await replicaStatus(topology.serverUrl(n))) === 'in_use',
        30_000,
        `server ${n} to use the replica again`,
      );
    await sleep(1_000);
  } finally {
    stop = true;
  }
  const answers = await running;
  assert.ok(answers.length > 30, `enough load (${answers.length} requests)`);
  assert.deepEqual(
    answers.filter((a) => a.status !== 200).map((a) => a.status),
    [],
    describeFailures(answers),
  );
  console.log(`replica stopped and started: ${answers.length} reads, none failed`);
});

test('PostgreSQL restarted under load: the servers survive, refuse with 503 meanwhile, and serve again', async () => {
  const pids = [topology.pidOf(1), topology.pidOf(2)];
  let stop = false;
  const running = load(topology.balancerUrl, seeded.headers, paths, WORKERS, () => stop);
  try {
    await sleep(1_500);
    topology.run('primary-restart');
    await waitFor(
      async () => (await ask(`${topology.serverUrl(1)}/readyz`, {})).status === 200,
      30_000,
      'ready',
    );
    await sleep(2_000);
  } finally {
    stop = true;
  }
  const answers = await running;
  for (const pid of pids) assert.ok(isAlive(pid), `server process ${pid} survived the restart`);
  const unexpected = answers.filter((a) => a.status !== 200 && a.status !== 503);
  assert.deepEqual(
    unexpected.map((a) => a.status),
    [],
    describeFailures(unexpected),
  );
  for (const refused of answers.filter((a) => a.status === 503))
    assert.doesNotMatch(refused.body, /at .*\.ts:\d+/, 'no stack trace in an answer');

  // Without a restart of either server, both answer again, directly and through the balancer.
  for (const base of [topology.serverUrl(1), topology.serverUrl(2), topology.balancerUrl]) {
    await waitFor(async () => (await ask(`${base}${paths[0]}`, seeded.headers)).status === 200, 30_000, base);
  }
  const refused = answers.filter((a) => a.status === 503).length;
  console.log(`PostgreSQL restarted: ${answers.length} requests, ${refused} answered 503, no other failure`);
});
