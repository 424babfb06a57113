/**
 * What a row written by this toolkit may hold, and how each kind of value becomes a cell. Text always goes through
 * the formula guard; there is no way to hand a writer a formula.
 */
import { spreadsheetSafe } from './formula-guard.ts';

/** A cell's value: text (guarded), a number, a truth value, a date, or nothing. */
export type SpreadsheetCell = string | number | boolean | Date | null | undefined;
export type SpreadsheetRow = readonly SpreadsheetCell[];
/** Rows as the writers take them: a list, a generator or an async generator pulled one row at a time. */
export type SpreadsheetRows = Iterable<SpreadsheetRow> | AsyncIterable<SpreadsheetRow>;

/** A date as the reader gives it back: YYYY-MM-DD at midnight UTC, the full ISO time otherwise. */
export function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A CSV field. A number is written as it is: it cannot carry a formula, and -5 must stay the number -5. */
export function csvField(cell: SpreadsheetCell): string {
  if (typeof cell === 'string') return spreadsheetSafe(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return dateText(cell);
  return '';
}

/** An XLSX cell value: text guarded, numbers, truth values and dates typed, nothing as an empty cell. */
export function xlsxValue(cell: SpreadsheetCell): string | number | boolean | Date | null {
  if (typeof cell === 'string') return spreadsheetSafe(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (cell === undefined) return null;
  return cell;
}
