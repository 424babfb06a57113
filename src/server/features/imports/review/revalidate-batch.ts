/** Checking every row of a staged batch again (species, codes, countries, duplicates against the file and stored data). */
import type { Actor } from '../../../../shared/actor.ts';
import type { ImportBatch } from '../../../../shared/imports.contract.ts';
import { withActor } from '../../../db/with-actor.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { batchView } from '../batch-view.ts';
import { createBatchChecker } from '../check/check-rows.ts';
import { CHUNK_ROWS, type ImportsDeps, type Progress } from '../imports-deps.ts';
import { loadStagedBatch } from '../load-batch.ts';
import { readRows, updateValidatedRows } from '../staged-rows.repo.ts';

export async function revalidateBatch(
  deps: ImportsDeps,
  actor: Actor,
  _request: RequestContext,
  input: { id: string; onProgress?: Progress | undefined },
): Promise<ImportBatch> {
  return withActor(deps.db, actor, async (tx) => {
    const batch = await loadStagedBatch(tx, actor, input.id);
    const checker = await createBatchChecker(
      tx,
      { id: batch.id, party: batch.party.trim(), year: batch.year },
      deps.clock,
    );
    // From the first row in row order, each chunk stored before the next is checked (createRowChecker's pass).
    let after = 0;
    for (;;) {
      const rows = await readRows(tx, batch.id, after, CHUNK_ROWS);
      if (rows.length === 0) break;
      await updateValidatedRows(tx, batch.id, await checker.check(tx, rows));
      after = rows.at(-1)!.rowNumber;
      input.onProgress?.(after);
    }
    return batchView(tx, actor, batch);
  });
}
