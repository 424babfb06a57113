/**
 * The `itd` command: serve, migrate, reference import-species, audit verify. Each sub-command has
 * --help. Long work shows a progress bar on the terminal and ends with a summary.
 */
import { Command } from 'commander';
import { readSettings } from './config.ts';
import type { ImportReportOptions } from './cli-import.ts';
import type { GroupsCreateOptions } from './cli-groups.ts';
import type { DemoCommandOptions } from './cli-demo.ts';
import { START_DEMO_RECORDS } from './features/demo/index.ts';
import type { UsersCreateOptions } from './cli-identity.ts';

// Each command loads its own code when it runs: a command that imports a file does not carry the web server.
const commands = () => import('./cli-commands.ts');
const identity = () => import('./cli-identity.ts');
const operations = () => import('./cli-operations.ts');

export function buildCli(): Command {
  const program = new Command('itd')
    .description('ITD Platform: the Illegal Trade Database and closed user groups')
    .showHelpAfterError();

  program
    .command('serve', { isDefault: true })
    .description('Start the web server (migrates the database first). Settings come from the environment.')
    .option(
      '--demo',
      `on an ITD without seizure records, first generate ${START_DEMO_RECORDS} demo records and accounts`,
    )
    .action(async (options: { demo?: boolean }) =>
      (await import('./main.ts')).serve(readSettings(), options),
    );

  program
    .command('migrate')
    .description('Apply pending database migrations and load changed reference data, then exit.')
    .action(async () => (await commands()).runMigrate(readSettings()));

  const reference = program
    .command('reference')
    .description('Reference data: countries, CITES codes, species.');
  reference
    .command('import-species')
    .argument('<file>', 'a Species+ "Index of CITES Species" CSV export')
    .description(
      'Import or update the species checklist from a Species+ CSV export (re-running changes nothing).',
    )
    .option('--errors <file>', 'write rejected rows (row, reason) to this CSV file')
    .action(async (file: string, options: { errors?: string }) =>
      (await commands()).runImportSpecies(readSettings(), file, options),
    );

  const users = program.command('users').description('User accounts (bootstrap and operations).');
  users
    .command('create')
    .description('Create an approved user and print a one-time password (second factor at first sign-in).')
    .requiredOption('--email <address>', 'official e-mail address')
    .requiredOption('--first-name <name>', 'first name')
    .requiredOption('--last-name <name>', 'last name')
    .requiredOption('--org <name>', 'organisation name (created if it does not exist)')
    .option('--org-kind <kind>', 'secretariat, party, iccwc or igo', 'party')
    .option('--party <XX>', 'ISO code of the Party, for a party organisation')
    .option('--authority <type>', 'authority type of a party body (customs, police, management authority …)')
    .requiredOption('--role <role>', 'admin, data_officer, focal_point, reporter or member')
    .option('--itd-access', 'grant access to the Illegal Trade Database')
    .action(async (options: UsersCreateOptions) =>
      (await identity()).runUsersCreate(readSettings(), options),
    );

  users
    .command('suspend-inactive')
    .description(
      'Warn, then suspend, accounts unused for INACTIVITY_SUSPEND_DAYS (the server also does this hourly).',
    )
    .action(async () => (await identity()).runSuspendInactive(readSettings()));

  const tokens = program.command('tokens').description('Personal API tokens.');
  tokens
    .command('create')
    .description('Create a personal API token for a user and print it (shown once).')
    .requiredOption('--email <address>', 'the user the token acts as')
    .requiredOption('--days <n>', 'days until it expires (1-365)')
    .option('--name <name>', 'what the token is for')
    .option(
      '--scope <scope>',
      'export: the token may also take data out as files; permits.lookup: it opens only the permit lookup (customs systems)',
    )
    .action(async (options: { email: string; days: string; name?: string; scope?: string }) =>
      (await identity()).runTokensCreate(readSettings(), options),
    );

  program
    .command('demo')
    .description(
      'Fill a new ITD with realistic, deterministic demo reports and records, and create demo accounts of every kind.',
    )
    .option('--records <n>', 'seizure records to generate', '20000')
    .option('--seed <s>', 'seed of the generator (the same seed gives the same data)', '1')
    .option('--append', 'add to earlier demo data (needs a --seed not used before)')
    .option('--password <password>', 'password of the new demo accounts (default: a random one, printed)')
    .action(async (options: DemoCommandOptions) =>
      (await import('./cli-demo.ts')).runDemo(readSettings(), options),
    );

  const imports = program.command('import').description('Import annual illegal trade reports.');
  imports
    .command('report')
    .argument('<file>', 'the report as XLSX or CSV (the platform template, or a known layout)')
    .description(
      'Stage, check and import a report; exits 1 and writes the problems as CSV when rows have errors.',
    )
    .requiredOption('--party <XX>', 'ISO code of the reporting Party')
    .requiredOption('--year <yyyy>', 'the year the report covers')
    .option('--share-parties <yes|no>', 'other Parties may see the published records (default no)')
    .option('--share-iccwc <yes|no>', 'ICCWC partners may use the records (default yes)')
    .option('--share-etis <yes|no>', 'elephant records may go to ETIS (default no)')
    .option('--publish', 'submit and publish the report at once (default: it stays a draft)')
    .option('--skip-rejected', 'import the other rows even when some have blocking problems')
    .option('--errors <file>', 'where to write the problems (default FILE.errors.csv)')
    .option('--date-order <dmy|mdy>', "the file's date order, when its dates do not settle it (2/3/2021)")
    .option(
      '--decimal-mark <point|comma>',
      "the file's decimal mark, when its numbers do not settle it (1.500)",
    )
    .option(
      '--profile <name>',
      'read the columns through this mapping profile (default: one that fits the headers)',
    )
    .action(async (file: string, options: ImportReportOptions) =>
      (await import('./cli-import.ts')).runImportReport(readSettings(), file, options),
    );
  const groups = program.command('groups').description('Closed user groups.');
  groups
    .command('create')
    .description(
      'Create a closed user group with its first owner (more owners and members from the web app).',
    )
    .requiredOption('--name-en <name>', 'name in English')
    .option('--name-fr <name>', 'name in French (default: the English name)')
    .option('--name-es <name>', 'name in Spanish (default: the English name)')
    .requiredOption('--owner <address>', 'e-mail address of the owner (an existing active user)')
    .option('--category <category>', "the owner's member category", 'secretariat')
    .option('--confidential', 'members cannot list each other and write only to the group or the owners')
    .action(async (options: GroupsCreateOptions) =>
      (await import('./cli-groups.ts')).runGroupsCreate(readSettings(), options),
    );

  const permits = program.command('permits').description('The CITES permit registry and its border lookup.');
  const permitsCli = () => import('./cli-permits.ts');
  permits
    .command('import')
    .argument('<file>', 'CITESEPermit XML (one or several permits), or CSV/XLSX in the platform layout')
    .description('Import or update permits; exits 1 and writes the problems as CSV when the file has any.')
    .option('--party <XX>', 'the issuing Party (default: the first permit of the file names it)')
    .option('--errors <file>', 'where to write the problems (default FILE.errors.csv)')
    .action(async (file: string, options: { party?: string; errors?: string }) =>
      (await permitsCli()).runPermitsImport(readSettings(), file, options),
    );
  permits
    .command('mark')
    .description('Mark a permit lost, stolen or cancelled: every later lookup shows it in red.')
    .requiredOption('--country <XX>', 'the issuing Party')
    .requiredOption('--number <n>', 'the permit number')
    .requiredOption('--status <status>', 'lost, stolen or cancelled')
    .option('--on <yyyy-mm-dd>', 'the day it happened (default today)')
    .option('--note <text>', 'a note kept with the status')
    .action(
      async (options: { country: string; number: string; status: string; on?: string; note?: string }) =>
        (await permitsCli()).runPermitsMark(readSettings(), options),
    );
  permits
    .command('link')
    .description('Match the permit numbers written in every seizure record to the registry again.')
    .action(async () => (await permitsCli()).runPermitsLink(readSettings()));

  const audit = program.command('audit').description('The tamper-evident audit log.');
  audit
    .command('verify')
    .description('Check the audit log hash chain; exits 1 and lists the breaks if it was tampered with.')
    .option(
      '--checkpoint <file>',
      'also prove the log still holds the head(s) recorded in this checkpoint file',
    )
    .action(async (options: { checkpoint?: string }) =>
      options.checkpoint
        ? (await operations()).runAuditVerifyCheckpoint(readSettings(), options.checkpoint)
        : (await commands()).runAuditVerify(readSettings()),
    );
  audit
    .command('checkpoint')
    .description("Write the audit chain's head to the data directory and print it (servers do this hourly).")
    .action(async () => (await operations()).runAuditCheckpoint(readSettings()));

  program
    .command('backup')
    .argument('<file>', 'where to write the backup (FILE and FILE.manifest.json)')
    .description(
      'Back up the whole platform while it runs (PostgreSQL: a pg_restore archive; embedded: its data).',
    )
    .action(async (file: string) => (await operations()).runBackup(readSettings(), file));
  program
    .command('restore')
    .argument('<file>', 'a backup written by itd backup')
    .description('Restore a backup into an empty database, then verify the audit log and the platform key.')
    .option('--force', 'replace a database that is not empty')
    .action(async (file: string, options: { force?: boolean }) =>
      (await operations()).runRestore(readSettings(), file, options),
    );
  const keys = program.command('keys').description('The platform key (second factors and group files).');
  keys
    .command('rotate')
    .description('Re-seal every second factor and group file with a new platform key, in one transaction.')
    .option('--new-key-file <file>', 'the new key (64 hexadecimal characters); default: a new random key')
    .action(async (options: { newKeyFile?: string }) =>
      (await operations()).runKeysRotate(readSettings(), options),
    );

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    process.stderr.write(`itd: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
