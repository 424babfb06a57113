/**
 * `itd restore FILE`: brings a backup back into an empty database of the same kind (PostgreSQL through pg_restore,
 * the embedded database by unpacking its data directory), refusing a target that holds anything unless --force.
 * Afterwards the audit chain is verified and the backup's key id is compared with this machine's platform key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../../../shared/actor.ts';
import { acquireDataDirLock } from '../../db/data-dir-lock.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { withActor } from '../../db/with-actor.ts';
import { recordAudit, verifyAuditLog } from '../audit/index.ts';
import { localKeyId, readRecordedKeyId } from '../platform-key/index.ts';
import { readManifest, sha256OfFile, type BackupManifest } from './backup-manifest.ts';
import { unsafeCountTables, unsafeEmptyPublicSchema, unsafeEnsureRequestRole } from './backups.repo.ts';
import { runPgTool, runTool } from './pg-tools.ts';

export interface RestoreTarget {
  databaseUrl: string | undefined;
  dataDir: string;
  secretKeyHex: string | undefined;
}

export interface RestoreReport {
  manifest: BackupManifest;
  auditEntries: number;
  auditProblems: number;
  /** The key id this machine's platform key has, or null when it has none yet. */
  localKeyId: string | null;
}

export class TargetNotEmptyError extends Error {}

async function restorePostgres(databaseUrl: string, archive: string, force: boolean): Promise<void> {
  const target = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    const tables = await unsafeCountTables(target.db);
    if (tables > 0 && !force) {
      throw new TargetNotEmptyError(
        `The target database is not empty (${tables} tables). Restore into an empty database, or add --force to ` +
          'replace everything in it.',
      );
    }
    if (tables > 0) await unsafeEmptyPublicSchema(target.db);
    await unsafeEnsureRequestRole(target.db);
  } finally {
    await target.close();
  }
  await runPgTool('pg_restore', databaseUrl, ['--no-owner', '--exit-on-error', archive]);
}

async function restoreEmbedded(dataDir: string, archive: string, force: boolean, now: Date): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pgdata = path.join(dataDir, 'pgdata');
  // No server may hold the directory while it is replaced.
  const release = acquireDataDirLock(dataDir);
  try {
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
      if (!force) {
        throw new TargetNotEmptyError(
          `The data directory ${dataDir} already holds a database. Restore into an empty data directory, or add ` +
            '--force (the database there is kept aside as pgdata.replaced-<time>).',
        );
      }
      fs.renameSync(pgdata, path.join(dataDir, `pgdata.replaced-${now.toISOString().replace(/[:.]/g, '-')}`));
    }
  } finally {
    release();
  }
  // The archive is PGlite's own tarball of its data directory (paths from the directory's root). It is unpacked
  // with the system's tar rather than PGlite's loadDataDir, which left the process unable to exit afterwards.
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  await runTool('tar', ['-xzf', archive, '-C', pgdata]);
}

export async function restoreBackup(
  target: RestoreTarget,
  archive: string,
  options: { force?: boolean; clock?: () => Date } = {},
): Promise<RestoreReport> {
  const clock = options.clock ?? (() => new Date());
  const manifest = readManifest(archive);
  const backend = target.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.backend !== backend) {
    throw new Error(
      `This backup is of the ${manifest.backend === 'postgres' ? 'PostgreSQL' : 'embedded'} database; it restores ` +
        `into the same kind (${manifest.backend === 'postgres' ? 'set DATABASE_URL' : 'leave DATABASE_URL unset'}).`,
    );
  }
  if ((await sha256OfFile(archive)) !== manifest.archive.sha256) {
    throw new Error(
      `${archive} is not the file its manifest describes (checksum differs): damaged or replaced.`,
    );
  }
  if (target.databaseUrl) await restorePostgres(target.databaseUrl, archive, options.force === true);
  else await restoreEmbedded(target.dataDir, archive, options.force === true, clock());

  const database: Database = await openDatabase({
    databaseUrl: target.databaseUrl,
    dataDir: target.dataDir,
    poolSize: 2,
  });
  try {
    const verdict = await verifyAuditLog(database.db);
    const recorded = (await readRecordedKeyId(database.db)) ?? null;
    if (recorded !== manifest.keyId)
      throw new Error('The restored database records another key id than its manifest.');
    await withActor(database.db, systemActor('itd restore'), (tx) =>
      recordAudit(
        tx,
        { actor: systemActor('itd restore'), clock },
        {
          action: 'backup.restored',
          targetType: 'database',
          details: {
            backend,
            backupCreatedAt: manifest.createdAt,
            auditSeq: manifest.auditHead.seq,
            keyId: recorded,
          },
        },
      ),
    );
    return {
      manifest,
      auditEntries: verdict.entriesChecked,
      auditProblems: verdict.problems.length,
      localKeyId: localKeyId(target.secretKeyHex, target.dataDir),
    };
  } finally {
    await database.close();
  }
}
