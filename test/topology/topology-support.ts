/**
 * The topology of scripts/topology.sh for tests and the benchmark: brings it up in a folder of its own, seeds a
 * reader with records, signs the reader in, and drives load through the balancer recording every answer.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/server/app.ts';
import { projectRoot, readSettings } from '../../src/server/config.ts';
import { openDatabase, type Database } from '../../src/server/db/database.ts';
import { createTestUser, signIn, testClock } from '../support/identity.ts';
import { createRecords, createReport } from '../support/seizure-factories.ts';

export interface Topology {
  dir: string;
  balancerUrl: string;
  serverUrl: (n: number) => string;
  primaryUrl: string;
  /** Runs a sub-command of scripts/topology.sh (server-stop 2, replica-start, …) on this topology. */
  run: (...args: string[]) => string;
  pidOf: (n: number) => number;
  down: () => void;
}

export function startTopology(portBase: number, env: Record<string, string> = {}): Topology {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-topology-test-'));
  const scriptEnv = {
    ...process.env,
    ITD_TOPOLOGY_DIR: dir,
    ITD_TOPOLOGY_PORT_BASE: String(portBase),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '100000000',
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000',
    ...env,
  };
  const run = (...args: string[]): string => {
    const result = spawnSync('bash', [path.join(projectRoot(), 'scripts', 'topology.sh'), ...args], {
      env: { ...scriptEnv, ...(args[0] === 'server-stop' && args[2] === 'KILL' ? { KILL: '1' } : {}) },
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (result.status !== 0)
      throw new Error(`topology.sh ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  };
  const topology: Topology = {
    dir,
    balancerUrl: `http://127.0.0.1:${portBase + 80}`,
    serverUrl: (n) => `http://127.0.0.1:${portBase + 80 + n}`,
    primaryUrl: `postgres://postgres@127.0.0.1:${portBase + 32}/itd`,
    run,
    pidOf: (n) => Number(fs.readFileSync(path.join(dir, `server-${n}.pid`), 'utf8')),
    down: () => {
      try {
        run('down');
      } catch (error) {
        console.error(String(error));
      }
    },
  };
  try {
    run('up');
  } catch (error) {
    topology.down();
    throw error;
  }
  return topology;
}

export interface Seeded {
  /** The reader's session cookie and CSRF token, good on every server (sessions are in the database). */
  headers: Record<string, string>;
  recordIds: number[];
  close: () => Promise<void>;
  database: Database;
}

/**
 * A Party reader with records to read. Signed in through an app in this process on the same database and platform
 * key: the session lives in the database, so every server of the topology accepts its cookie.
 */
export async function seedReader(topology: Topology, records = 40): Promise<Seeded> {
  const database = await openDatabase({ databaseUrl: topology.primaryUrl, poolSize: 4 });
  const clock = testClock();
  const settings = readSettings({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ITD_SECRET_KEY: fs.readFileSync(path.join(topology.dir, 'platform.key'), 'utf8').trim(),
  });
  const app = await buildApp({ database, settings, clock });
  const user = await createTestUser(database.db, { kind: 'party', party: 'KE', role: 'member' });
  const client = await signIn(app, clock, user);
  await app.close();
  const report = await createReport(database.db, { party: 'KE', year: 2022, shareParties: true });
  const taxa = ['Manis javanica', 'Loxodonta africana', 'Panthera tigris'];
  const recordIds = await createRecords(
    database.db,
    report,
    Array.from({ length: records }, (_, i) => ({
      taxon: taxa[i % 3]!,
      termCode: 'SCA',
      kg: 1 + i,
      seizureCountry: 'KE',
    })),
  );
  return {
    headers: { cookie: `itd_session=${client.cookie}`, 'x-csrf-token': client.csrf ?? '' },
    recordIds,
    database,
    close: () => database.close(),
  };
}

/** The mix of the load: record reads and searches, as a reader does in the explorer. */
export function readMix(recordIds: number[]): string[] {
  const searches = [
    '/api/v1/seizures?term=SCA',
    '/api/v1/seizures?country=KE&sort=date_desc',
    '/api/v1/seizures?q=Manis',
  ];
  return recordIds
    .slice(0, 12)
    .flatMap((id, i) => [`/api/v1/seizures/${id}`, searches[i % searches.length]!]);
}

export interface Answer {
  path: string;
  status: number;
  requestId: string;
  body: string;
  at: number;
}

/** Status 0: no answer at all. */
export async function ask(url: string, headers: Record<string, string>): Promise<Answer> {
  const requestId = `topo-${randomUUID()}`;
  const at = Date.now();
  try {
    const response = await fetch(url, { headers: { ...headers, 'x-request-id': requestId } });
    const body = await response.text();
    return { path: new URL(url).pathname, status: response.status, requestId, body, at };
  } catch (error) {
    return { path: new URL(url).pathname, status: 0, requestId, body: String(error), at };
  }
}

/** Workers cycling through the paths until `until()` says stop; every answer is kept. */
export async function load(
  base: string,
  headers: Record<string, string>,
  paths: string[],
  workers: number,
  until: () => boolean,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = worker; !until(); i++)
        answers.push(await ask(`${base}${paths[i % paths.length]}`, headers));
    }),
  );
  return answers;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(what: () => Promise<boolean>, ms: number, label: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${label}`);
}

export function describeFailures(answers: Answer[]): string {
  return answers
    .filter((a) => a.status !== 200)
    .slice(0, 5)
    .map((a) => `${a.status} ${a.path} ${a.body.slice(0, 200)}`)
    .join('\n');
}
