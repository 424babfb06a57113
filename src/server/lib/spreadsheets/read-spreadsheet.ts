/**
 * Reading a spreadsheet file in this thread: its type decided by content (an XLSX workbook, or text taken as CSV in
 * UTF-8 or Windows-1252), the sheet and header row found by the caller's header recogniser (the report importer's
 * knows the template's columns and the mapping profiles; a permit file's would know its own), then the rows
 * streamed as text cells. Nothing in the file is evaluated: a formula cell is read as its formula text
 * ("=HYPERLINK(…)"). Large workbooks are better read in a worker: see open-spreadsheet.ts. Every read is held to
 * its limits (read-limits.ts) as it goes, and stops when the caller's signal says the caller has gone.
 */
import { Readable, type Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { DEFAULT_READ_LIMITS, ReadBudget, SpreadsheetLimitError, type ReadLimits } from './read-limits.ts';
import { asReadError, rowValues, worksheetsOf, type WorksheetRows } from './read-xlsx.ts';
import { decodedPieces, textEncodingOf } from './text-encoding.ts';
import { UnreadableFileError } from './unreadable-file.ts';

export { cellText } from './read-xlsx.ts';
export { decodedPieces, textEncodingOf } from './text-encoding.ts';
export { UnreadableFileError } from './unreadable-file.ts';

export type FileKind = 'xlsx' | 'csv';

export interface RawRow {
  /** The row as a spreadsheet shows it (1 = first line). */
  rowNumber: number;
  values: string[];
}

/**
 * Whether a row is the header of the table sought. It sees the sheet's name (null for CSV), so a recogniser may
 * look in one sheet only.
 */
export type IsHeaderRow = (values: string[], sheetName: string | null) => boolean;

export interface OpenedSheet {
  kind: FileKind;
  sheetName: string | null;
  headerRow: number;
  header: string[];
  rows: AsyncIterable<RawRow>;
}

/** What a read is held to, and the signal that its caller has gone. */
export interface ReadOptions {
  limits?: ReadLimits | undefined;
  signal?: AbortSignal | undefined;
}

const MEDIA_TYPES: Record<FileKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};
export const mediaTypeOf = (kind: FileKind) => MEDIA_TYPES[kind];

/** XLSX by its signature; otherwise text without NUL bytes is CSV; anything else (XLS, PDF, images) is refused. */
export async function detectFileKind(bytes: Buffer): Promise<FileKind> {
  const type = await fileTypeFromBuffer(bytes);
  if (type?.ext === 'xlsx') return 'xlsx';
  // A workbook whose zip does not list [Content_Types].xml first (streaming writers) is still a workbook.
  if (type?.ext === 'zip' && bytes.includes('xl/workbook.xml')) return 'xlsx';
  if (type === undefined && !bytes.subarray(0, 65_536).includes(0)) return 'csv';
  throw new UnreadableFileError('type');
}

/** The delimiter used most in the first lines: comma, semicolon (French and Spanish Excel) or tab. */
function delimiterOf(bytes: Buffer): string {
  // 4,000 characters take at most 16,000 bytes; a character cut at the end does not change the counts.
  const head = new TextDecoder(textEncodingOf(bytes)).decode(bytes.subarray(0, 16_000)).slice(0, 4000);
  const firstLines = head.split(/\r?\n/).slice(0, 5).join('\n');
  const counts = [',', ';', '\t'].map((d) => [d, firstLines.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/** A header is looked for among a sheet's first rows only: a table does not start further down. */
const HEADER_SEARCH_ROWS = 30;
const isBlank = (values: string[]) => values.every((v) => v.trim() === '');

/** The simplest recogniser, for files whose first line is their header: the first row that is not blank. */
export const isFirstFilledRow: IsHeaderRow = (values) => !isBlank(values);

/**
 * One step of the parser, as the budget sees it: its time counted, the budget checked first, and what the parser
 * throws turned into a refusal of the file (asReadError).
 */
async function step<T>(budget: ReadBudget, work: () => Promise<T>): Promise<T> {
  budget.resume();
  try {
    budget.check();
    return await work();
  } catch (error) {
    throw asReadError(error);
  } finally {
    budget.pause();
  }
}

/** A sheet's rows with the time spent producing each counted (the sources count the rows themselves). */
function metered(source: AsyncIterator<RawRow>, budget: ReadBudget): AsyncIterator<RawRow> {
  return { next: () => step(budget, () => source.next()) };
}

/** Finds the header among the first rows and returns the header and the rows after it. */
async function withHeader(
  source: AsyncIterator<RawRow>,
  isHeader: IsHeaderRow,
  sheetName: string | null,
): Promise<{ headerRow: number; header: string[]; rows: AsyncIterable<RawRow> } | null> {
  for (let i = 0; i < HEADER_SEARCH_ROWS; i++) {
    const next = await source.next();
    if (next.done) return null;
    if (!isHeader(next.value.values, sheetName)) continue;
    const rows: AsyncIterable<RawRow> = {
      async *[Symbol.asyncIterator]() {
        for (let item = await source.next(); !item.done; item = await source.next())
          if (!isBlank(item.value.values)) yield item.value;
      },
    };
    return { headerRow: next.value.rowNumber, header: next.value.values, rows };
  }
  return null;
}

/**
 * The text as it goes to the CSV parser, checked piece by piece: the budget (time, abandonment), and runs of text
 * without a delimiter or line break longer than twice the cell limit, which can only be a cell past the limit (a
 * doubled quote is the most a character takes), refused before the parser gathers such a cell.
 */
function* guardedPieces(pieces: Iterable<string>, delimiter: string, budget: ReadBudget): Generator<string> {
  const longest = budget.limits.maxCellChars * 2;
  const separator = delimiter.charCodeAt(0);
  let run = 0;
  for (const piece of pieces) {
    budget.check();
    for (let i = 0; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      if (code === separator || code === 10 || code === 13) run = 0;
      else if (++run > longest) throw new SpreadsheetLimitError('maxCellChars', budget.limits.maxCellChars);
    }
    yield piece;
  }
}

/**
 * The CSV's records as they are parsed. The parser is fed one piece of text at a time and pauses while its records
 * wait to be read, so only a piece's worth of rows is in memory however long the file is. A record is also held
 * to the cell limit times the column limit (quoted cells may hold delimiters and line breaks), so no record can
 * grow past what the limits allow before it is counted.
 */
async function* csvRows(bytes: Buffer, budget: ReadBudget): AsyncGenerator<RawRow> {
  const encoding = textEncodingOf(bytes);
  const delimiter = delimiterOf(bytes);
  const { maxCellChars, maxColumns } = budget.limits;
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: maxCellChars * maxColumns,
  });
  withoutStackTraces(parser);
  // Its error is read from `parser.errored` between batches: a listener for the time nobody waits on it.
  parser.on('error', () => {});
  Readable.from(guardedPieces(decodedPieces(bytes, undefined, encoding), delimiter, budget))
    .on('error', (error) => parser.destroy(error))
    .pipe(parser);
  let rowNumber = 0;
  try {
    // Records are taken as many as are ready at a time (no promise per record), counted blank ones included.
    for (;;) {
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) {
        rowNumber += 1;
        budget.countRow(rowNumber, record);
        if (!isBlank(record)) yield { rowNumber, values: record };
      }
      if (parser.errored) throw parser.errored;
      if (parser.readableEnded || parser.destroyed) return;
      await readableOrEnd(parser);
    }
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE')
      // The parser may be records ahead of this loop: its own count says which record was too long.
      throw new SpreadsheetLimitError('maxCellChars', maxCellChars, Number(error.records ?? rowNumber) + 1);
    throw error;
  } finally {
    parser.destroy();
  }
}

/** Waits until the stream has records to read, has ended, or has failed (then throws its error). */
function readableOrEnd(stream: NodeJS.ReadableStream & Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('readable', ok).off('end', ok).off('error', done).off('close', ok);
      if (error) reject(error);
      else resolve();
    };
    const ok = () => done();
    stream.once('readable', ok).once('end', ok).once('error', done).once('close', ok);
  });
}

/**
 * The CSV parser makes an error object (with a stack trace) for every row whose length differs from the first
 * row's, even when told to accept them: for a file of blank lines that is most of the work. Stack traces are
 * turned off while it parses (synchronously, so nothing else runs meanwhile).
 */
function withoutStackTraces(parser: Transform): void {
  const wrap = <A extends unknown[]>(work: (...args: A) => void) =>
    function (this: Transform, ...args: A) {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        work.apply(this, args);
      } finally {
        Error.stackTraceLimit = limit;
      }
    };
  parser._transform = wrap(parser._transform.bind(parser));
  if (parser._flush) parser._flush = wrap(parser._flush.bind(parser));
}

/**
 * Opens the file at the first sheet and row the recogniser takes for the header; the rows after it are read as they
 * are iterated. A file without such a row is refused as `no_header`; a file past a limit with
 * SpreadsheetLimitError; a read whose signal fires stops with ReadAbortedError.
 */
export async function openSheet(
  bytes: Buffer,
  isHeader: IsHeaderRow = isFirstFilledRow,
  options: ReadOptions = {},
): Promise<OpenedSheet> {
  const budget = new ReadBudget(options.limits ?? DEFAULT_READ_LIMITS, options.signal);
  const kind = await detectFileKind(bytes);
  if (kind === 'csv') {
    const found = await withHeader(metered(csvRows(bytes, budget), budget), isHeader, null);
    if (!found) throw new UnreadableFileError('no_header');
    return { kind, sheetName: null, ...found };
  }
  const sheets = worksheetsOf(bytes, budget)[Symbol.asyncIterator]();
  for (
    let item = await step(budget, () => sheets.next());
    !item.done;
    item = await step(budget, () => sheets.next())
  ) {
    const sheet = item.value;
    const source = metered(sheetRows(sheet, budget), budget);
    const sheetName = sheet.name ?? null;
    const found = await withHeader(source, isHeader, sheetName);
    if (found) return { kind, sheetName, ...found };
    // Not this sheet: read it to its end so the reader moves on to the next one.
    for (let row = await source.next(); !row.done; row = await source.next()) void row;
  }
  throw new UnreadableFileError('no_header');
}

/**
 * A sheet's rows that are not blank. The parser hands its rows over a chunk of XML at a time; they are counted
 * and checked there, blank ones included, without a promise per row, so a sheet of millions of blank rows meets
 * the row limit in a second or two.
 */
async function* sheetRows(sheet: WorksheetRows, budget: ReadBudget): AsyncGenerator<RawRow> {
  for await (const events of sheet.parse()) {
    budget.check();
    for (const { eventType, value } of events) {
      if (eventType !== 'row') continue;
      const row = value as ExcelJS.Row;
      const values = rowValues(row, budget);
      budget.countRow(row.number, values);
      if (!isBlank(values)) yield { rowNumber: row.number, values };
    }
  }
}
