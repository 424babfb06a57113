/**
 * A backup is two files: the archive (a PostgreSQL custom-format archive that pg_restore reads, or the embedded
 * database's data directory as a gzipped tarball) and FILE.manifest.json beside it, saying what it holds: which
 * database, when, the audit chain's head at that moment, and the id of the platform key its secrets need (never
 * the key itself: a backup without its key opens no second factor and no group file).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

export const manifestSchema = z.object({
  format: z.literal('itd-backup'),
  version: z.literal(1),
  backend: z.enum(['postgres', 'pglite']),
  createdAt: z.string().datetime(),
  appVersion: z.string(),
  /** The platform key its sealed secrets need; null when none was recorded yet (nothing sealed). */
  keyId: z.string().nullable(),
  /** The chain's head when the backup began: the backup holds at least these entries. */
  auditHead: z.object({ seq: z.number().int().min(0), hash: z.string() }),
  archive: z.object({ bytes: z.number().int().min(0), sha256: z.string() }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export const manifestPathOf = (archive: string) => `${archive}.manifest.json`;

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function readManifest(archive: string): BackupManifest {
  const file = manifestPathOf(archive);
  if (!fs.existsSync(file)) {
    throw new Error(`No manifest beside the backup: ${file} (every backup is the archive and its manifest).`);
  }
  const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is not a backup manifest: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
