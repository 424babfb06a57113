/**
 * A server on the embedded database holds its data directory alone, so `itd backup` cannot open it: the server
 * answers backups itself on a Unix socket in the data directory (readable by the directory's owner only). A client
 * connects and receives one JSON line (the state the manifest records) followed by the gzipped tarball.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { backupStateOf, dumpEmbedded, recordBackupTaken, type BackupState } from './take-backup.ts';

export const backupSocketPath = (dataDir: string) => path.join(dataDir, 'backup.sock');

/** Starts answering backups; returns the function that stops it. */
export async function serveBackups(
  database: Database,
  dataDir: string,
  onError: (error: unknown) => void,
): Promise<() => Promise<void>> {
  const socketPath = backupSocketPath(dataDir);
  fs.rmSync(socketPath, { force: true }); // left by a server that did not stop cleanly (we hold the lock)
  const server = net.createServer((socket) => {
    socket.on('error', onError);
    void (async () => {
      try {
        const state = await backupStateOf(database);
        const archive = await dumpEmbedded(database);
        socket.write(`${JSON.stringify({ ok: true, bytes: archive.length, ...state })}\n`);
        socket.end(archive);
        await recordBackupTaken(database, state, () => new Date());
      } catch (error) {
        onError(error);
        socket.end(`${JSON.stringify({ ok: false, message: String(error) })}\n`);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Asks the running server for its copy; writes the tarball to `file` and returns the state it reported. */
export async function backupFromRunningServer(dataDir: string, file: string): Promise<BackupState> {
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    const socket = net.createConnection(backupSocketPath(dataDir));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', resolve);
    socket.on('error', (error) =>
      reject(new Error(`The running server did not answer the backup: ${error.message}`)),
    );
  });
  const all = Buffer.concat(chunks);
  const newline = all.indexOf(10);
  const header = JSON.parse(all.subarray(0, newline).toString('utf8')) as
    ({ ok: true; bytes: number } & BackupState) | { ok: false; message: string };
  if (!header.ok) throw new Error(`The running server could not take the backup: ${header.message}`);
  const archive = all.subarray(newline + 1);
  if (archive.length !== header.bytes)
    throw new Error('The backup from the running server arrived incomplete.');
  fs.writeFileSync(file, archive, { mode: 0o600 });
  return { keyId: header.keyId, auditHead: header.auditHead };
}
