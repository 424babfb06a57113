/**
 * One fix for every row with the same value (the grouped review): "Finches" in Species becomes "Fringillidae" in
 * the 37 rows that have it, each row keeping the correction with who and when as a single-cell edit does, then
 * the batch is checked again (duplicates within the file included, which a change to many rows can create).
 */
import type { Actor } from '../../../../shared/actor.ts';
import type { FixValue, ImportBatch } from '../../../../shared/imports.contract.ts';
import { withActor } from '../../../db/with-actor.ts';
import { NotFoundError } from '../../../errors.ts';
import { actorLabelOf } from '../../../lib/actor-names.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import { batchView } from '../batch-view.ts';
import type { ImportsDeps } from '../imports-deps.ts';
import { loadStagedBatch } from '../load-batch.ts';
import { replaceValue } from './problem-groups.repo.ts';
import { revalidateBatchInTx } from './revalidate-batch.ts';

export async function fixValue(
  deps: ImportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string } & FixValue,
): Promise<ImportBatch> {
  return withActor(deps.db, actor, async (tx) => {
    const batch = await loadStagedBatch(tx, actor, input.id);
    const rows = await replaceValue(tx, batch.id, {
      column: input.column,
      from: input.from,
      to: input.to,
      by: actorLabelOf(actor) ?? '',
      at: deps.clock().toISOString(),
    });
    // No row holds the value (fixed meanwhile, or never there): nothing to change, and said so.
    if (rows === 0) throw new NotFoundError();
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'import.fix_value',
      targetType: 'import_batch',
      targetId: batch.id,
      details: { column: input.column, before: input.from, after: input.to, rows },
    });
    await revalidateBatchInTx(tx, batch, deps.clock);
    return batchView(tx, actor, batch);
  });
}
