/** The reference-data benchmark: import of the real Species+ export, then the checklist API under load. */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { systemActor } from '../src/shared/actor.ts';
import { buildApp } from '../src/server/app.ts';
import { projectRoot, readSettings } from '../src/server/config.ts';
import { openDatabase, type Database } from '../src/server/db/database.ts';
import { importSpeciesPlus } from '../src/server/features/reference/import-species-plus.ts';
import { setUpDatabase } from '../src/server/setup-database.ts';

const SPECIES_FILE = path.resolve(
  projectRoot(),
  '..',
  'shared',
  'realdata',
  'speciesplus_cites_index_2017_all_taxa.csv',
);

async function openBenchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) return { database: await openDatabase({}), drop: async () => {} };
  const name = `itd_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ databaseUrl: url.toString(), poolSize: 20 }),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function load(url: string, title: string, connections: number) {
  const result = await autocannon({ url, connections, duration: 10 });
  const { p50, p97_5, p99 } = result.latency as unknown as Record<string, number>;
  console.log(
    `${title.padEnd(44)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  ` +
      `p50 ${p50} ms  p97.5 ${p97_5} ms  p99 ${p99} ms  errors ${result.errors + result.non2xx}`,
  );
}

export async function referenceBenchmark(): Promise<void> {
  const { database, drop } = await openBenchDatabase();
  try {
    console.log(`Backend: ${database.backend}`);
    await setUpDatabase(database.db);
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const started = performance.now();
    const report = await importSpeciesPlus(
      { db: database.db, actor: systemActor('bench'), clock: () => new Date() },
      SPECIES_FILE,
    );
    clearInterval(sampler);
    console.log(
      `Species+ import: ${report.rowsRead} rows in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
        `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (before ${(rssBefore / 2 ** 20).toFixed(0)} MiB)`,
    );

    const settings = readSettings({ NODE_ENV: 'production', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '100000000' });
    const app = await buildApp({ database, settings });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      await load(
        `${base}/api/v1/reference/taxa?q=Manis%20javanica`,
        'search, exact name (10 connections)',
        10,
      );
      await load(
        `${base}/api/v1/reference/taxa?q=Manis%20javanicus`,
        'search, near miss (10 connections)',
        10,
      );
      await load(
        `${base}/api/v1/reference/taxa?q=Dalbergia%20spp.`,
        'search, genus spp. + 50 below (10 conn.)',
        10,
      );
      await load(`${base}/api/v1/reference/taxa/1`, 'taxon read (50 connections)', 50);
    } finally {
      // autocannon drops its sockets at the end of a run; let the handlers it left finish first.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await app.close();
    }
  } finally {
    await database.close();
    await drop();
  }
}
