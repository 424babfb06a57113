/**
 * The operator's commands: `itd backup`, `itd restore`, `itd keys rotate`, `itd audit checkpoint` and
 * `itd audit verify --checkpoint` (docs/OPERATIONS.md says when to use each).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from './config.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { openDatabase, type Database } from './db/database.ts';
import { progressBar } from './cli-commands.ts';
import { readCheckpoints, verifyAuditCheckpoints, writeAuditCheckpoint } from './features/audit/index.ts';
import {
  backupFromRunningServer,
  finishBackup,
  restoreBackup,
  takeBackup,
} from './features/backups/index.ts';
import { rotatePlatformKey } from './features/platform-key/index.ts';
import { setUpDatabase } from './setup-database.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function withOwnerDatabase<T>(settings: Settings, fn: (database: Database) => Promise<T>): Promise<T> {
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

export async function runBackup(settings: Settings, file: string): Promise<void> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new Error(`${target} already exists: a backup never overwrites a file.`);
  let database: Database | undefined;
  try {
    database = await openDatabase({
      databaseUrl: settings.databaseUrl,
      dataDir: settings.dataDir,
      poolSize: 2,
    });
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
  }
  const manifest = database
    ? await takeBackup(database, settings.databaseUrl, target).finally(() => database.close())
    : // The embedded database is held by a running server: it takes the copy itself.
      await backupFromRunningServer(settings.dataDir, target).then((state) =>
        finishBackup(target, 'pglite', state, () => new Date()),
      );
  say(`Backup written: ${target} (${manifest.archive.bytes} bytes) and ${target}.manifest.json`);
  say(`  database      ${manifest.backend === 'postgres' ? 'PostgreSQL (pg_restore archive)' : 'embedded'}`);
  say(`  audit log     up to entry ${manifest.auditHead.seq}`);
  say(
    `  platform key  ${manifest.keyId ?? 'none recorded yet'} (keep that key with the backup, never inside it)`,
  );
}

export async function runRestore(
  settings: Settings,
  file: string,
  options: { force?: boolean },
): Promise<void> {
  const report = await restoreBackup(settings, path.resolve(file), { force: options.force === true });
  say(`Restored ${file} (taken ${report.manifest.createdAt}).`);
  if (report.auditProblems > 0) {
    say(`Audit log BROKEN after restore: run 'itd audit verify' for the details (docs/OPERATIONS.md).`);
    process.exitCode = 1;
  } else {
    say(`Audit log intact: ${report.auditEntries} entries verified.`);
  }
  if (report.manifest.keyId && report.localKeyId !== report.manifest.keyId) {
    say(
      `This machine's platform key is ${report.localKeyId ?? 'missing'}, but the backup needs ${report.manifest.keyId}: ` +
        'bring that key (ITD_SECRET_KEY or secret.key in the data directory) before starting the server.',
    );
    process.exitCode = 1;
  } else {
    say(`Platform key ${report.manifest.keyId ?? '(none needed)'} matches.`);
  }
}

export async function runKeysRotate(settings: Settings, options: { newKeyFile?: string }): Promise<void> {
  const newKey = options.newKeyFile
    ? Buffer.from(fs.readFileSync(options.newKeyFile, 'utf8').trim(), 'hex')
    : undefined;
  await withOwnerDatabase(settings, async (database) => {
    await setUpDatabase(database.db);
    const rotation = await rotatePlatformKey(database.db, settings, newKey ? { newKey } : {});
    say(`Platform key rotated: ${rotation.fromKeyId} → ${rotation.toKeyId}`);
    say(`  re-sealed ${rotation.totpSecrets} second-factor secret(s) and ${rotation.files} group file(s)`);
    if (rotation.oldKeyFile) {
      say(`  the new key is ${rotation.newKeyFile}; the old one is kept as ${rotation.oldKeyFile}`);
      say('  (keep the old key while backups taken before now are kept: they need it)');
    } else {
      say(
        `  set ITD_SECRET_KEY on every server to the content of ${rotation.newKeyFile}, restart them, then`,
      );
      say('  delete that file. Servers still running with the old key refuse to start again.');
    }
  });
}

export async function runAuditCheckpoint(settings: Settings): Promise<void> {
  await withOwnerDatabase(settings, async (database) => {
    const checkpoint = await writeAuditCheckpoint(database.db, settings.dataDir);
    say(`Audit checkpoint: entry ${checkpoint.seq} hash ${checkpoint.hash} at ${checkpoint.at}`);
    say(`  written to ${path.join(settings.dataDir, 'audit-checkpoint.json')} (copy it off this machine)`);
  });
}

export async function runAuditVerifyCheckpoint(settings: Settings, file: string): Promise<void> {
  const checkpoints = readCheckpoints(file);
  await withOwnerDatabase(settings, async (database) => {
    const bar = progressBar('Verifying audit log');
    const verdict = await verifyAuditCheckpoints(database.db, checkpoints, (done, total) =>
      bar.update(done, total),
    ).finally(() => bar.stop());
    if (verdict.chain.problems.length > 0) {
      say(
        `Audit log BROKEN: ${verdict.chain.problems.length} problem(s); run 'itd audit verify' for the list.`,
      );
      process.exitCode = 1;
    }
    for (const problem of verdict.checkpoints) {
      say(
        problem.kind === 'checkpoint_missing'
          ? `  checkpoint of ${problem.at}: entry ${problem.seq} is no longer in the log (entries removed)`
          : `  checkpoint of ${problem.at}: entry ${problem.seq} has another hash now (the log was rewritten)`,
      );
      process.exitCode = 1;
    }
    if (process.exitCode !== 1) {
      const newest = checkpoints[checkpoints.length - 1]!;
      say(
        `Audit log intact: ${verdict.chain.entriesChecked} entries verified, and it still holds entry ` +
          `${newest.seq} as checkpointed at ${newest.at} (${checkpoints.length} checkpoint(s) checked).`,
      );
    }
  });
}
