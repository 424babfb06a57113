/**
 * Reviewing a staged batch: read it and its rows, correct a cell, accept warnings, re-validate, discard.
 * Each use case finds the batch through row-level security first, so another Party's batch is a 404.
 */
import {
  DUPLICATE_CODES,
  type AcceptWarnings,
  type EditCell,
  type ProblemCode,
} from '../../../shared/imports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { AppError, NotFoundError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { actorLabelOf, auditContextOf, type ReportContext } from '../reports/index.ts';
import { createRowChecker, outcomeOf, problemKey } from './check-rows.ts';
import { loadImportReference } from './import-reference.ts';
import { assertMayImport, assertMayWorkOn } from './imports.policy.ts';
import { CHUNK_ROWS, todayOf, type Progress } from './stage-upload.ts';
import {
  findBatch,
  keepReviewFix,
  readRow,
  readRows,
  updateValidatedRows,
  type BatchRow,
} from './staging.repo.ts';
import { RULES } from './validation-rules.ts';

/** The batch if the actor may work on it; otherwise the same 404 as for a batch that does not exist. */
export async function loadBatch(
  tx: Tx,
  ctx: ReportContext,
  id: string,
  forUpdate = false,
): Promise<BatchRow> {
  // A user without the import role is refused before anything is looked up (403, whatever the id).
  assertMayImport(ctx.actor);
  const batch = await findBatch(tx, id, forUpdate);
  if (!batch) throw new NotFoundError();
  assertMayWorkOn(ctx.actor, batch.party.trim());
  return batch;
}

export async function loadStagedBatch(tx: Tx, ctx: ReportContext, id: string): Promise<BatchRow> {
  const batch = await loadBatch(tx, ctx, id, true);
  if (batch.status !== 'staged') throw new AppError('conflict', 409);
  return batch;
}

/** Re-checks every row of the batch (species, codes, countries, duplicates against the file and stored data). */
export async function revalidateBatch(
  tx: Tx,
  ctx: ReportContext,
  batch: BatchRow,
  onProgress?: Progress,
): Promise<void> {
  const reference = await loadImportReference(tx);
  const checker = createRowChecker(
    { reference, party: batch.party.trim(), year: batch.year, today: todayOf(ctx.clock) },
    batch.id,
  );
  let after = 0;
  for (;;) {
    const rows = await readRows(tx, batch.id, after, CHUNK_ROWS);
    if (rows.length === 0) break;
    await updateValidatedRows(tx, batch.id, await checker.check(tx, rows));
    after = rows.at(-1)!.rowNumber;
    onProgress?.(after);
  }
}

export async function editCell(tx: Tx, ctx: ReportContext, id: string, rowNumber: number, edit: EditCell) {
  const batch = await loadStagedBatch(tx, ctx, id);
  const row = await readRow(tx, batch.id, rowNumber);
  if (!row) throw new NotFoundError();
  const before = row.cells[edit.column] ?? '';
  // What the file said stays with the row, and goes with the record as a review fix.
  await keepReviewFix(tx, batch.id, rowNumber, {
    column: edit.column,
    from: before,
    to: edit.value,
    by: actorLabelOf(ctx.actor) ?? '',
    at: ctx.clock().toISOString(),
  });
  row.cells = { ...row.cells, [edit.column]: edit.value };
  // A changed cell is a new value: warnings accepted for the old one are asked again.
  row.accepted = row.accepted.filter((key) => !key.endsWith(`|${edit.column}`));
  const reference = await loadImportReference(tx);
  const checker = createRowChecker(
    { reference, party: batch.party.trim(), year: batch.year, today: todayOf(ctx.clock) },
    batch.id,
  );
  const [checked] = await checker.check(tx, [row]);
  // Within the file, the row is a duplicate when an earlier importable row has the same seizure.
  const earlier = await tx
    .selectFrom('import_rows')
    .select('row_number')
    .where('batch_id', '=', batch.id)
    .where('fingerprint', '=', checked!.fingerprint)
    .where('row_number', '<', rowNumber)
    .where('outcome', '<>', 'reject')
    .orderBy('row_number')
    .executeTakeFirst();
  if (earlier && checked!.outcome !== 'reject') {
    checked!.problems.push({
      column: null,
      code: 'duplicate_in_file',
      params: { first: earlier.row_number },
      suggestion: null,
    });
    checked!.outcome = outcomeOf(checked!.problems, checked!.accepted);
  }
  await updateValidatedRows(tx, batch.id, [checked!]);
  await recordAudit(tx, auditContextOf(ctx), {
    action: 'import.edit_cell',
    targetType: 'import_batch',
    targetId: batch.id,
    details: { row: rowNumber, column: edit.column, before, after: edit.value },
  });
  return checked!;
}

export async function acceptWarnings(
  tx: Tx,
  ctx: ReportContext,
  id: string,
  body: AcceptWarnings,
): Promise<BatchRow> {
  const batch = await loadStagedBatch(tx, ctx, id);
  const codes = new Set<ProblemCode>(
    body.codes ??
      (Object.keys(RULES) as ProblemCode[]).filter(
        (c) => !(DUPLICATE_CODES as readonly string[]).includes(c),
      ),
  );
  const wanted = body.rows === 'all' ? null : new Set(body.rows);
  let after = 0;
  let accepted = 0;
  for (;;) {
    const rows = await readRows(tx, batch.id, after, CHUNK_ROWS, 'problems');
    if (rows.length === 0) break;
    after = rows.at(-1)!.rowNumber;
    const changed = rows.filter((row) => wanted === null || wanted.has(row.rowNumber));
    for (const row of changed) {
      const keys = row.problems
        .filter((p) => RULES[p.code].severity === 'warning' && codes.has(p.code))
        .map(problemKey)
        .filter((key) => !row.accepted.includes(key));
      accepted += keys.length;
      row.accepted = [...row.accepted, ...keys];
      row.outcome = outcomeOf(row.problems, row.accepted);
    }
    await updateValidatedRows(tx, batch.id, changed);
  }
  await recordAudit(tx, auditContextOf(ctx), {
    action: 'import.accept_warnings',
    targetType: 'import_batch',
    targetId: batch.id,
    details: { rows: body.rows === 'all' ? 'all' : body.rows.length, codes: [...codes], accepted },
  });
  return batch;
}

export async function discardBatch(tx: Tx, ctx: ReportContext, id: string): Promise<BatchRow> {
  const batch = await loadStagedBatch(tx, ctx, id);
  const updated = await tx
    .updateTable('import_batches')
    .set({ status: 'discarded', updated_at: ctx.clock() })
    .where('id', '=', batch.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, auditContextOf(ctx), {
    action: 'import.discard',
    targetType: 'import_batch',
    targetId: batch.id,
  });
  return updated;
}
