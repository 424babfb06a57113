/**
 * The worker side of readSpreadsheetInWorker (open-spreadsheet.ts): loads the caller's header recogniser from its
 * module, opens the file, reports its sheet and header, then sends the rows in batches, each only when the reader
 * has room for it, so at most a few batches wait in memory however long the file is.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SpreadsheetLimitError } from './read-limits.ts';
import { openSheet, UnreadableFileError, type IsHeaderRow, type RawRow } from './read-spreadsheet.ts';
import type { FromReader, ReaderData, ToReader } from './open-spreadsheet.ts';

const port = parentPort!;
const send = (message: FromReader) => port.postMessage(message);

let credit = 0;
let wake: (() => void) | null = null;
port.on('message', (message: ToReader) => {
  credit += message.more;
  wake?.();
  wake = null;
});
async function sendRows(rows: RawRow[]): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit -= 1;
  send({ type: 'rows', rows });
}

async function loadRecogniser({ url, exportName }: ReaderData['recogniser']): Promise<IsHeaderRow> {
  const module = (await import(url)) as Record<string, unknown>;
  const isHeader = module[exportName];
  if (typeof isHeader !== 'function') throw new Error(`${url} does not export a function ${exportName}`);
  return isHeader as IsHeaderRow;
}

const { bytes, batchRows, recogniser, limits } = workerData as ReaderData;
try {
  // No signal here: a caller that goes away terminates the worker.
  const sheet = await openSheet(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    await loadRecogniser(recogniser),
    { limits },
  );
  send({
    type: 'sheet',
    kind: sheet.kind,
    sheetName: sheet.sheetName,
    headerRow: sheet.headerRow,
    header: sheet.header,
  });
  let batch: RawRow[] = [];
  for await (const row of sheet.rows) {
    batch.push(row);
    if (batch.length >= batchRows) {
      await sendRows(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await sendRows(batch);
  send({ type: 'end' });
} catch (error) {
  send({
    type: 'error',
    unreadable: error instanceof UnreadableFileError ? error.reason : null,
    limit:
      error instanceof SpreadsheetLimitError
        ? { name: error.limit, value: error.value, row: error.row }
        : null,
    message: error instanceof Error ? error.message : String(error),
  });
}
