/** What each `itd` sub-command does, with its progress bar and summary. */
import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { systemActor } from '../shared/actor.ts';
import type { Settings } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { setUpDatabase } from './setup-database.ts';
import { writeCsv } from './lib/spreadsheets/write-csv.ts';
import { importSpeciesPlus } from './features/reference/index.ts';
import { verifyAuditLog } from './features/audit/index.ts';

async function withDatabase<T>(settings: Settings, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    poolSize: 2,
  });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const say = (line: string) => process.stdout.write(`${line}\n`);

export function progressBar(label: string) {
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total}`,
      stream: process.stderr,
      // Off a terminal (CI, logs) the bar is written as a line every few seconds.
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export async function runMigrate(settings: Settings): Promise<void> {
  await withDatabase(settings, async (database) => {
    const { migrations, seeds } = await setUpDatabase(database.db, say);
    say(
      `Database is up to date (${database.backend}): ${migrations.applied.length} migration(s) applied, ` +
        `${migrations.alreadyApplied} already in place; ${seeds.loaded.length} reference file(s) loaded.`,
    );
  });
}

export async function runImportSpecies(
  settings: Settings,
  file: string,
  options: { errors?: string },
): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  await withDatabase(settings, async (database) => {
    await setUpDatabase(database.db);
    const bar = progressBar('Importing taxa');
    const report = await importSpeciesPlus(
      {
        db: database.db,
        actor: systemActor('itd reference import-species'),
        clock: () => new Date(),
        onProgress: (done, total) => bar.update(done, total),
      },
      file,
    ).finally(() => bar.stop());
    say(`${report.file}: ${report.rowsRead} rows read`);
    say(`  inserted   ${report.inserted}`);
    say(`  updated    ${report.updated}`);
    say(`  unchanged  ${report.unchanged}`);
    say(`  rejected   ${report.rejected.length}`);
    say(`  (higher taxa added from the rows' classification: ${report.impliedTaxaAdded})`);
    for (const rejection of report.rejected.slice(0, 20)) say(`  row ${rejection.row}: ${rejection.reason}`);
    if (report.rejected.length > 20) say(`  … and ${report.rejected.length - 20} more rejected rows`);
    if (options.errors) {
      await writeCsv(fs.createWriteStream(options.errors), [
        ['row', 'reason'],
        ...report.rejected.map((rejection) => [rejection.row, rejection.reason]),
      ]);
      say(`Rejected rows written to ${path.resolve(options.errors)}`);
    }
  });
}

export async function runAuditVerify(settings: Settings): Promise<void> {
  await withDatabase(settings, async (database) => {
    const bar = progressBar('Verifying audit log');
    const verdict = await verifyAuditLog(database.db, (done, total) => bar.update(done, total)).finally(() =>
      bar.stop(),
    );
    if (verdict.problems.length === 0) {
      say(`Audit log intact: ${verdict.entriesChecked} entries, every link verified.`);
      return;
    }
    say(`Audit log BROKEN: ${verdict.problems.length} problem(s) in ${verdict.entriesChecked} entries.`);
    for (const problem of verdict.problems) {
      switch (problem.kind) {
        case 'edited':
          say(`  entry ${problem.seq}: its content no longer matches its hash (edited)`);
          break;
        case 'missing':
          say(`  after entry ${problem.afterSeq}: entry ${problem.expectedSeq} is missing (deleted)`);
          break;
        case 'out_of_order':
          say(`  entry ${problem.seq}: does not link to the entry before it (reordered or replaced)`);
          break;
        case 'head_mismatch':
          say(
            `  the log ends at entry ${problem.lastSeq} but the chain head says ${problem.headSeq} (newest entries removed)`,
          );
          break;
      }
    }
    process.exitCode = 1;
  });
}
