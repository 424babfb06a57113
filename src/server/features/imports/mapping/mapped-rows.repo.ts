/**
 * SQL for mapping a staged batch's columns again: the rows' source cells (kept as the file wrote them, 0046) are
 * read a chunk at a time, and each row takes the cells and additional information the new mapping gives it.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../db/with-actor.ts';

/** select row_number, source_cells from import_rows where batch_id = $1 and row_number > $2 order by … limit n */
export async function readSourceCells(
  tx: Tx,
  batchId: string,
  after: number,
  limit: number,
): Promise<{ rowNumber: number; source: Record<string, string> }[]> {
  const rows = await tx
    .selectFrom('import_rows')
    .select(['row_number', 'source_cells'])
    .where('batch_id', '=', batchId)
    .where('row_number', '>', after)
    .orderBy('row_number')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ rowNumber: row.row_number, source: row.source_cells ?? {} }));
}

/**
 * The new mapping's cells for a chunk of rows; warnings accepted on the old cells are asked again.
 *   update import_rows r set cells = v.cells, extra = v.extra, accepted = '{}'
 *   from jsonb_to_recordset($rows) v(…) where r.batch_id = $id and r.row_number = v.row_number
 */
export async function updateMappedRows(
  tx: Tx,
  batchId: string,
  rows: readonly { rowNumber: number; cells: Record<string, string>; extra: Record<string, string> }[],
): Promise<void> {
  if (rows.length === 0) return;
  const payload = JSON.stringify(
    rows.map((row) => ({ row_number: row.rowNumber, cells: row.cells, extra: row.extra })),
  );
  await sql`update import_rows r
      set cells = v.cells, extra = v.extra, accepted = '{}'
      from jsonb_to_recordset(${payload}::jsonb) as v(row_number integer, cells jsonb, extra jsonb)
      where r.batch_id = ${batchId}::uuid and r.row_number = v.row_number`.execute(tx);
}
