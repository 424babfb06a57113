/** What the benchmarks share: their own database (PostgreSQL when BENCH_DATABASE_URL is set) and one report line. */
import { randomBytes } from 'node:crypto';
import type autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/database.ts';

export async function openBenchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) return { database: await openDatabase({}), drop: async () => {} };
  // BENCH_DATABASE_PREFIX: where several people share one server, each names their own databases.
  const name = `${process.env.BENCH_DATABASE_PREFIX ?? 'itd_bench'}_${randomBytes(4).toString('hex')}`;
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

export function report(title: string, result: autocannon.Result): void {
  const { p50, p97_5, p99 } = result.latency as unknown as Record<string, number>;
  console.log(
    `${title.padEnd(48)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  ` +
      `p50 ${p50} ms  p97.5 ${p97_5} ms  p99 ${p99} ms  errors ${result.errors + result.non2xx}`,
  );
}
