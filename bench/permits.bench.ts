/**
 * The permit registry benchmark (issue 16), on PostgreSQL (BENCH_DATABASE_URL; PGlite in memory otherwise, for a
 * smoke run with fewer permits):
 *   - the border lookup (lookupPermit in-process, as a customs officer: standing check, the permit by its
 *     (country, key) index, its lines with what was endorsed, stamp marks, the verdict, the receipt row and the
 *     audit entry) with BENCH_PERMITS permits loaded (default 1,000,000): p50/p95/p99 over BENCH_SAMPLES lookups
 *     of random numbers, nine in ten found. Target: p95 ≤ 20 ms.
 *   - the import of one CITESEPermit XML file of BENCH_IMPORT_PERMITS permits (default 10,000) by a Management
 *     Authority: wall time and peak resident memory of this process (sampled every 20 ms). Targets: ≤ 30 s,
 *     ≤ 300 MB.
 * The million permits are written by SQL (generate_series), one to three lines each, spread over every CITES
 * Party, as the database owner; the fill time is printed.
 */
import { sql, type Kysely } from 'kysely';
import { systemActor } from '../src/shared/actor.ts';
import type { DB } from '../src/server/db/schema.ts';
import { withActor } from '../src/server/db/with-actor.ts';
import { importPermits, lookupPermit } from '../src/server/features/permits/index.ts';
import { makeActor, permitXml, type XmlPermit } from '../src/server/features/permits/permits.test-support.ts';
import { NO_REQUEST } from '../src/server/lib/request-context.ts';
import { setUpDatabase } from '../src/server/setup-database.ts';
import { openBenchDatabase } from './bench-support.ts';

const onPostgres = process.env.BENCH_DATABASE_URL !== undefined;
const PERMITS = Number(process.env.BENCH_PERMITS ?? (onPostgres ? 1_000_000 : 20_000));
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 500);
const IMPORT_PERMITS = Number(process.env.BENCH_IMPORT_PERMITS ?? 10_000);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

/** Permit i of Party c: "CC/26/" and i in 7 digits; its stamp "SS" and i. Valid 2026-01-01 to 2026-12-31. */
async function fillPermits(db: Kysely<DB>, count: number): Promise<string[]> {
  const parties = (
    await sql<{ code: string }>`select code from countries where is_cites_party order by code`.execute(db)
  ).rows.map((row) => row.code.trim());
  await sql`insert into permits (issuing_country, number, number_key, permit_type, valid_from, valid_until,
                                 importer_name, exporter_name, security_stamp, security_stamp_key, status,
                                 source_format, content, content_hash)
    select p.code, p.code || '/26/' || lpad(i::text, 7, '0'), p.code || '26' || lpad(i::text, 7, '0'),
           (array['E', 'R', 'I', 'O'])[1 + i % 4], date '2026-01-01', date '2026-12-31',
           'Importer ' || i, 'Exporter ' || i, 'SS-' || i, 'SS' || i,
           case when i % 97 = 0 then 'stolen' when i % 89 = 0 then 'cancelled' else 'issued' end,
           'xml', '{}'::jsonb, md5(i::text)
      from generate_series(1, ${count}::int) i
      join lateral (select (${parties}::text[])[1 + i % ${parties.length}::int] as code) p on true`.execute(
    db,
  );
  await sql`insert into permit_lines (permit_id, line_no, taxon_name, quantity, unit_code, appendix, source_code)
    select p.id, n, (array['Aloe ferox', 'Python regius', 'Crocodylus niloticus'])[n], 10 * n, 'PCS', 'II', 'W'
      from permits p cross join generate_series(1, 3) n
     where n <= 1 + (hashtext(p.number_key) & 2147483647) % 3`.execute(db);
  await sql`analyze permits`.execute(db);
  await sql`analyze permit_lines`.execute(db);
  return parties;
}

async function lookupBenchmark(db: Kysely<DB>, parties: string[]): Promise<void> {
  const officer = await makeActor(db, { party: 'FR', authority: 'customs' });
  const deps = { db, clock: () => new Date('2026-06-01T10:00:00Z') };
  const query = () => {
    const i = 1 + Math.floor(Math.random() * PERMITS);
    const code = parties[i % parties.length]!;
    const found = Math.random() < 0.9;
    const number = `${code}/26/${String(found ? i : PERMITS + i).padStart(7, '0')}`;
    return { country: code, number, ...(Math.random() < 0.5 ? { stamp: `SS-${i}` } : {}) };
  };
  for (let i = 0; i < 20; i += 1) await lookupPermit(deps, officer, NO_REQUEST, query()); // warm plans, cache
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = performance.now();
    const result = await lookupPermit(deps, officer, NO_REQUEST, query());
    times.push(performance.now() - started);
    if (result.found) found += 1;
  }
  times.sort((a, b) => a - b);
  console.log(
    `lookup (${PERMITS.toLocaleString('en')} permits, ${SAMPLES} lookups, ${found} found)` +
      `  p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms` +
      `  p99 ${percentile(times, 99).toFixed(1)} ms  target p95 ≤ 20 ms`,
  );
}

async function importBenchmark(db: Kysely<DB>): Promise<void> {
  const authority = await makeActor(db, { party: 'ZA', authority: 'CITES Management Authority' });
  const permits: XmlPermit[] = Array.from({ length: IMPORT_PERMITS }, (_, i) => ({
    number: `ZA/BENCH/${String(i + 1).padStart(6, '0')}`,
    country: 'ZA',
    stamp: `ZS-${i + 1}`,
    lines: [
      { species: 'Aloe ferox', quantity: String(10 + (i % 50)), unit: 'KIL', term: 'EXT' },
      { species: 'Python regius', quantity: String(1 + (i % 9)), unit: 'PCS', term: 'LIV' },
    ],
  }));
  const bytes = permitXml(permits);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const summary = await importPermits({ db, clock: () => new Date() }, authority, NO_REQUEST, {
    bytes,
    fileName: 'bench.xml',
  });
  const elapsed = seconds(started);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (value: number) => `${Math.round(value / 1048576)} MB`;
  console.log(
    `import of ${IMPORT_PERMITS.toLocaleString('en')} permits (${mb(bytes.length)} of XML): ${elapsed} s,` +
      ` ${summary.created} created, ${summary.problems.length} problems;` +
      ` peak RSS ${mb(peak)} (${mb(peak - baseline)} above the ${mb(baseline)} before)` +
      `  targets ≤ 30 s, ≤ 300 MB`,
  );
}

export async function permitsBenchmark(): Promise<void> {
  const { database, drop } = await openBenchDatabase();
  try {
    await setUpDatabase(database.db);
    console.log(`permits on ${onPostgres ? 'PostgreSQL' : 'PGlite (in memory)'}`);
    let started = performance.now();
    const parties = await fillPermits(database.db, PERMITS);
    console.log(`filled ${PERMITS.toLocaleString('en')} permits and their lines in ${seconds(started)} s`);
    // The platform's own view of the fill, as a check that row-level security lets the officer's reads through.
    const visible = await withActor(database.db, systemActor('bench'), (tx) =>
      tx
        .selectFrom('permits')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow(),
    );
    console.log(`permits in the registry: ${Number(visible.n).toLocaleString('en')}`);
    await lookupBenchmark(database.db, parties);
    started = performance.now();
    await importBenchmark(database.db);
  } finally {
    await database.close();
    await drop();
  }
}
