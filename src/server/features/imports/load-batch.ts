/**
 * Finding the batch a use case is about, through row-level security first, then the imports policy: another
 * Party's batch is the same 404 as one that does not exist. Steps inside the use case's transaction.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { Tx } from '../../db/with-actor.ts';
import { AppError, NotFoundError } from '../../errors.ts';
import { assertMayImport, assertMayWorkOn } from './imports.policy.ts';
import { findBatch, type BatchRow } from './staged-batches.repo.ts';

/** The batch if the actor may work on it; otherwise the same 404 as for a batch that does not exist. */
export async function loadBatch(tx: Tx, actor: Actor, id: string, forUpdate = false): Promise<BatchRow> {
  // A user without the import role is refused before anything is looked up (403, whatever the id).
  assertMayImport(actor);
  const batch = await findBatch(tx, id, forUpdate);
  if (!batch) throw new NotFoundError();
  assertMayWorkOn(actor, batch.party.trim());
  return batch;
}

/** The batch locked for a change, which only a batch still staged takes (409 once submitted or discarded). */
export async function loadStagedBatch(tx: Tx, actor: Actor, id: string): Promise<BatchRow> {
  const batch = await loadBatch(tx, actor, id, true);
  if (batch.status !== 'staged') throw new AppError('conflict', 409);
  return batch;
}
