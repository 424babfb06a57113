/**
 * Brings the access receipts up to date with the audit log: links what is committed (ADR 0010), then folds the
 * linked entries after the bookmark, a batch at a time. The server runs it every few minutes; the receipts page runs
 * it before reading, so a focal point sees an access made a moment ago. Any number may run at once (they queue on
 * a lock). Needs the owner connection, not withActor.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { linkAuditEntries } from '../audit/index.ts';
import { unsafeFoldAccessReceipts } from './access-receipts.repo.ts';

/** Audit entries read per transaction. */
const FOLD_BATCH = 5_000;
/** Batches per call at most: a backlog is caught up over several calls rather than in one long request. */
const MAX_BATCHES = 20;

export async function foldAccessReceipts(db: Kysely<DB>): Promise<number> {
  await linkAuditEntries(db);
  let folded = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const read = await unsafeFoldAccessReceipts(db, FOLD_BATCH);
    folded += read;
    if (read < FOLD_BATCH) break;
  }
  return folded;
}
