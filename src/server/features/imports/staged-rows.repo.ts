/**
 * SQL of the staged rows (`import_rows`, migrations/0008). Every query runs in the caller's withActor transaction,
 * so row-level security limits the rows to those of batches the actor may work on.
 */
import { sql } from 'kysely';
import type { ReviewFix } from '../../../shared/reports.contract.ts';
import type { RowOutcome } from '../../db/schema-imports.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { SeizureValues } from '../seizure-records/index.ts';
import type { FoundProblem } from './check/validate-row.ts';

export interface StagedRow {
  rowNumber: number;
  cells: Record<string, string>;
  extra: Record<string, string>;
  /** The file's cells under its own headers (written once, at staging). */
  source?: Record<string, string>;
  values: SeizureValues;
  problems: FoundProblem[];
  accepted: string[];
  fingerprint: string;
  outcome: RowOutcome;
}

/**
 * A chunk of staged rows in one statement with one parameter (thousands of bind parameters cost the server more
 * than reading one JSON array):
 *   insert into import_rows (…) select $batch, $party, v.* from jsonb_to_recordset($rows) v(…)
 */
export async function insertRows(
  tx: Tx,
  batch: { id: string; party: string },
  rows: readonly StagedRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const payload = JSON.stringify(
    rows.map((row) => ({
      row_number: row.rowNumber,
      cells: row.cells,
      extra: row.extra,
      source_cells: row.source ?? null,
      normalised: row.values,
      problems: row.problems,
      accepted: row.accepted,
      fingerprint: row.fingerprint,
      outcome: row.outcome,
    })),
  );
  await sql`insert into import_rows
      (batch_id, party, row_number, cells, extra, source_cells, normalised, problems, accepted, fingerprint,
       outcome)
      select ${batch.id}::uuid, ${batch.party}, v.row_number, v.cells, v.extra, v.source_cells, v.normalised,
             v.problems, array(select jsonb_array_elements_text(v.accepted)), v.fingerprint, v.outcome
      from jsonb_to_recordset(${payload}::jsonb)
        as v(row_number integer, cells jsonb, extra jsonb, source_cells jsonb, normalised jsonb, problems jsonb,
             accepted jsonb, fingerprint text, outcome text)`.execute(tx);
}

/**
 * One statement for a whole chunk of re-validated rows:
 *   update import_rows r set … from jsonb_to_recordset($rows) v(…) where r.batch_id = $id and r.row_number = v.row_number
 */
export async function updateValidatedRows(
  tx: Tx,
  batchId: string,
  rows: readonly StagedRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const payload = JSON.stringify(
    rows.map((row) => ({
      row_number: row.rowNumber,
      cells: row.cells,
      normalised: row.values,
      problems: row.problems,
      accepted: row.accepted,
      fingerprint: row.fingerprint,
      outcome: row.outcome,
    })),
  );
  await sql`update import_rows r
      set cells = v.cells, normalised = v.normalised, problems = v.problems,
          accepted = array(select jsonb_array_elements_text(v.accepted)),
          fingerprint = v.fingerprint, outcome = v.outcome
      from jsonb_to_recordset(${payload}::jsonb)
        as v(row_number integer, cells jsonb, normalised jsonb, problems jsonb, accepted jsonb,
             fingerprint text, outcome text)
      where r.batch_id = ${batchId} and r.row_number = v.row_number`.execute(tx);
}

/**
 * Keeps a review correction before the row takes the new cell: the row's cells as the file had them (at the first
 * correction only) and the correction itself, appended to the row's edits.
 *   update import_rows set file_cells = coalesce(file_cells, cells), edits = edits || $fix where …
 */
export async function keepReviewFix(
  tx: Tx,
  batchId: string,
  rowNumber: number,
  fix: ReviewFix,
): Promise<void> {
  await sql`update import_rows
      set file_cells = coalesce(file_cells, cells), edits = edits || jsonb_build_array(${JSON.stringify(fix)}::jsonb)
      where batch_id = ${batchId}::uuid and row_number = ${rowNumber}::int`.execute(tx);
}

/** select max(row_number) from import_rows where batch_id = $1 (0 for no rows) */
export async function lastRowNumber(tx: Tx, batchId: string): Promise<number> {
  const row = await tx
    .selectFrom('import_rows')
    .select(sql<number>`coalesce(max(row_number), 0)::int`.as('last'))
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return row.last;
}

/**
 * The given rows of the batch, all within `rows`; the range lets the primary key find them in a batch of 100,000
 * among all staged rows (a bare `row_number = any(…)` may scan the table).
 *   select * from import_rows where batch_id = $1 and row_number > $after and row_number <= $upTo
 *     and row_number = any($numbers) order by row_number
 */
export async function readRowsNumbered(
  tx: Tx,
  batchId: string,
  rows: { after: number; upTo: number },
  rowNumbers: readonly number[],
): Promise<StagedRow[]> {
  if (rowNumbers.length === 0) return [];
  const found = await tx
    .selectFrom('import_rows')
    .selectAll()
    .where('batch_id', '=', batchId)
    .where('row_number', '>', rows.after)
    .where('row_number', '<=', rows.upTo)
    .where(sql<boolean>`row_number = any(${[...rowNumbers]}::int[])`)
    .orderBy('row_number')
    .execute();
  return found.map(toStaged);
}

function toStaged(row: {
  row_number: number;
  cells: Record<string, string>;
  extra: Record<string, string>;
  normalised: unknown;
  problems: unknown[];
  accepted: string[];
  fingerprint: string;
  outcome: RowOutcome;
}): StagedRow {
  return {
    rowNumber: row.row_number,
    cells: row.cells,
    extra: row.extra,
    values: row.normalised as SeizureValues,
    problems: row.problems as FoundProblem[],
    accepted: row.accepted,
    fingerprint: row.fingerprint,
    outcome: row.outcome,
  };
}

export type RowFilter = 'all' | 'problems' | 'blocking' | 'warnings' | 'duplicates' | 'import';

/** select * from import_rows where batch_id = $1 and row_number > $after [and filter] order by row_number limit n */
export async function readRows(
  tx: Tx,
  batchId: string,
  after: number,
  limit: number,
  filter: RowFilter = 'all',
): Promise<StagedRow[]> {
  let query = tx
    .selectFrom('import_rows')
    .selectAll()
    .where('batch_id', '=', batchId)
    .where('row_number', '>', after)
    .orderBy('row_number')
    .limit(limit);
  if (filter === 'problems') query = query.where(sql<boolean>`jsonb_array_length(problems) > 0`);
  if (filter === 'blocking') query = query.where('outcome', '=', 'reject');
  if (filter === 'duplicates') query = query.where('outcome', '=', 'duplicate');
  if (filter === 'import') query = query.where('outcome', '=', 'import');
  if (filter === 'warnings')
    query = query
      .where('outcome', '=', 'import')
      .where(sql<boolean>`jsonb_array_length(problems) > coalesce(array_length(accepted, 1), 0)`);
  return (await query.execute()).map(toStaged);
}

export async function readRow(tx: Tx, batchId: string, rowNumber: number): Promise<StagedRow | undefined> {
  const row = await tx
    .selectFrom('import_rows')
    .selectAll()
    .where('batch_id', '=', batchId)
    .where('row_number', '=', rowNumber)
    .forUpdate()
    .executeTakeFirst();
  return row ? toStaged(row) : undefined;
}

/** The row counts by outcome, and the rows with warnings not yet accepted. */
export async function countRows(tx: Tx, batchId: string) {
  const row = await tx
    .selectFrom('import_rows')
    .select([
      sql<number>`count(*)::int`.as('total'),
      // Blank rows are not staged: the last row's number tells how many lines the rows span.
      sql<number>`coalesce(max(row_number), 0)::int`.as('lastRow'),
      sql<number>`(count(*) filter (where outcome = 'import'))::int`.as('ready'),
      sql<number>`(count(*) filter (where outcome = 'reject'))::int`.as('blocking'),
      sql<number>`(count(*) filter (where outcome = 'duplicate'))::int`.as('duplicates'),
      sql<number>`(count(*) filter (where outcome = 'import' and jsonb_array_length(problems) > coalesce(array_length(accepted, 1), 0)))::int`.as(
        'warnings',
      ),
      // Records the importable rows make: one each, plus one per further kind of specimen (validate-parts.ts).
      sql<number>`(count(*) filter (where outcome = 'import') + coalesce(sum(jsonb_array_length(coalesce(normalised -> 'parts', '[]'::jsonb))) filter (where outcome = 'import'), 0))::int`.as(
        'records',
      ),
      // Rows waiting for the file's date order or decimal mark (check/file-conventions.ts).
      sql<number>`(count(*) filter (where problems @> '[{"code":"date_order_unsettled"}]'))::int`.as(
        'dateOrderOpen',
      ),
      sql<number>`(count(*) filter (where problems @> '[{"code":"number_unsettled"}]'))::int`.as(
        'decimalMarkOpen',
      ),
    ])
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return row;
}
