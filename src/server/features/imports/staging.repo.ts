/**
 * SQL of the staging area (migrations/0008). Every query runs in the caller's withActor transaction, so
 * row-level security limits batches and rows to those the actor may work on.
 */
import { sql, type Selectable } from 'kysely';
import type { ReviewFix } from '../../../shared/reports.contract.ts';
import type { ImportBatchesTable, RowOutcome } from '../../db/schema-imports.ts';
import type { Tx } from '../../db/with-actor.ts';
import { hasStoredTwin, type SeizureValues } from '../seizure-records/index.ts';
import type { FoundProblem } from './validate-row.ts';

export type BatchRow = Selectable<ImportBatchesTable>;

export interface StagedRow {
  rowNumber: number;
  cells: Record<string, string>;
  extra: Record<string, string>;
  values: SeizureValues;
  problems: FoundProblem[];
  accepted: string[];
  fingerprint: string;
  outcome: RowOutcome;
}

/** select * from import_batches where id = $1 [for update] */
export async function findBatch(tx: Tx, id: string, forUpdate = false): Promise<BatchRow | undefined> {
  let query = tx.selectFrom('import_batches').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** select * from import_batches [where created_at < cursor] order by created_at desc limit n */
export async function listBatches(tx: Tx, before: string | null, limit: number): Promise<BatchRow[]> {
  let query = tx
    .selectFrom('import_batches')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit);
  if (before) query = query.where('created_at', '<', new Date(before));
  return query.execute();
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
      normalised: row.values,
      problems: row.problems,
      accepted: row.accepted,
      fingerprint: row.fingerprint,
      outcome: row.outcome,
    })),
  );
  await sql`insert into import_rows
      (batch_id, party, row_number, cells, extra, normalised, problems, accepted, fingerprint, outcome)
      select ${batch.id}::uuid, ${batch.party}, v.row_number, v.cells, v.extra, v.normalised, v.problems,
             array(select jsonb_array_elements_text(v.accepted)), v.fingerprint, v.outcome
      from jsonb_to_recordset(${payload}::jsonb)
        as v(row_number integer, cells jsonb, extra jsonb, normalised jsonb, problems jsonb, accepted jsonb,
             fingerprint text, outcome text)`.execute(tx);
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
 * For each fingerprint, the first row of the batch before `before` that is not rejected (duplicates within the file,
 * in-file-duplicates.ts; import_rows_fingerprint_idx):
 *   select fingerprint, min(row_number) from import_rows where batch_id = $1 and row_number < $2
 *     and outcome <> 'reject' and fingerprint = any($3) group by fingerprint
 */
export async function findFirstRows(
  tx: Tx,
  batchId: string,
  before: number,
  fingerprints: readonly string[],
): Promise<Map<string, number>> {
  if (fingerprints.length === 0) return new Map();
  const rows = await tx
    .selectFrom('import_rows')
    .select(['fingerprint', sql<number>`min(row_number)::int`.as('first')])
    .where('batch_id', '=', batchId)
    .where('row_number', '<', before)
    .where('outcome', '<>', 'reject')
    .where(sql<boolean>`fingerprint = any(${[...new Set(fingerprints)]}::text[])`)
    .groupBy('fingerprint')
    .execute();
  return new Map(rows.map((row) => [row.fingerprint, row.first]));
}

/** A staged row whose duplicate flags may change at submit, with what the flags should now say. */
export interface DuplicateCandidate {
  rowNumber: number;
  /** The first earlier row of the file with the same fingerprint that is not rejected. */
  first: number | null;
  /** A record of this Party with the same fingerprint is stored. */
  stored: boolean;
}

/**
 * The rows that are not rejected and either have a twin (an earlier row of the file, a stored record of the Party)
 * or are flagged as a duplicate: the only rows whose flags a submit may change, since records may have been stored
 * since the upload. One range of row numbers at a time, so each row is looked at once; each costs two lookups in
 * indexes (import_rows_fingerprint_idx, seizure_records_fingerprint_idx). Duplicates never reject a row, so the
 * rows that are not rejected stay the same while the flags change.
 */
export async function findDuplicateCandidates(
  tx: Tx,
  batchId: string,
  rows: { after: number; upTo: number },
): Promise<DuplicateCandidate[]> {
  const result = await sql<DuplicateCandidate>`select "rowNumber", first, stored from (
      select r.row_number as "rowNumber",
             (select min(e.row_number) from import_rows e
               where e.batch_id = r.batch_id and e.fingerprint = r.fingerprint and e.row_number < r.row_number
                 and e.outcome <> 'reject') as first,
             ${hasStoredTwin(sql`r.party`, sql`r.fingerprint`)} as stored,
             r.problems @> '[{"code": "duplicate_in_file"}]' or r.problems @> '[{"code": "duplicate_stored"}]'
               as flagged
        from import_rows r
       where r.batch_id = ${batchId}::uuid and r.outcome <> 'reject'
         and r.row_number > ${rows.after}::int and r.row_number <= ${rows.upTo}::int) candidates
    where first is not null or stored or flagged
    order by "rowNumber"`.execute(tx);
  return result.rows;
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
      sql<number>`(count(*) filter (where outcome = 'import'))::int`.as('ready'),
      sql<number>`(count(*) filter (where outcome = 'reject'))::int`.as('blocking'),
      sql<number>`(count(*) filter (where outcome = 'duplicate'))::int`.as('duplicates'),
      sql<number>`(count(*) filter (where outcome = 'import' and jsonb_array_length(problems) > coalesce(array_length(accepted, 1), 0)))::int`.as(
        'warnings',
      ),
    ])
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return row;
}
