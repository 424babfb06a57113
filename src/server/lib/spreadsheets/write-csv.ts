/**
 * Writing CSV: rows pulled one at a time from a list or an (async) generator, every text cell through the formula
 * guard, into any writable stream (a file, an HTTP response). The rows are pulled only as fast as the output takes
 * the text (stream back-pressure), so an export of a million rows holds a few dozen rows in memory, not the file.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify, type Options } from 'csv-stringify';
import { stringify as stringifyNow } from 'csv-stringify/sync';
import { csvField, type SpreadsheetRow, type SpreadsheetRows } from './spreadsheet-cell.ts';

export interface CsvOptions {
  /** Comma unless said otherwise (a semicolon for French and Spanish spreadsheets, if ever asked for). */
  delimiter?: string;
  /** Starts the file with a UTF-8 byte order mark, which Excel needs to read accents right. */
  bom?: boolean;
}

const csvOptions = ({ delimiter = ',', bom = false }: CsvOptions): Options => ({ delimiter, bom });

const csvRecord = (row: SpreadsheetRow): string[] => row.map(csvField);

async function* csvRecords(rows: SpreadsheetRows): AsyncGenerator<string[]> {
  for await (const row of rows) yield csvRecord(row);
}

/**
 * Writes the rows to the output and ends it; resolves when the output has taken the last byte, rejects (and
 * stops pulling rows) when the output fails or the rows throw.
 */
export async function writeCsv(
  output: Writable,
  rows: SpreadsheetRows,
  options: CsvOptions = {},
): Promise<void> {
  await pipeline(Readable.from(csvRecords(rows)), stringify(csvOptions(options)), output);
}

/** A few rows as CSV text at once, with the same guard and format: for a header line or a short list. */
export function csvText(rows: Iterable<SpreadsheetRow>, options: CsvOptions = {}): string {
  return stringifyNow(Array.from(rows, csvRecord), csvOptions(options));
}
