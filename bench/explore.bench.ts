/**
 * The explorer benchmark (DESIGN §5): on PostgreSQL with a million seizure records, for a Party user, an ICCWC user
 * and a Secretariat user, p50/p95 of
 *   - a search page of 50 with three filters,
 *   - the figures by year and by country (dashboard aggregates),
 *   - one record read,
 * each next to the same SQL run directly (withActor and the repository function, no HTTP, no sign-in check, no
 * audit), as a ratio; then authenticated record reads per second under 50 concurrent connections (autocannon), and
 * what the audit chain costs them (the same reads in-process with and without their audit entry).
 *
 * Data: a database of its own on BENCH_DATABASE_URL, filled by `itd migrate` and `itd demo --records N` as child
 * processes (N = BENCH_RECORDS, default 1,000,000). Where this checkout has no `itd demo` yet, it fills the same
 * number of records itself with one SQL statement (fillRecords below) and says so.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { projectRoot, readSettings } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import type { DB } from '../src/server/db/schema.ts';
import { withActor } from '../src/server/db/with-actor.ts';
import { actorOf } from '../src/server/features/identity/sessions.service.ts';
import { findUserForActor } from '../src/server/features/identity/identity.repo.ts';
import { linkAuditEntries, recordAudit } from '../src/server/features/audit/audit.service.ts';
import { visibleTo } from '../src/server/features/seizures/seizures.policy.ts';
import { resolveFilter, type StatsRequest } from '../src/server/features/seizures/seizures.repo.ts';
import { selectRecordWithVersions } from '../src/server/features/seizure-records/index.ts';
import { selectFigures } from '../src/server/features/seizures/seizure-stats.repo.ts';
import { selectFirstPage, selectPage } from '../src/server/features/seizures/seizure-pages.repo.ts';
import { selectFigureGroups } from '../src/server/features/seizures/seizure-figures.repo.ts';
import { audienceOf } from '../src/server/features/seizures/seizures.policy.ts';
import { COUNT_CAP, seizureFilterSchema, type SeizureFilter } from '../src/shared/seizures.contract.ts';
import { systemActor, type UserActor } from '../src/shared/actor.ts';
import { createTestUser, signIn, testClock, type ApiClient } from '../test/support/identity.ts';
import { report } from './bench-support.ts';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const NO_FILTER: SeizureFilter = { countryRole: 'any' };
const ITD = path.join(projectRoot(), 'bin', 'itd.mjs');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(samples: number, run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await run(); // warm the plan and the cache once
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

/**
 * Fills reports and records with one INSERT … SELECT when `itd demo` is not available: every CITES Party reports
 * 2010–2023, statuses and sharing answers vary, countries, taxa and quantities are spread like real data (a few
 * large Parties, many small ones).
 */
async function fillRecords(db: Kysely<DB>, records: number): Promise<void> {
  await sql`insert into reports (party, year, status, share_parties, share_iccwc, share_etis, published_at)
    select code, y, status, random() < 0.7, random() < 0.6, random() < 0.5,
           case when status = 'published' then now() end
      from (select c.code, y,
                   case when random() < 0.9 then 'published' when random() < 0.5 then 'submitted' else 'draft' end
                     as status
              from countries c cross join generate_series(2010, 2023) y
             where c.is_cites_party) planned`.execute(db);
  await sql`
    with r as (select row_number() over (order by party, year) as n, * from reports),
         nr as (select count(*) as total from r),
         t as (select row_number() over (order by id) as n, id, name, appendix from taxa where rank = 'SPECIES'),
         nt as (select count(*) as total from t),
         c as (select row_number() over (order by code) as n, code from countries where is_cites_party),
         nc as (select count(*) as total from c),
         g as (
           select i,
                  1 + floor(power(random(), 2) * (select total from nr))::int as report_n,
                  1 + floor(random() * (select total from nt))::int as taxon_n,
                  1 + floor(random() * (select total from nc))::int as c1,
                  1 + floor(random() * (select total from nc))::int as c2,
                  1 + floor(random() * (select total from nc))::int as c3,
                  random() as q
             from generate_series(1, ${records}) i)
    insert into seizure_records (report_id, reporting_party, report_year, is_published, share_parties, share_iccwc,
      share_etis, original, seizure_date, date_precision, taxon_id, taxon_name, appendix, term_code, quantity,
      unit_code, quantity_kg, quantity_count, seizure_country, origin_country, destination_country,
      transit_countries, offender_nationalities, location_type, detection_method, transport_mode, fingerprint)
    select r.id, r.party, r.year, r.status = 'published', r.share_parties, r.share_iccwc, r.share_etis, '{}',
           make_date(r.year, 1, 1) + (g.i % 365), 'day', t.id, t.name, t.appendix,
           (array['SCA', 'IVO', 'LIV', 'MEA', 'SKI', 'CAR'])[1 + g.i % 6], round((g.q * 100)::numeric, 1) + 0.1,
           case when g.i % 3 = 0 then null else 'KIL' end,
           case when g.i % 3 = 0 then null else round((g.q * 100)::numeric, 1) + 0.1 end,
           case when g.i % 3 = 0 then round((g.q * 100)::numeric, 1) + 0.1 end,
           r.party, o.code, d.code,
           case when g.i % 5 = 0 then array[x.code]::char(2)[] else '{}' end,
           case when g.i % 4 = 0 then array[o.code]::char(2)[] else '{}' end,
           (array['airport', 'seaport', 'land border', 'inland'])[1 + g.i % 4],
           (array['x-ray', 'dog', 'intelligence', 'routine check'])[1 + g.i % 4],
           (array['air', 'sea', 'road', 'mail'])[1 + g.i % 4],
           md5(g.i::text)
      from g
      join r on r.n = g.report_n
      join t on t.n = g.taxon_n
      join c o on o.n = g.c1
      join c d on d.n = g.c2
      join c x on x.n = g.c3`.execute(db);
  await sql`analyze reports`.execute(db);
  await sql`analyze seizure_records`.execute(db);
}

function hasDemoCommand(env: NodeJS.ProcessEnv): boolean {
  const probe = spawnSync(process.execPath, [ITD, 'demo', '--help'], { env, encoding: 'utf8' });
  return probe.status === 0 && /records/.test(probe.stdout);
}

interface Persona {
  name: string;
  actor: UserActor;
  client: ApiClient;
  recordIds: number[];
}

export async function exploreBenchmark(): Promise<void> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) throw new Error('The explorer benchmark needs PostgreSQL: set BENCH_DATABASE_URL.');
  // BENCH_REUSE_DATABASE=<name> measures a database kept by an earlier run (BENCH_KEEP_DATABASE=1) after migrating it.
  const reused = process.env.BENCH_REUSE_DATABASE;
  const name = reused ?? `itd_bench_explore_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (!reused) await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: url.toString(), ITD_DATA_DIR: `/tmp/${name}` };
  // The server's default pool (DATABASE_POOL_SIZE): on two cores, more connections only queue inside PostgreSQL.
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  try {
    const loadStarted = performance.now();
    execFileSync(process.execPath, [ITD, 'migrate'], { env, stdio: 'inherit' });
    if (reused) {
      console.log(`Measuring the kept database ${name}`);
    } else if (hasDemoCommand(env)) {
      console.log(`Filling with: itd demo --records ${RECORDS}`);
      execFileSync(process.execPath, [ITD, 'demo', '--records', String(RECORDS)], { env, stdio: 'inherit' });
    } else {
      console.log(
        `This checkout has no "itd demo": filling ${RECORDS} records with the benchmark's own generator.`,
      );
      await fillRecords(database.db, RECORDS);
    }
    const counted = await sql<{ n: number }>`select count(*) as n from seizure_records`.execute(database.db);
    console.log(
      `Backend: postgres, ${counted.rows[0]?.n} records, loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`,
    );
    await measure(database.db, url.toString());
  } finally {
    await database.close();
    // BENCH_KEEP_DATABASE=1 keeps the filled database for EXPLAIN ANALYZE of the queries afterwards.
    if (process.env.BENCH_KEEP_DATABASE === '1' || reused) console.log(`Kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** The Party with the most published records (a busy Party is the hard case for its own searches). */
async function busiestParty(db: Kysely<DB>): Promise<string> {
  const row = await sql<{ party: string }>`
    select reporting_party as party from seizure_records where is_published
     group by 1 order by count(*) desc limit 1`.execute(db);
  return row.rows[0]!.party;
}

async function measure(db: Kysely<DB>, databaseUrl: string): Promise<void> {
  const settings = readSettings({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '100000000',
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000',
    DATABASE_URL: databaseUrl,
    ITD_SECRET_KEY: randomBytes(32).toString('hex'),
  });
  const clock = testClock();
  const app = await buildApp({
    database: { db, backend: 'postgres', close: async () => {} },
    settings,
    clock,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // As in a running server (main.ts): the audit entries are linked into the chain every second, under the load.
  const auditLinkJob = setInterval(() => void linkAuditEntries(db), 1_000);
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const party = await busiestParty(db);
    const mammals = await sql<{ id: number }>`select id from taxa where name = 'Mammalia'`.execute(db);
    const personas: Persona[] = [];
    for (const [label, options] of [
      [`Party (${party}) member`, { kind: 'party', party, role: 'member' }],
      ['ICCWC member', { kind: 'iccwc', role: 'member' }],
      ['Secretariat member', { kind: 'secretariat', role: 'member' }],
    ] as const) {
      const user = await createTestUser(db, options);
      const client = await signIn(app, clock, user);
      const row = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', user.email)
        .executeTakeFirstOrThrow();
      const actor = await withActor(db, systemActor('bench'), (tx) => findUserForActor(tx, { id: row.id }));
      const persona = { name: label, actor: actorOf(actor!), client, recordIds: [] as number[] };
      const visible = await withActor(db, persona.actor, (tx) =>
        selectPage(tx, visibleTo(persona.actor), {
          filter: NO_FILTER,
          sort: 'id_desc',
          after: null,
          limit: 200,
        }),
      );
      persona.recordIds = visible.map((item) => item.id);
      personas.push(persona);
    }

    const searchQuery = `yearFrom=2015&taxon=${mammals.rows[0]?.id ?? 1}&country=CN`;
    const filter: SeizureFilter = seizureFilterSchema.parse(
      Object.fromEntries(new URLSearchParams(searchQuery)),
    );
    const statsOf = (groupBy: 'year' | 'country'): StatsRequest => ({
      filter: NO_FILTER,
      groupBy,
      rank: 'SPECIES',
      role: 'seizure',
      top: 100,
    });

    console.log(`\nSearch filters: ${searchQuery}; ${SAMPLES} sequential requests each after one warm-up`);
    console.log(
      `${'operation'.padEnd(44)} ${'API p50'.padStart(10)} ${'API p95'.padStart(10)} ` +
        `${'SQL p50'.padStart(10)} ${'SQL p95'.padStart(10)}  ratio p95`,
    );
    // BENCH_SAMPLES=0 measures only the throughput below.
    for (const persona of SAMPLES > 0 ? personas : []) {
      const get = async (path: string) => {
        const response = await persona.client.call('GET', path);
        if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
      };
      let next = 0;
      const nextId = () => persona.recordIds[next++ % persona.recordIds.length]!;
      const direct = <T>(fn: (tx: Parameters<Parameters<typeof withActor>[2]>[0]) => Promise<T>) =>
        withActor(db, persona.actor, fn);
      const visible = visibleTo(persona.actor);
      const audience = audienceOf(persona.actor)!;
      // The SQL column runs what the endpoint runs, without HTTP, sign-in check and audit entry.
      const rows: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
        [
          'search page of 50, three filters',
          () => get(`/api/v1/seizures?${searchQuery}&limit=50`),
          () =>
            direct(async (tx) => {
              const page = {
                filter: await resolveFilter(tx, filter, persona.actor),
                sort: 'date_desc' as const,
                limit: 51,
              };
              const first = await selectFirstPage(tx, visible, page, COUNT_CAP);
              if (first.matched > COUNT_CAP) await selectPage(tx, visible, { ...page, after: null });
            }),
        ],
        [
          'figures by year',
          () => get('/api/v1/seizures/stats?groupBy=year'),
          () => direct((tx) => selectFigureGroups(tx, audience, statsOf('year'))),
        ],
        [
          'figures by country of seizure',
          () => get('/api/v1/seizures/stats?groupBy=country&role=seizure'),
          () => direct((tx) => selectFigureGroups(tx, audience, statsOf('country'))),
        ],
        [
          'figures by year, three filters',
          () => get(`/api/v1/seizures/stats?groupBy=year&${searchQuery}`),
          () =>
            direct(async (tx) =>
              selectFigures(tx, visible, {
                ...statsOf('year'),
                filter: await resolveFilter(tx, filter, persona.actor),
              }),
            ),
        ],
        [
          'record read',
          () => get(`/api/v1/seizures/${nextId()}`),
          () => direct((tx) => selectRecordWithVersions(tx, { id: nextId(), visible })),
        ],
      ];
      console.log(`${persona.name}:`);
      for (const [title, api, directSql] of rows) {
        const samples = title.startsWith('figures') ? Math.min(SAMPLES, 20) : SAMPLES;
        const viaApi = await timed(samples, api);
        const viaSql = await timed(samples, directSql);
        console.log(
          `  ${title.padEnd(42)} ${ms(viaApi.p50)} ${ms(viaApi.p95)} ${ms(viaSql.p50)} ${ms(viaSql.p95)}  ` +
            `${(viaApi.p95 / viaSql.p95).toFixed(2)}×`,
        );
      }
    }

    const reader = personas[0]!;
    const result = await loadFromOtherProcess({
      url: base,
      cookie: `itd_session=${reader.client.cookie}`,
      paths: reader.recordIds.map((id) => `/api/v1/seizures/${id}`),
      connections: 50,
      seconds: 15,
    });
    console.log('');
    report(`authenticated record reads, ${reader.name} (50 conn.)`, result);
    await auditCost(db, reader);
  } finally {
    clearInterval(auditLinkJob);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await app.close();
    console.log(`audit entries linked at the end: ${await linkAuditEntries(db)}`);
  }
}

/** Runs autocannon in a child process (bench/load-client.ts), so the server keeps its event loop to itself. */
async function loadFromOtherProcess(task: {
  url: string;
  cookie: string;
  paths: string[];
  connections: number;
  seconds: number;
}): Promise<autocannon.Result> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot(), 'bench', 'load-client.ts'), JSON.stringify(task)],
    { maxBuffer: 64 * 2 ** 20 },
  );
  return JSON.parse(stdout) as autocannon.Result;
}

/** The same record reads in-process, 50 at a time, with and without their audit entry (the chain's one lock). */
async function auditCost(db: Kysely<DB>, reader: Persona): Promise<void> {
  for (const audited of [false, true]) {
    let done = 0;
    const until = performance.now() + 5000;
    const worker = async () => {
      while (performance.now() < until) {
        const id = reader.recordIds[done % reader.recordIds.length]!;
        await withActor(
          db,
          reader.actor,
          async (tx) => {
            await selectRecordWithVersions(tx, { id, visible: visibleTo(reader.actor) });
            if (audited)
              await recordAudit(
                tx,
                { actor: reader.actor, clock: () => new Date() },
                {
                  action: 'seizure.view',
                  targetType: 'seizure_record',
                  targetId: String(id),
                },
              );
          },
          { readsOnly: true },
        );
        done += 1;
      }
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    console.log(
      `record reads in-process, no HTTP, no sign-in check, ${audited ? 'with' : 'without'} audit entry: ` +
        `${Math.round(done / 5)} /s`,
    );
  }
}
