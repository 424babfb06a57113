/** Checking every row of a staged batch again (species, codes, countries, duplicates against the file and stored data). */
import type { Actor } from '../../../../shared/actor.ts';
import type { ImportBatch } from '../../../../shared/imports.contract.ts';
import { withActor, type Tx } from '../../../db/with-actor.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { batchView } from '../batch-view.ts';
import { createBatchChecker } from '../check/check-rows.ts';
import { CHUNK_ROWS, type ImportsDeps, type Progress } from '../imports-deps.ts';
import { loadStagedBatch } from '../load-batch.ts';
import type { BatchRow } from '../staged-batches.repo.ts';
import { readRows, updateValidatedRows } from '../staged-rows.repo.ts';

export async function revalidateBatch(
  deps: ImportsDeps,
  actor: Actor,
  _request: RequestContext,
  input: { id: string; onProgress?: Progress | undefined },
): Promise<ImportBatch> {
  return withActor(deps.db, actor, async (tx) => {
    const batch = await loadStagedBatch(tx, actor, input.id);
    await revalidateBatchInTx(tx, batch, deps.clock, input.onProgress);
    return batchView(tx, actor, batch);
  });
}

/** Every row of a loaded batch checked again, chunk by chunk, each chunk stored before the next is checked. */
export async function revalidateBatchInTx(
  tx: Tx,
  batch: BatchRow,
  clock: () => Date,
  onProgress?: Progress,
): Promise<void> {
  const checker = await createBatchChecker(tx, batch, clock);
  let after = 0;
  for (;;) {
    const rows = await readRows(tx, batch.id, after, CHUNK_ROWS);
    if (rows.length === 0) break;
    await updateValidatedRows(tx, batch.id, await checker.check(tx, rows));
    after = rows.at(-1)!.rowNumber;
    onProgress?.(after);
  }
}
