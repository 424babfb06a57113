/**
 * `itd permits import FILE [--party XX]` and `itd permits mark --country XX --number N --status …`, as the system.
 * An import with problems imports nothing, writes the problems as CSV beside the file (or to --errors) and exits 1,
 * like `itd import report`; a clean file prints how many permits were created, updated and left unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../shared/actor.ts';
import { markPermitSchema } from '../shared/permits.contract.ts';
import type { Settings } from './config.ts';
import { openDatabase } from './db/database.ts';
import { importPermits, linkSeizurePermits, markPermit } from './features/permits/index.ts';
import { NO_REQUEST } from './lib/request-context.ts';
import { writeCsv } from './lib/spreadsheets/write-csv.ts';
import { setUpDatabase } from './setup-database.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function withDatabase<T>(
  settings: Settings,
  fn: (deps: { db: Awaited<ReturnType<typeof openDatabase>>['db']; clock: () => Date }) => Promise<T>,
) {
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    poolSize: 2,
  });
  try {
    await setUpDatabase(database.db);
    return await fn({ db: database.db, clock: () => new Date() });
  } finally {
    await database.close();
  }
}

export async function runPermitsImport(
  settings: Settings,
  file: string,
  options: { party?: string; errors?: string },
): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  const bytes = fs.readFileSync(file);
  const summary = await withDatabase(settings, (deps) =>
    importPermits(deps, systemActor('itd permits import'), NO_REQUEST, {
      bytes,
      fileName: path.basename(file),
      ...(options.party ? { party: options.party.toUpperCase() } : {}),
    }),
  );
  if (summary.problems.length > 0) {
    const errorsFile = options.errors ?? `${file}.errors.csv`;
    const rows = [
      ['row', 'field', 'value', 'message', 'suggestion'],
      ...summary.problems.map((p) => [p.row, p.field, p.value, p.message, p.suggestion]),
    ];
    await writeCsv(fs.createWriteStream(errorsFile), rows, { bom: true });
    say(`${path.basename(file)}: ${summary.permits} permits (${summary.format}); nothing imported`);
    say(`  problems    ${summary.problems.length}`);
    for (const p of summary.problems.slice(0, 5))
      say(`  row ${p.row} ${p.field}: ${p.message}${p.suggestion ? ` (${p.suggestion})` : ''}`);
    say(`Problems written to ${path.resolve(errorsFile)}; fix the file and import it again.`);
    process.exitCode = 1;
    return;
  }
  say(`${path.basename(file)}: ${summary.permits} permits (${summary.format})`);
  say(`  created     ${summary.created}`);
  say(`  updated     ${summary.updated}`);
  say(`  unchanged   ${summary.unchanged}`);
}

export async function runPermitsMark(
  settings: Settings,
  options: { country: string; number: string; status: string; on?: string; note?: string },
): Promise<void> {
  const input = markPermitSchema.parse({
    country: options.country,
    number: options.number,
    status: options.status,
    ...(options.on ? { on: options.on } : {}),
    ...(options.note ? { note: options.note } : {}),
  });
  const permit = await withDatabase(settings, (deps) =>
    markPermit(deps, systemActor('itd permits mark'), NO_REQUEST, input),
  );
  say(`${permit.issuingCountry} ${permit.number}: ${permit.status} on ${permit.statusOn ?? ''}`);
}

/** `itd permits link`: match the permit numbers of every seizure record to the registry again (after an upgrade). */
export async function runPermitsLink(settings: Settings): Promise<void> {
  const totals = await withDatabase(settings, (deps) => linkSeizurePermits(deps, { everything: true }));
  say(`${totals.records} records read, ${totals.links} permit numbers linked`);
}
