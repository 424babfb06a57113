/** The reference-data benchmark: import of the real Species+ export, then the checklist API under load. */
import path from 'node:path';
import autocannon from 'autocannon';
import { systemActor } from '../src/shared/actor.ts';
import { buildApp } from '../src/server/app.ts';
import { projectRoot, readSettings } from '../src/server/config.ts';
import { importSpeciesPlus } from '../src/server/features/reference/import-species-plus.ts';
import { setUpDatabase } from '../src/server/setup-database.ts';
import { openBenchDatabase, report } from './bench-support.ts';

const SPECIES_FILE = path.resolve(
  projectRoot(),
  '..',
  'shared',
  'realdata',
  'speciesplus_cites_index_2017_all_taxa.csv',
);

async function load(url: string, title: string, connections: number) {
  report(title, await autocannon({ url, connections, duration: 10 }));
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
