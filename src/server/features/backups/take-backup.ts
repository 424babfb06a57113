/**
 * `itd backup FILE`: a consistent copy of the whole platform. On PostgreSQL, pg_dump's custom-format archive (one
 * snapshot, taken while servers keep running). On the embedded database, PGlite's own dump of its data directory,
 * taken between two statements (PGlite runs one at a time); when a server holds the data directory, the copy is
 * asked of that server through its backup socket (backup-socket.ts), so the server keeps running.
 */
import fs from 'node:fs';
import { systemActor } from '../../../shared/actor.ts';
import type { Database } from '../../db/database.ts';
import { withActor } from '../../db/with-actor.ts';
import { APP_VERSION } from '../../version.ts';
import { readAuditHead, recordAudit } from '../audit/index.ts';
import { readRecordedKeyId } from '../platform-key/index.ts';
import { manifestPathOf, sha256OfFile, type BackupManifest } from './backup-manifest.ts';
import { runPgTool } from './pg-tools.ts';

export interface BackupState {
  keyId: string | null;
  auditHead: { seq: number; hash: string };
}

/** What a backup must say about the database it copies: read just before the copy. */
export async function backupStateOf(database: Database): Promise<BackupState> {
  const auditHead = await readAuditHead(database.db);
  return { keyId: (await readRecordedKeyId(database.db)) ?? null, auditHead };
}

/** The embedded database's data directory as a gzipped tarball. */
export async function dumpEmbedded(database: Database): Promise<Buffer> {
  if (!database.dumpDataDir) throw new Error('This database cannot dump its data directory.');
  return Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
}

/** Writes the manifest once the archive is complete; both appear under their final names only when whole. */
export async function finishBackup(
  file: string,
  backend: BackupManifest['backend'],
  state: BackupState,
  clock: () => Date,
): Promise<BackupManifest> {
  const manifest: BackupManifest = {
    format: 'itd-backup',
    version: 1,
    backend,
    createdAt: clock().toISOString(),
    appVersion: APP_VERSION,
    keyId: state.keyId,
    auditHead: state.auditHead,
    archive: { bytes: fs.statSync(file).size, sha256: await sha256OfFile(file) },
  };
  const partial = `${manifestPathOf(file)}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(partial, manifestPathOf(file));
  return manifest;
}

/** Backs up an open database (the owner's connection; PostgreSQL needs its URL for pg_dump). */
export async function takeBackup(
  database: Database,
  databaseUrl: string | undefined,
  file: string,
  clock: () => Date = () => new Date(),
): Promise<BackupManifest> {
  const state = await backupStateOf(database);
  const partial = `${file}.partial`;
  try {
    if (database.backend === 'postgres') {
      if (!databaseUrl) throw new Error('A PostgreSQL backup needs DATABASE_URL.');
      await runPgTool('pg_dump', databaseUrl, ['--format=custom', `--file=${partial}`]);
    } else {
      fs.writeFileSync(partial, await dumpEmbedded(database), { mode: 0o600 });
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  const manifest = await finishBackup(file, database.backend, state, clock);
  await recordBackupTaken(database, state, clock);
  return manifest;
}

/** The backup in the audit log of the database it copied. */
export async function recordBackupTaken(database: Database, state: BackupState, clock: () => Date) {
  await withActor(database.db, systemActor('itd backup'), (tx) =>
    recordAudit(
      tx,
      { actor: systemActor('itd backup'), clock },
      {
        action: 'backup.taken',
        targetType: 'database',
        details: { backend: database.backend, auditSeq: state.auditHead.seq, keyId: state.keyId },
      },
    ),
  );
}
