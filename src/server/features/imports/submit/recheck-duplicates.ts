/**
 * At submit, duplicates are flagged again against the file and the records stored by now (records may have been
 * stored since the upload). A step of the submit's transaction.
 */
import { DUPLICATE_CODES } from '../../../../shared/imports.contract.ts';
import type { Tx } from '../../../db/with-actor.ts';
import { outcomeOf, problemKey } from '../check/check-rows.ts';
import { findDuplicateCandidates, type DuplicateCandidate } from '../check/duplicates.repo.ts';
import { CHUNK_ROWS } from '../imports-deps.ts';
import { readRowsNumbered, updateValidatedRows, type StagedRow } from '../staged-rows.repo.ts';

/**
 * Flags duplicates again against the file and the records stored by now. Only the rows that have a twin or carry a
 * duplicate flag can change (findDuplicateCandidates), so a submit reads those rows and no others.
 */
export async function recheckDuplicates(tx: Tx, batchId: string, lastRow: number): Promise<void> {
  for (let after = 0; after < lastRow; after += CHUNK_ROWS) {
    const range = { after, upTo: after + CHUNK_ROWS };
    const candidates = await findDuplicateCandidates(tx, batchId, range);
    const byRow = new Map(candidates.map((c) => [c.rowNumber, c]));
    const rows = await readRowsNumbered(tx, batchId, range, [...byRow.keys()]);
    const changed = rows.filter((row) => reflagDuplicates(row, byRow.get(row.rowNumber)!));
    await updateValidatedRows(tx, batchId, changed);
  }
}

const DUPLICATES: readonly string[] = DUPLICATE_CODES;

/** Sets a row's duplicate flags to what its twins now say; true when the row changed. */
function reflagDuplicates(row: StagedRow, twins: DuplicateCandidate): boolean {
  const before = flagsOf(row);
  const problems = row.problems.filter((p) => !DUPLICATES.includes(p.code));
  if (twins.first !== null)
    problems.push({
      column: null,
      code: 'duplicate_in_file',
      params: { first: twins.first },
      suggestion: null,
    });
  if (twins.stored) problems.push({ column: null, code: 'duplicate_stored', params: {}, suggestion: null });
  const keys = new Set(problems.map(problemKey));
  row.problems = problems;
  row.accepted = row.accepted.filter((key) => keys.has(key));
  row.outcome = outcomeOf(problems, row.accepted);
  return flagsOf(row) !== before;
}

/**
 * A row's problems, accepted warnings and outcome as one comparable text. Problems read back from jsonb have their
 * keys in jsonb's order, not in the order they were written: each is written out field by field.
 */
function flagsOf(row: StagedRow): string {
  const problems = row.problems.map((p) => [p.code, p.column, JSON.stringify(p.params), p.suggestion]);
  return JSON.stringify([problems, row.accepted, row.outcome]);
}
