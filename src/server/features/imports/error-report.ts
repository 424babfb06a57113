/**
 * The open problems of a batch as CSV (row, column, value, code, severity, message, suggestion), written through
 * the spreadsheet toolkit, so every text cell is formula-safe. A batch's problems are read a chunk of rows at a
 * time and written as the output takes them.
 */
import type { Writable } from 'node:stream';
import type { StagingProblem } from '../../../shared/imports.contract.ts';
import type { Language } from '../../../shared/languages.ts';
import type { Tx } from '../../db/with-actor.ts';
import { writeToBuffer } from '../../lib/spreadsheets/in-memory-output.ts';
import type { SpreadsheetRow } from '../../lib/spreadsheets/spreadsheet-cell.ts';
import { csvText, writeCsv, type CsvOptions } from '../../lib/spreadsheets/write-csv.ts';
import { problemsOf } from './batch-view.ts';
import { CHUNK_ROWS } from './stage-upload.ts';
import { readRows } from './staging.repo.ts';

const HEADERS = ['row', 'column', 'value', 'code', 'severity', 'message', 'suggestion'];

const problemRow = (p: StagingProblem): SpreadsheetRow => [
  p.row,
  p.column ?? '',
  p.value,
  p.code,
  p.severity,
  p.message,
  p.suggestion ?? '',
];

/** Problems in hand as CSV text; accepted warnings are left out. */
export function problemsCsv(problems: readonly StagingProblem[], withHeader = true): string {
  const rows = problems.filter((p) => !p.accepted).map(problemRow);
  return csvText(withHeader ? [HEADERS, ...rows] : rows);
}

async function* batchProblemRows(
  tx: Tx,
  batchId: string,
  language: Language,
): AsyncGenerator<SpreadsheetRow> {
  yield HEADERS;
  let after = 0;
  for (;;) {
    const rows = await readRows(tx, batchId, after, CHUNK_ROWS, 'problems');
    if (rows.length === 0) return;
    after = rows.at(-1)!.rowNumber;
    for (const row of rows) for (const p of problemsOf(row, language)) if (!p.accepted) yield problemRow(p);
  }
}

/** Writes the batch's open problems to the output (a file, a response) and ends it. */
export function writeBatchProblemsCsv(
  tx: Tx,
  batchId: string,
  language: Language,
  output: Writable,
  options: CsvOptions = {},
): Promise<void> {
  return writeCsv(output, batchProblemRows(tx, batchId, language), options);
}

/** The batch's open problems as CSV text. */
export async function batchProblemsCsv(tx: Tx, batchId: string, language: Language): Promise<string> {
  const bytes = await writeToBuffer((output) => writeBatchProblemsCsv(tx, batchId, language, output));
  return bytes.toString('utf8');
}
