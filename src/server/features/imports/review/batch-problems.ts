/**
 * The open problems of a batch as CSV (row, column, value, code, severity, message, suggestion), written through
 * the spreadsheet toolkit, so every text cell is formula-safe. A batch's problems are read a chunk of rows at a
 * time and written as the output takes them: as text for a download, or to a file for `itd import report`.
 */
import type { Writable } from 'node:stream';
import type { Actor } from '../../../../shared/actor.ts';
import type { StagingProblem } from '../../../../shared/imports.contract.ts';
import type { Language } from '../../../../shared/languages.ts';
import { withActor, type Tx } from '../../../db/with-actor.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { writeToBuffer } from '../../../lib/spreadsheets/in-memory-output.ts';
import type { SpreadsheetRow } from '../../../lib/spreadsheets/spreadsheet-cell.ts';
import { csvText, writeCsv, type CsvOptions } from '../../../lib/spreadsheets/write-csv.ts';
import { problemsOf } from '../batch-view.ts';
import { CHUNK_ROWS, READS_ONLY, type ImportsDeps } from '../imports-deps.ts';
import { loadBatch } from '../load-batch.ts';
import { readRows } from '../staged-rows.repo.ts';

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

/** The batch's open problems as CSV text, for a download. */
export async function readBatchProblems(
  deps: ImportsDeps,
  actor: Actor,
  _request: RequestContext,
  input: { id: string; language: Language },
): Promise<string> {
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      const batch = await loadBatch(tx, actor, input.id);
      const bytes = await writeToBuffer((output) => writeProblems(tx, batch.id, input.language, output));
      return bytes.toString('utf8');
    },
    READS_ONLY,
  );
}

/** Writes the batch's open problems to the output (a file) and ends it. */
export async function writeBatchProblems(
  deps: ImportsDeps,
  actor: Actor,
  _request: RequestContext,
  input: { id: string; language: Language; output: Writable; options?: CsvOptions },
): Promise<void> {
  // Not readsOnly, although it only reads: a read-only transaction is run again after a lost connection, and the
  // output would then hold the rows written before the loss twice.
  return withActor(deps.db, actor, async (tx) => {
    const batch = await loadBatch(tx, actor, input.id);
    await writeProblems(tx, batch.id, input.language, input.output, input.options);
  });
}

function writeProblems(
  tx: Tx,
  batchId: string,
  language: Language,
  output: Writable,
  options: CsvOptions = {},
): Promise<void> {
  return writeCsv(output, batchProblemRows(tx, batchId, language), options);
}
