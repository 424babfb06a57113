/**
 * Accepting open warnings of a staged batch: of the given rows (or all), with the given codes (or every warning
 * code but the duplicate ones, which must be named to import a duplicate on purpose). A chunk of rows at a time.
 */
import type { Actor } from '../../../../shared/actor.ts';
import {
  DUPLICATE_CODES,
  type AcceptWarnings,
  type ImportBatch,
  type ProblemCode,
} from '../../../../shared/imports.contract.ts';
import { withActor } from '../../../db/with-actor.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import { batchView } from '../batch-view.ts';
import { outcomeOf, problemKey } from '../check/check-rows.ts';
import { RULES } from '../check/validation-rules.ts';
import { CHUNK_ROWS, type ImportsDeps } from '../imports-deps.ts';
import { loadStagedBatch } from '../load-batch.ts';
import { readRows, updateValidatedRows } from '../staged-rows.repo.ts';

export async function acceptWarnings(
  deps: ImportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string } & AcceptWarnings,
): Promise<ImportBatch> {
  return withActor(deps.db, actor, async (tx) => {
    const batch = await loadStagedBatch(tx, actor, input.id);
    const codes = new Set<ProblemCode>(
      input.codes ??
        (Object.keys(RULES) as ProblemCode[]).filter(
          (c) => !(DUPLICATE_CODES as readonly string[]).includes(c),
        ),
    );
    const wanted = input.rows === 'all' ? null : new Set(input.rows);
    let after = 0;
    let accepted = 0;
    for (;;) {
      const rows = await readRows(tx, batch.id, after, CHUNK_ROWS, 'problems');
      if (rows.length === 0) break;
      after = rows.at(-1)!.rowNumber;
      // With `where`, one value of one column: the rows that hold it, and that column's warnings only.
      const { where } = input;
      const changed = rows.filter(
        (row) =>
          (wanted === null || wanted.has(row.rowNumber)) &&
          (where === undefined || (row.cells[where.column] ?? '') === where.value),
      );
      for (const row of changed) {
        const keys = row.problems
          .filter((p) => RULES[p.code].severity === 'warning' && codes.has(p.code))
          .filter((p) => where === undefined || p.column === where.column)
          .map(problemKey)
          .filter((key) => !row.accepted.includes(key));
        accepted += keys.length;
        row.accepted = [...row.accepted, ...keys];
        row.outcome = outcomeOf(row.problems, row.accepted);
      }
      await updateValidatedRows(tx, batch.id, changed);
    }
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'import.accept_warnings',
      targetType: 'import_batch',
      targetId: batch.id,
      details: {
        rows: input.rows === 'all' ? 'all' : input.rows.length,
        codes: [...codes],
        where: input.where ?? null,
        accepted,
      },
    });
    return batchView(tx, actor, batch);
  });
}
