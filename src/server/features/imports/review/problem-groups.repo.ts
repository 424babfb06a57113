/**
 * SQL of the grouped review: problems counted by column, the row's value in that column, and code; and one value
 * replaced in every row of a batch that holds it. Run in the caller's withActor transaction (row-level security
 * keeps them to batches the actor may work on).
 */
import { sql } from 'kysely';
import type { ImportColumn, ProblemCode } from '../../../../shared/imports.contract.ts';
import type { ReviewFix } from '../../../../shared/reports.contract.ts';
import type { Tx } from '../../../db/with-actor.ts';
import type { FoundProblem } from '../check/validate-row.ts';

export interface ProblemGroupRow {
  column: ImportColumn | null;
  value: string;
  code: ProblemCode;
  rows: number;
  open: number;
  /** The problem as found on the group's first row (its params and suggestion). */
  example: FoundProblem;
}

/**
 *   select p->>'column', coalesce(r.cells ->> (p->>'column'), ''), p->>'code', count(*),
 *          count(*) filter (where the row has not accepted it), (array_agg(p order by row_number))[1]
 *   from import_rows r cross join lateral jsonb_array_elements(r.problems) p
 *   where r.batch_id = $1 group by 1, 2, 3 order by count(*) desc limit $2
 */
export async function selectProblemGroups(
  tx: Tx,
  batchId: string,
  limit: number,
): Promise<ProblemGroupRow[]> {
  const result = await sql<{
    column: ImportColumn | null;
    value: string;
    code: ProblemCode;
    rows: number;
    open: number;
    example: FoundProblem;
  }>`select p ->> 'column' as column,
        coalesce(r.cells ->> (p ->> 'column'), '') as value,
        p ->> 'code' as code,
        count(*)::int as rows,
        (count(*) filter (where not (r.accepted @> array[(p ->> 'code') || '|' || coalesce(p ->> 'column', '')])))::int
          as open,
        (array_agg(p order by r.row_number))[1] as example
      from import_rows r cross join lateral jsonb_array_elements(r.problems) p
      where r.batch_id = ${batchId}::uuid
      group by 1, 2, 3
      order by count(*) desc, 1, 2, 3
      limit ${limit}`.execute(tx);
  return result.rows;
}

/**
 * Every row whose cell holds `from` takes `to`, the correction kept with each row as a review fix (the file's
 * cells kept at the first one), and the warnings accepted for that column asked again:
 *   update import_rows set file_cells = coalesce(file_cells, cells), edits = edits || $fix,
 *     cells = jsonb_set(cells, {column}, to), accepted = (those not of the column)
 *   where batch_id = $1 and coalesce(cells ->> column, '') = $from
 */
export async function replaceValue(
  tx: Tx,
  batchId: string,
  fix: ReviewFix & { column: ImportColumn },
): Promise<number> {
  const suffix = `|${fix.column}`;
  const result = await sql<{ row_number: number }>`update import_rows
      set file_cells = coalesce(file_cells, cells),
          edits = edits || jsonb_build_array(${JSON.stringify(fix)}::jsonb),
          cells = jsonb_set(cells, array[${fix.column}::text], to_jsonb(${fix.to}::text)),
          accepted = array(select a from unnest(accepted) a where right(a, ${suffix.length}::int) <> ${suffix})
      where batch_id = ${batchId}::uuid and coalesce(cells ->> ${fix.column}::text, '') = ${fix.from}
      returning row_number`.execute(tx);
  return result.rows.length;
}
