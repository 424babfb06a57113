/**
 * `itd demo` and `itd serve --demo`: fills an empty ITD with realistic, deterministic reports and records and
 * creates the demo accounts.
 *
 * Demo data is invented. It must never sit next to real government data, so this refuses a database that holds
 * any report it did not make or any real account (anything but the first Secretariat admin and the demo
 * accounts). Run twice, it refuses too, unless `append` is set with a seed not used before (the same seed would
 * insert the same seizures again). One transaction per report; ANALYZE at the end.
 */
import type { Kysely } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { compactSeizureFigures } from '../seizures/index.ts';
import { recordAudit } from '../audit/index.ts';
import { insertSeizureRecords } from '../seizure-records/index.ts';
import { catalogueTaxonNames } from './demo-catalogue.ts';
import { planDemoReports, type DemoReportPlan } from './demo-plan.ts';
import { generateDemoRows } from './demo-rows.ts';
import { ensureDemoUsers, type DemoUserResult } from './demo-users.ts';
import { seedDemoGroup } from './seed-demo-group.ts';
import {
  analyzeReportTables,
  insertDemoReport,
  loadDemoReference,
  readDatabaseContents,
  type DatabaseContents,
} from './demo.repo.ts';

export interface DemoOptions {
  records: number;
  seed: number;
  append: boolean;
  /** The password every new demo account gets. */
  password: string;
  /** Reports written at once (PostgreSQL: 2 keeps the database busy while the next report is generated). */
  concurrency: number;
  clock: () => Date;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  reports: number;
  records: number;
  parties: number;
  firstYear: number;
  lastYear: number;
  byStatus: Record<DemoReportPlan['status'], number>;
  users: DemoUserResult[];
  seconds: number;
}

export class DemoRefusedError extends Error {}

/** Why the demo may not run on this database, or null when it may. */
export function refusalOf(
  contents: DatabaseContents,
  options: Pick<DemoOptions, 'append' | 'seed'>,
): string | null {
  if (contents.otherReports > 0)
    return `This database holds ${contents.otherReports} report(s) that are not demo data; demo data is never mixed with real reports.`;
  if (contents.realUsers > 0)
    return `This database has ${contents.realUsers} real user account(s); demo accounts with printed passwords are only made on a new platform.`;
  if (contents.demoReports > 0 && !options.append)
    return `This database has demo data already (${contents.records} records in ${contents.demoReports} reports). "itd demo --append --seed S" (a new seed) adds more.`;
  if (options.append && contents.demoSeeds.includes(options.seed))
    return `Seed ${options.seed} was used already; --append needs another --seed (the same seed gives the same seizures).`;
  return null;
}

export async function generateDemoData(db: Kysely<DB>, options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const actor = systemActor('itd demo');
  const { contents, reference } = await withActor(db, actor, async (tx) => ({
    contents: await readDatabaseContents(tx),
    reference: await loadDemoReference(tx, catalogueTaxonNames()),
  }));
  const refusal = refusalOf(contents, options);
  if (refusal) throw new DemoRefusedError(refusal);

  const now = options.clock();
  const plans = planDemoReports({
    seed: options.seed,
    records: options.records,
    lastYear: now.getUTCFullYear() - 1,
    today: now.toISOString().slice(0, 10),
  });

  let done = 0;
  options.onProgress?.(0, options.records);
  const writeReport = async (plan: DemoReportPlan) => {
    const rows = [...generateDemoRows({ ...plan, seed: options.seed, count: plan.records, reference })];
    await withActor(db, actor, async (tx) => {
      const stamp = await insertDemoReport(tx, plan, options.seed);
      await insertSeizureRecords(
        tx,
        stamp,
        rows.map((row) => ({ values: row.values, original: row.original, sourceRow: null })),
        null,
      );
    });
    done += plan.records;
    options.onProgress?.(done, options.records);
  };
  // A small pool of workers over the list of reports: each takes the next report when it is done with one.
  let next = 0;
  const worker = async () => {
    while (next < plans.length) await writeReport(plans[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));

  // One row per figure instead of one per batch and figure, so the first dashboards read little.
  await withActor(db, actor, compactSeizureFigures);
  await analyzeReportTables(db);
  const users = await ensureDemoUsers(db, options.password, options.clock);
  await seedDemoGroup(db, options.clock());

  const byStatus = { draft: 0, submitted: 0, published: 0 };
  for (const plan of plans) byStatus[plan.status] += 1;
  const years = plans.map((plan) => plan.year);
  const summary: DemoSummary = {
    reports: plans.length,
    records: done,
    parties: new Set(plans.map((plan) => plan.party)).size,
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
    byStatus,
    users,
    seconds: (performance.now() - started) / 1000,
  };
  await withActor(db, actor, (tx) =>
    recordAudit(
      tx,
      { actor, clock: options.clock },
      {
        action: 'demo.generated',
        targetType: 'database',
        details: {
          seed: options.seed,
          reports: summary.reports,
          records: summary.records,
          append: options.append,
        },
      },
    ),
  );
  return summary;
}
