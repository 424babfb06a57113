/** Dropping a staged batch: nothing of it reaches the live tables; the batch and its rows stay, marked discarded. */
import type { Actor } from '../../../../shared/actor.ts';
import type { ImportBatch } from '../../../../shared/imports.contract.ts';
import { withActor } from '../../../db/with-actor.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import { batchView } from '../batch-view.ts';
import type { ImportsDeps } from '../imports-deps.ts';
import { loadStagedBatch } from '../load-batch.ts';
import { markBatchDiscarded } from '../staged-batches.repo.ts';

export async function discardBatch(
  deps: ImportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string },
): Promise<ImportBatch> {
  return withActor(deps.db, actor, async (tx) => {
    const batch = await loadStagedBatch(tx, actor, input.id);
    const discarded = await markBatchDiscarded(tx, batch.id, deps.clock());
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'import.discard',
      targetType: 'import_batch',
      targetId: batch.id,
    });
    return batchView(tx, actor, discarded);
  });
}
