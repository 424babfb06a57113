/**
 * Opening a spreadsheet file for reading, a large workbook in a worker thread. Parsing a workbook is most of the
 * work of importing it (about 140 µs a row for XLSX, against 50 µs for the report importer to check the row), and
 * it would otherwise share one core with the checks while the database writes on the other; in a worker, parsing,
 * checking and writing go on at the same time. The worker sends the rows in batches and only when asked, so memory
 * stays a few batches whatever the file's length. Starting a worker costs a second or two (it loads its modules
 * anew), so small workbooks and CSV files (parsed at about 30 µs a row) are read in the caller's own thread.
 *
 * The worker is held to the same limits (read-limits.ts) as a read in this thread, and is terminated at once when
 * the caller's signal says the caller has gone (an abandoned upload), wherever it is in its work.
 *
 * A function cannot be sent to a worker, so the header recogniser is passed as both: the function, for this
 * thread, and the module and export the worker loads it from.
 */
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_READ_LIMITS,
  ReadAbortedError,
  SpreadsheetLimitError,
  type LimitName,
  type ReadLimits,
} from './read-limits.ts';
import type { FileKind, IsHeaderRow, OpenedSheet, RawRow, ReadOptions } from './read-spreadsheet.ts';
import { detectFileKind, openSheet, UnreadableFileError } from './read-spreadsheet.ts';
import type { UnreadableReason } from './unreadable-file.ts';
import { zipParts } from './xlsx-parts.ts';

/** A header recogniser that a worker thread can load by itself. */
export interface HeaderRecogniser {
  isHeader: IsHeaderRow;
  /** The module that exports `isHeader` (its `import.meta.url`) and the name it is exported under. */
  module: { url: string; exportName: string };
}

/** What the worker sends. */
export type FromReader =
  | { type: 'sheet'; kind: FileKind; sheetName: string | null; headerRow: number; header: string[] }
  | { type: 'rows'; rows: RawRow[] }
  | { type: 'end' }
  | {
      type: 'error';
      unreadable: UnreadableReason | null;
      limit: { name: LimitName; value: number; row: number | undefined } | null;
      message: string;
    };
/** What the worker is sent: room for more batches. */
export interface ToReader {
  more: number;
}
/** What the worker starts with. */
export interface ReaderData {
  bytes: Uint8Array;
  batchRows: number;
  recogniser: HeaderRecogniser['module'];
  limits: ReadLimits | undefined;
}

const BATCHES_AHEAD = 2;

// The platform runs its TypeScript through tsx, registered by the `itd` command or by node's --import: a worker
// starts without either, so it registers tsx itself before loading its module.
const BOOT = `
  const { workerData } = require('node:worker_threads');
  import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

export interface SpreadsheetSheet extends OpenedSheet {
  /** Stops the worker, if any; the rows' iterator does it when it ends, this is for a caller that stops earlier. */
  close(): Promise<void>;
}

/** Workbooks from this size up are read in a worker (a 116,000-row report is about 12 MiB). */
export const WORKER_MIN_BYTES = 1024 * 1024;
/** ... and smaller ones whose parts claim to inflate to this much or more (a small file may hold a lot). */
export const WORKER_MIN_INFLATED_BYTES = 8 * 1024 * 1024;

/** Whether a workbook is worth a worker: by its size, or by what its parts claim to inflate to. */
function worthAWorker(bytes: Buffer, limits: ReadLimits): boolean {
  let claimed: number;
  try {
    claimed = zipParts(bytes).reduce((sum, part) => sum + part.size, 0);
  } catch {
    // A damaged zip is refused by the reader in this thread.
    return false;
  }
  // A workbook claiming too much is refused here, without starting a worker for it.
  if (claimed > limits.maxInflatedBytes)
    throw new SpreadsheetLimitError('maxInflatedBytes', limits.maxInflatedBytes);
  return bytes.length >= WORKER_MIN_BYTES || claimed >= WORKER_MIN_INFLATED_BYTES;
}

/**
 * The file's table (openSheet with the recogniser), read in a worker when that is worth it; a worker sends
 * `batchRows` rows at a time.
 */
export async function openSpreadsheet(
  bytes: Buffer,
  recogniser: HeaderRecogniser,
  batchRows: number,
  options: ReadOptions = {},
): Promise<SpreadsheetSheet> {
  if ((await detectFileKind(bytes)) === 'xlsx' && worthAWorker(bytes, options.limits ?? DEFAULT_READ_LIMITS))
    return readSpreadsheetInWorker(bytes, recogniser, batchRows, options);
  return { ...(await openSheet(bytes, recogniser.isHeader, options)), close: async () => {} };
}

/** Reads the file in a worker whatever its size (openSpreadsheet decides when that is worth it). */
export async function readSpreadsheetInWorker(
  bytes: Buffer,
  recogniser: HeaderRecogniser,
  batchRows: number,
  { limits, signal }: ReadOptions = {},
): Promise<SpreadsheetSheet> {
  if (signal?.aborted) throw new ReadAbortedError();
  // The worker gets its own copy of the file, moved rather than copied again on the way.
  const copy = new Uint8Array(bytes);
  const worker = new Worker(BOOT, {
    eval: true,
    execArgv: [],
    // A young generation of 32 MB: parsing as fast as with V8's default, with a lower peak (measured).
    resourceLimits: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 512 },
    workerData: {
      tsx: import.meta.resolve('tsx/esm/api'),
      entry: new URL('./read-spreadsheet.worker.ts', import.meta.url).href,
      bytes: copy,
      batchRows,
      recogniser: recogniser.module,
      limits,
    } satisfies ReaderData & { tsx: string; entry: string },
    transferList: [copy.buffer],
  });
  const inbox: FromReader[] = [];
  let waiting: ((message: FromReader) => void) | null = null;
  const deliver = (message: FromReader) => {
    if (waiting) {
      waiting(message);
      waiting = null;
    } else inbox.push(message);
  };
  worker.on('message', deliver);
  const failed = (message: string): FromReader => ({ type: 'error', unreadable: null, limit: null, message });
  worker.on('error', (error) => deliver(failed(error.message)));
  worker.on('exit', (code) => deliver(failed(`the reader stopped (exit code ${code})`)));
  let abandoned = false;
  const abandon = () => {
    abandoned = true;
    void close();
    deliver(failed('abandoned'));
  };
  signal?.addEventListener('abort', abandon, { once: true });
  const next = () =>
    inbox.length > 0
      ? Promise.resolve(inbox.shift()!)
      : new Promise<FromReader>((resolve) => (waiting = resolve));
  async function close() {
    signal?.removeEventListener('abort', abandon);
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
  const failure = (message: Extract<FromReader, { type: 'error' }>) => {
    if (abandoned) return new ReadAbortedError();
    if (message.limit)
      return new SpreadsheetLimitError(message.limit.name, message.limit.value, message.limit.row);
    if (message.unreadable) return new UnreadableFileError(message.unreadable);
    return new Error(`reading the file failed: ${message.message}`);
  };

  const first = await next();
  if (first.type !== 'sheet') {
    await close();
    throw first.type === 'error' ? failure(first) : new Error(`reading the file failed: ${first.type}`);
  }
  async function* rows(): AsyncGenerator<RawRow> {
    try {
      worker.postMessage({ more: BATCHES_AHEAD } satisfies ToReader);
      for (;;) {
        const message = await next();
        if (message.type === 'end') return;
        if (message.type === 'error') throw failure(message);
        if (message.type !== 'rows') throw new Error(`reading the file failed: ${message.type}`);
        worker.postMessage({ more: 1 } satisfies ToReader);
        yield* message.rows;
      }
    } finally {
      await close();
    }
  }
  return {
    kind: first.kind,
    sheetName: first.sheetName,
    headerRow: first.headerRow,
    header: first.header,
    rows: rows(),
    close,
  };
}
