/**
 * A workbook's sheets and rows. ExcelJS's streaming reader parses the XML (shared strings, styles for dates, the
 * sheets), but the zip is opened here rather than by ExcelJS: each part is inflated under guard (xlsx-parts.ts),
 * so the workbook's limits hold while it inflates, and the parts are taken in the order the reader needs them
 * (relations, workbook, shared strings, styles, then the sheets), so no sheet is ever spooled to a temporary file.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReadBudget } from './read-limits.ts';
import { ReadAbortedError, SpreadsheetLimitError } from './read-limits.ts';
import { UnreadableFileError } from './unreadable-file.ts';
import { checkClaimedSize, openPart, zipParts, type ZipPart } from './xlsx-parts.ts';

/** The parts of ExcelJS's streaming reader used here (stable in ExcelJS 4; `parse` is replaced). */
interface StreamingReader extends AsyncIterable<ExcelJS.Row & AsyncIterable<ExcelJS.Row>> {
  parse: () => AsyncGenerator<{ eventType: string; value: unknown }>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<{ eventType: string; value: unknown }>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}

/** A sheet as ExcelJS's streaming reader gives it: its rows come in `parse()`'s batches of events. */
export interface WorksheetRows {
  name?: string;
  parse(): AsyncIterable<Array<{ eventType: string; value: unknown }>>;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const BEFORE_SHEETS = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/** The workbook's sheets, in the order of its zip, each a stream of rows. */
export function worksheetsOf(bytes: Buffer, budget: ReadBudget): AsyncIterable<WorksheetRows> {
  const parts = zipParts(bytes);
  checkClaimedSize(parts, budget);
  const byName = new Map(parts.map((part) => [part.name, part]));
  const shared = { inflated: 0 };
  const open = (part: ZipPart) => openPart(bytes, part, budget, shared);

  const Reader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
    input: null,
    options: object,
  ) => StreamingReader;
  const reader = new Reader(null, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  reader.parse = async function* () {
    const [rels, workbook, strings, styles] = BEFORE_SHEETS.map((name) => byName.get(name));
    if (rels) await reader._parseRels(open(rels));
    if (workbook) await reader._parseWorkbook(open(workbook));
    if (strings) yield* reader._parseSharedStrings(open(strings));
    if (styles) await reader._parseStyles(open(styles));
    for (const part of parts) {
      const sheetNo = SHEET.exec(part.name)?.[1];
      if (sheetNo) yield* reader._parseWorksheet(open(part), sheetNo);
    }
  };
  return reader as AsyncIterable<WorksheetRows>;
}

/**
 * What the reader's own errors mean for the caller: limits and abandonment pass through; anything else the XML
 * parser or ExcelJS throws comes from the file's content (malformed XML, a reference to nothing) and makes it
 * damaged, a refusal rather than a fault of the platform.
 */
export function asReadError(error: unknown): Error {
  if (
    error instanceof SpreadsheetLimitError ||
    error instanceof ReadAbortedError ||
    error instanceof UnreadableFileError
  )
    return error;
  return new UnreadableFileError('damaged');
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

/** A row's cells as text; a row wider than the column limit is refused before its cells are turned into text. */
export function rowValues(row: ExcelJS.Row, budget: ReadBudget): string[] {
  const values = row.values as ExcelJS.CellValue[];
  if (values.length - 1 > budget.limits.maxColumns)
    throw new SpreadsheetLimitError('maxColumns', budget.limits.maxColumns, row.number);
  const out: string[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellText(values[i]));
  return out;
}
