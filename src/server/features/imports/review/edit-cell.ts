/**
 * Correcting one cell of a staged row in review (ADR 0011): the file's cells stay with the row and the correction
 * is kept with who and when, then the row is checked again at once, its duplicate within the file included.
 */
import type { Actor } from '../../../../shared/actor.ts';
import type { EditCell, StagingRow } from '../../../../shared/imports.contract.ts';
import type { Language } from '../../../../shared/languages.ts';
import { withActor } from '../../../db/with-actor.ts';
import { NotFoundError } from '../../../errors.ts';
import { actorLabelOf } from '../../../lib/actor-names.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import { rowView } from '../batch-view.ts';
import { createBatchChecker, outcomeOf } from '../check/check-rows.ts';
import { findEarlierTwin } from '../check/duplicates.repo.ts';
import type { ImportsDeps } from '../imports-deps.ts';
import { loadStagedBatch } from '../load-batch.ts';
import { keepReviewFix, readRow, updateValidatedRows } from '../staged-rows.repo.ts';

export async function editCell(
  deps: ImportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string; row: number; language: Language } & EditCell,
): Promise<StagingRow> {
  const { row: rowNumber, column, value } = input;
  return withActor(deps.db, actor, async (tx) => {
    const batch = await loadStagedBatch(tx, actor, input.id);
    const row = await readRow(tx, batch.id, rowNumber);
    if (!row) throw new NotFoundError();
    const before = row.cells[column] ?? '';
    // What the file said stays with the row, and goes with the record as a review fix.
    await keepReviewFix(tx, batch.id, rowNumber, {
      column,
      from: before,
      to: value,
      by: actorLabelOf(actor) ?? '',
      at: deps.clock().toISOString(),
    });
    row.cells = { ...row.cells, [column]: value };
    // A changed cell is a new value: warnings accepted for the old one are asked again.
    row.accepted = row.accepted.filter((key) => !key.endsWith(`|${column}`));
    const checker = await createBatchChecker(tx, batch, deps.clock);
    const [checked] = await checker.check(tx, [row]);
    // Within the file, the row is a duplicate when an earlier importable row has the same seizure.
    const first = await findEarlierTwin(tx, batch.id, checked!.fingerprint, rowNumber);
    if (first !== undefined && checked!.outcome !== 'reject') {
      checked!.problems.push({
        column: null,
        code: 'duplicate_in_file',
        params: { first },
        suggestion: null,
      });
      checked!.outcome = outcomeOf(checked!.problems, checked!.accepted);
    }
    await updateValidatedRows(tx, batch.id, [checked!]);
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'import.edit_cell',
      targetType: 'import_batch',
      targetId: batch.id,
      details: { row: rowNumber, column, before, after: value },
    });
    return rowView(checked!, input.language);
  });
}
