/**
 * `itd import report FILE --party XX --year YYYY …`: the staged import from the command line, as the system.
 * The file is staged and checked like an upload; when rows have blocking problems the error report is written as
 * CSV and the command exits 1 — without --skip-rejected nothing is submitted (the batch stays staged for review in
 * the web app), with it the other rows are submitted and the rejected ones counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../shared/actor.ts';
import { uploadFieldsSchema } from '../shared/imports.contract.ts';
import type { Settings } from './config.ts';
import { openDatabase } from './db/database.ts';
import { withActor } from './db/with-actor.ts';
import { setUpDatabase } from './setup-database.ts';
import { progressBar } from './cli-commands.ts';
import { stageUpload, submitBatch, writeBatchProblems } from './features/imports/index.ts';
import { compactSeizureFigures } from './features/seizures/index.ts';
import { NO_REQUEST } from './lib/request-context.ts';
import { ValidationError } from './errors.ts';
import { validationDetail } from './http/errors.ts';

export interface ImportReportOptions {
  party: string;
  year: string;
  shareParties?: string;
  shareIccwc?: string;
  shareEtis?: string;
  publish?: boolean;
  skipRejected?: boolean;
  errors?: string;
  dateOrder?: string;
  decimalMark?: string;
  profile?: string;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

/** A refused import: the same sentence the API answers, and exit code 1. */
function refuse(error: ValidationError): undefined {
  process.stderr.write(`${validationDetail(error, 'en')}\n`);
  process.exitCode = 1;
  return undefined;
}

export async function runImportReport(
  settings: Settings,
  file: string,
  options: ImportReportOptions,
): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  const parsed = uploadFieldsSchema.safeParse({
    party: options.party,
    year: options.year,
    ...(options.shareParties ? { shareParties: options.shareParties } : {}),
    ...(options.shareIccwc ? { shareIccwc: options.shareIccwc } : {}),
    ...(options.shareEtis ? { shareEtis: options.shareEtis } : {}),
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    ...(options.decimalMark ? { decimalMark: options.decimalMark } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse(new ValidationError([{ field: issue.path.join('.'), reason: 'invalid' }]));
  }
  const fields = parsed.data;
  const bytes = fs.readFileSync(file);
  // Line breaks counted in the bytes (a copy of the file as a string would double what the import holds).
  let lines = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines += 1;
  const estimate = Math.max(1, lines);
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    poolSize: 2,
  });
  try {
    await setUpDatabase(database.db);
    const actor = systemActor('itd import report');
    const deps = { db: database.db, clock: () => new Date() };
    const reading = progressBar('Checking rows');
    const batch = await stageUpload(deps, actor, NO_REQUEST, {
      fields,
      fileName: path.basename(file),
      bytes,
      limits: settings.spreadsheets.limits,
      onProgress: (done) => reading.update(done, Math.max(done, estimate)),
    })
      .catch((error: unknown) => {
        if (error instanceof ValidationError) return refuse(error);
        throw error;
      })
      .finally(() => reading.stop());
    if (!batch) return;
    const { counts, conventions } = batch;
    // Every column's fate is said: nothing is left out in silence.
    if (batch.mapping.profile) say(`Columns read through the profile "${batch.mapping.profile}".`);
    const kept = batch.sourceColumns.filter((c) => c.to === 'extra').map((c) => c.header);
    const ignored = batch.sourceColumns.filter((c) => c.to === 'ignore').map((c) => c.header);
    if (kept.length > 0) say(`Kept as additional information: ${kept.join(', ')}`);
    if (ignored.length > 0) say(`Ignored: ${ignored.join(', ')}`);
    // The file leaves its date order or decimal mark open: the command does not guess, it names the question.
    const questions = [
      conventions.dateOrder.waitingRows > 0
        ? `${conventions.dateOrder.waitingRows} rows have dates that read either day/month or month/day (such as 2/3/2021) and the file's other dates do not settle which: run again with --date-order dmy or --date-order mdy.`
        : null,
      conventions.decimalMark.waitingRows > 0
        ? `${conventions.decimalMark.waitingRows} rows have numbers that read differently with a decimal point or a decimal comma (such as 1.500) and the file's other numbers do not settle which: run again with --decimal-mark point or --decimal-mark comma.`
        : null,
    ].filter((line): line is string => line !== null);
    if (questions.length > 0) {
      for (const line of questions) say(line);
      say(`Nothing imported yet (staged batch ${batch.id}).`);
      process.exitCode = 1;
      return;
    }
    const errorsFile = options.errors ?? `${file}.errors.csv`;
    if (counts.blocking > 0) {
      await writeBatchProblems(deps, actor, NO_REQUEST, {
        id: batch.id,
        language: 'en',
        output: fs.createWriteStream(errorsFile),
        options: { bom: true },
      });
    }
    if (counts.blocking > 0 && !options.skipRejected) {
      say(`${path.basename(file)}: ${counts.total} rows; nothing imported yet (staged batch ${batch.id})`);
      say(`  ready       ${counts.ready}`);
      say(`  rejected    ${counts.blocking}`);
      say(`  duplicates  ${counts.duplicates}`);
      if (counts.blank > 0) say(`  blank       ${counts.blank}`);
      say(
        `Problems written to ${path.resolve(errorsFile)}; fix the file, or review the batch on the platform.`,
      );
      process.exitCode = 1;
      return;
    }
    const writing = progressBar('Importing records');
    const summary = await submitBatch(deps, actor, NO_REQUEST, {
      id: batch.id,
      publish: options.publish === true,
      onProgress: (done) => writing.update(done, counts.ready),
    })
      .catch((error: unknown) => {
        if (error instanceof ValidationError) return refuse(error);
        throw error;
      })
      .finally(() => writing.stop());
    if (!summary) return;
    await withActor(database.db, actor, compactSeizureFigures);
    say(
      `${path.basename(file)}: ${summary.total} rows → report ${summary.reportId} (${summary.reportStatus})`,
    );
    say(`  imported    ${summary.imported}`);
    say(`  rejected    ${summary.rejected}`);
    say(`  duplicates  ${summary.duplicates}`);
    if (counts.blank > 0) say(`  blank       ${counts.blank}`);
    if (summary.rejected > 0) {
      say(`Rejected rows' problems written to ${path.resolve(errorsFile)}`);
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
}
