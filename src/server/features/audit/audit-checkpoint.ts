/**
 * The chain's head kept outside the database. Someone with the database's superuser could rewrite the whole log
 * and recompute every hash, and the chain would verify; a copy of the head written elsewhere cannot be rewritten
 * with it. Every hour (AUDIT_CHECKPOINT_MINUTES) and on `itd audit checkpoint`, the head's number and hash are
 * written to the data directory (audit-checkpoint.json, the latest, and audit-checkpoints.jsonl, one line each)
 * and to the log, where log shipping carries them off the machine. `itd audit verify --checkpoint FILE` then proves
 * the chain still holds each recorded head unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { unsafeReadEntryHash } from './audit.repo.ts';
import { readAuditHead, verifyAuditLog } from './audit.service.ts';
import type { ChainVerdict } from './audit-chain.ts';

const checkpointSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().datetime(),
});
export type AuditCheckpoint = z.infer<typeof checkpointSchema>;

export const checkpointFiles = (dataDir: string) => ({
  latest: path.join(dataDir, 'audit-checkpoint.json'),
  history: path.join(dataDir, 'audit-checkpoints.jsonl'),
});

export async function writeAuditCheckpoint(
  db: Kysely<DB>,
  dataDir: string,
  clock: () => Date = () => new Date(),
): Promise<AuditCheckpoint> {
  const head = await readAuditHead(db);
  const checkpoint: AuditCheckpoint = { seq: head.seq, hash: head.hash, at: clock().toISOString() };
  const files = checkpointFiles(dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const partial = `${files.latest}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  fs.renameSync(partial, files.latest);
  fs.appendFileSync(files.history, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  return checkpoint;
}

/** The checkpoints a file holds: one JSON object, or one per line (the history file). */
export function readCheckpoints(file: string): AuditCheckpoint[] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) throw new Error(`${file} holds no audit checkpoint.`);
  return lines.map((line, index) => {
    const parsed = checkpointSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file} line ${index + 1} is not an audit checkpoint.`);
    return parsed.data;
  });
}

export type CheckpointProblem =
  | { kind: 'checkpoint_missing'; seq: number; at: string }
  | { kind: 'checkpoint_changed'; seq: number; at: string };

/** The chain verified, and each checkpoint's entry found with the hash it had then. Owner connection. */
export async function verifyAuditCheckpoints(
  db: Kysely<DB>,
  checkpoints: AuditCheckpoint[],
  onProgress?: (checkedUpToSeq: number, headSeq: number) => void,
): Promise<{ chain: ChainVerdict; checkpoints: CheckpointProblem[] }> {
  const chain = await verifyAuditLog(db, onProgress);
  const problems: CheckpointProblem[] = [];
  for (const checkpoint of checkpoints) {
    if (checkpoint.seq === 0) continue; // an empty log: nothing to hold
    const hash = await unsafeReadEntryHash(db, checkpoint.seq);
    if (hash === undefined)
      problems.push({ kind: 'checkpoint_missing', seq: checkpoint.seq, at: checkpoint.at });
    else if (hash !== checkpoint.hash) {
      problems.push({ kind: 'checkpoint_changed', seq: checkpoint.seq, at: checkpoint.at });
    }
  }
  return { chain, checkpoints: problems };
}
