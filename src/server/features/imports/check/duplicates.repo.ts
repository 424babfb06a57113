/**
 * The duplicate lookups of the staging area: earlier rows of the same file with the same fingerprint, and the
 * stored records of the Party (seizure-records' hasStoredTwin, so no SQL here names seizure_records). Each runs in
 * the caller's withActor transaction.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../db/with-actor.ts';
import { hasStoredTwin } from '../../seizure-records/index.ts';

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
 * The first earlier row of the batch with this fingerprint that is not rejected, for one edited row (a row checker
 * made for one row sees no other rows of the file):
 *   select row_number from import_rows where batch_id = $1 and fingerprint = $2 and row_number < $3
 *     and outcome <> 'reject' order by row_number (the first row it returns)
 */
export async function findEarlierTwin(
  tx: Tx,
  batchId: string,
  fingerprint: string,
  rowNumber: number,
): Promise<number | undefined> {
  const earlier = await tx
    .selectFrom('import_rows')
    .select('row_number')
    .where('batch_id', '=', batchId)
    .where('fingerprint', '=', fingerprint)
    .where('row_number', '<', rowNumber)
    .where('outcome', '<>', 'reject')
    .orderBy('row_number')
    .executeTakeFirst();
  return earlier?.row_number;
}
