/**
 * Reading a spreadsheet file in this thread: its type decided by content (an XLSX workbook, or text taken as CSV in
 * UTF-8 or Windows-1252), the sheet and header row found by the caller's header recogniser (the report importer's
 * knows the template's columns and the mapping profiles; a permit file's would know its own), then the rows
 * streamed as text cells. Nothing in the file is evaluated: a formula cell is read as its formula text
 * ("=HYPERLINK(…)"). Large workbooks are better read in a worker: see open-spreadsheet.ts.
 */
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';

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

export class UnreadableFileError extends Error {
  constructor(readonly reason: 'type' | 'no_header') {
    super(reason);
  }
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

/**
 * UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1252 (Excel's "CSV" on Windows). Decided
 * over the whole file before any of it is decoded, without making a string of it.
 */
export const textEncodingOf = (bytes: Buffer) => (isUtf8(bytes) ? 'utf-8' : 'windows-1252');

/** Pieces of text read from the file. */
const TEXT_PIECE_BYTES = 64 * 1024;

/**
 * The file's text a piece at a time, so that a large CSV is never one string in memory. The decoder keeps a
 * character cut by a piece boundary until the next piece; a UTF-8 byte order mark is dropped.
 */
export function* decodedPieces(bytes: Buffer, pieceBytes = TEXT_PIECE_BYTES): Generator<string> {
  const decoder = new TextDecoder(textEncodingOf(bytes));
  for (let start = 0; start < bytes.length; start += pieceBytes)
    yield decoder.decode(bytes.subarray(start, start + pieceBytes), { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
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
 * The CSV's records as they are parsed. The parser is fed one piece of text at a time and pauses while its records
 * wait to be read, so only a piece's worth of rows is in memory however long the file is.
 */
async function* csvRows(bytes: Buffer): AsyncGenerator<RawRow> {
  const parser = Readable.from(decodedPieces(bytes)).pipe(
    parse({ delimiter: delimiterOf(bytes), bom: true, relax_column_count: true, relax_quotes: true }),
  );
  let rowNumber = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNumber += 1;
    yield { rowNumber, values: record };
  }
}

/** A cell as text: formulas as their formula, dates as YYYY-MM-DD, rich text flattened. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
  if ('sharedFormula' in value && typeof value.sharedFormula === 'string') return `=${value.sharedFormula}`;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && 'hyperlink' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

function rowValues(row: ExcelJS.Row): string[] {
  const values = row.values as ExcelJS.CellValue[];
  const out: string[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellText(values[i]));
  return out;
}

/**
 * Opens the file at the first sheet and row the recogniser takes for the header; the rows after it are read as they
 * are iterated. A file without such a row is refused as `no_header`.
 */
export async function openSheet(
  bytes: Buffer,
  isHeader: IsHeaderRow = isFirstFilledRow,
): Promise<OpenedSheet> {
  const kind = await detectFileKind(bytes);
  if (kind === 'csv') {
    const found = await withHeader(csvRows(bytes)[Symbol.asyncIterator](), isHeader, null);
    if (!found) throw new UnreadableFileError('no_header');
    return { kind, sheetName: null, ...found };
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
    const source = (async function* () {
      for await (const row of sheet) yield { rowNumber: row.number, values: rowValues(row) };
    })();
    const sheetName = sheet.name ?? null;
    const found = await withHeader(source, isHeader, sheetName);
    if (found) return { kind, sheetName, ...found };
    // Not this sheet: read it to its end so the reader moves on to the next one.
    for await (const _row of source) void _row;
  }
  throw new UnreadableFileError('no_header');
}
