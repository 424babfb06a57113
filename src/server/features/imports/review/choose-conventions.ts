/**
 * The reviewer's answer to a file that does not settle its own date order or decimal mark: one choice for the
 * whole file, recorded with who made it and when (on the batch and in the audit log), after which every row is
 * checked again and read that way.
 */
import type { Actor } from '../../../../shared/actor.ts';
import type { ChooseConventions, ImportBatch } from '../../../../shared/imports.contract.ts';
import { withActor } from '../../../db/with-actor.ts';
import { actorLabelOf } from '../../../lib/actor-names.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import { batchView } from '../batch-view.ts';
import type { ImportsDeps } from '../imports-deps.ts';
import { loadStagedBatch } from '../load-batch.ts';
import { findBatch, setBatchConventions } from '../staged-batches.repo.ts';
import { revalidateBatchInTx } from './revalidate-batch.ts';

export async function chooseConventions(
  deps: ImportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string } & ChooseConventions,
): Promise<ImportBatch> {
  return withActor(deps.db, actor, async (tx) => {
    const batch = await loadStagedBatch(tx, actor, input.id);
    const by = actorLabelOf(actor) ?? 'reviewer';
    await setBatchConventions(
      tx,
      batch.id,
      {
        dateOrder: input.dateOrder ? { value: input.dateOrder, by } : undefined,
        decimalMark: input.decimalMark ? { value: input.decimalMark, by } : undefined,
      },
      deps.clock(),
    );
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'import.conventions',
      targetType: 'import_batch',
      targetId: batch.id,
      details: { dateOrder: input.dateOrder ?? null, decimalMark: input.decimalMark ?? null },
    });
    const chosen = (await findBatch(tx, batch.id))!;
    await revalidateBatchInTx(tx, chosen, deps.clock);
    return batchView(tx, actor, chosen);
  });
}
