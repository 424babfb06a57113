/** The open problems of a batch as CSV (row, column, value, code, severity, message, suggestion), formula-safe. */
import { stringify } from 'csv-stringify/sync';
import type { StagingProblem } from '../../../shared/imports.contract.ts';
import type { Language } from '../../../shared/languages.ts';
import type { Tx } from '../../db/with-actor.ts';
import { problemsOf } from './batch-view.ts';
import { CHUNK_ROWS } from './stage-upload.ts';
import { readRows } from './staging.repo.ts';
import { spreadsheetSafe } from './spreadsheet-safe.ts';

const HEADERS = ['row', 'column', 'value', 'code', 'severity', 'message', 'suggestion'];

export function problemsCsv(problems: readonly StagingProblem[], withHeader = true): string {
  const rows = problems
    .filter((p) => !p.accepted)
    .map((p) =>
      [String(p.row), p.column ?? '', p.value, p.code, p.severity, p.message, p.suggestion ?? ''].map(
        spreadsheetSafe,
      ),
    );
  return stringify(withHeader ? [HEADERS, ...rows] : rows);
}

export async function batchProblemsCsv(tx: Tx, batchId: string, language: Language): Promise<string> {
  const parts: string[] = [stringify([HEADERS])];
  let after = 0;
  for (;;) {
    const rows = await readRows(tx, batchId, after, CHUNK_ROWS, 'problems');
    if (rows.length === 0) break;
    after = rows.at(-1)!.rowNumber;
    parts.push(
      problemsCsv(
        rows.flatMap((row) => problemsOf(row, language)),
        false,
      ),
    );
  }
  return parts.join('');
}
