/**
 * The worker side of readUploadInWorker (open-upload.ts): opens the upload, reports its sheet and
 * header, then sends the rows in batches, each only when the importer has room for it, so at most a few batches
 * wait in memory however long the file is.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSheet, UnreadableFileError, type RawRow } from './read-upload.ts';
import { isImportHeader } from './mapping-profiles.ts';
import type { FromReader, ToReader } from './open-upload.ts';

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

const { bytes, batchRows } = workerData as { bytes: Uint8Array; batchRows: number };
try {
  const sheet = await openSheet(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    isImportHeader,
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
    message: error instanceof Error ? error.message : String(error),
  });
}
