/** `itd demo` and the `--demo` start option: demo reports, records and accounts, with a progress bar and summary. */
import type { Settings } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { progressBar } from './cli-commands.ts';
import { passwordWeakness } from './features/identity/index.ts';
import { randomSecret } from './features/identity/index.ts';
import { DemoRefusedError, generateDemoData, type DemoSummary } from './features/demo/index.ts';
import { START_DEMO_RECORDS } from './features/demo/index.ts';
import { setUpDatabase } from './setup-database.ts';

export interface DemoCommandOptions {
  records: string;
  seed: string;
  append?: boolean;
  password?: string;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

function wholeNumber(text: string, option: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${option} must be a whole number from ${min} to ${max}`);
  return value;
}

function demoPassword(chosen: string | undefined): string {
  if (chosen === undefined) return randomSecret(12);
  const weakness = passwordWeakness(chosen);
  if (weakness === 'too_small') throw new Error('--password must have at least 12 characters');
  if (weakness) throw new Error('--password is too common; choose another');
  return chosen;
}

async function generateWithProgress(
  database: Database,
  options: { records: number; seed: number; append: boolean; password: string },
): Promise<DemoSummary> {
  const bar = progressBar('Generating demo records');
  return generateDemoData(database.db, {
    ...options,
    // PGlite is one connection; on PostgreSQL a second report is written while the next one is generated.
    concurrency: database.backend === 'postgres' ? 2 : 1,
    clock: () => new Date(),
    onProgress: (done, total) => bar.update(done, total),
  }).finally(() => bar.stop());
}

export function printDemoSummary(summary: DemoSummary, password: string): void {
  const { byStatus } = summary;
  say(
    `Demo data: ${summary.records} records in ${summary.reports} reports from ${summary.parties} Parties, ` +
      `${summary.firstYear}–${summary.lastYear} (${byStatus.published} published, ${byStatus.submitted} submitted, ` +
      `${byStatus.draft} draft), in ${summary.seconds.toFixed(1)} s.`,
  );
  say('Demo accounts (each enrols a second factor at the first sign-in):');
  const width = Math.max(...summary.users.map((user) => user.email.length));
  for (const user of summary.users) {
    const who = `${user.role}${user.party ? ` (${user.party})` : ''}, ${user.organisation}`;
    const note = user.created ? '' : '  [existed already; password unchanged]';
    say(`  ${user.email.padEnd(width)}  ${who}${note}`);
  }
  if (summary.users.some((user) => user.created)) say(`Password of the new demo accounts: ${password}`);
}

export async function runDemo(settings: Settings, options: DemoCommandOptions): Promise<void> {
  const records = wholeNumber(options.records, '--records', 1, 10_000_000);
  const seed = wholeNumber(options.seed, '--seed', 0, 2_147_483_647);
  const password = demoPassword(options.password);
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    poolSize: 3,
  });
  try {
    await setUpDatabase(database.db);
    const summary = await generateWithProgress(database, {
      records,
      seed,
      append: options.append ?? false,
      password,
    });
    printDemoSummary(summary, password);
  } finally {
    await database.close();
  }
}

/**
 * `itd serve --demo`: on an ITD without seizure records, generate the start demo before listening. Otherwise say
 * why nothing was generated and serve what is there (the option never blocks a start).
 */
export async function demoOnStart(database: Database): Promise<void> {
  const password = randomSecret(12);
  try {
    const summary = await generateWithProgress(database, {
      records: START_DEMO_RECORDS,
      seed: 1,
      append: false,
      password,
    });
    printDemoSummary(summary, password);
  } catch (error) {
    if (!(error instanceof DemoRefusedError)) throw error;
    say(`--demo: no demo data generated. ${error.message}`);
  }
}
