/**
 * Two-row headers: a header row whose columns are split by a second row right under it ("Quantity" over "Number"
 * and "Weight (kg)", "Country" over "origin" and "destination"). Without this the second row was read as a
 * seizure. It is taken as part of the header when it holds no digits (no date, no quantity) and the two rows
 * together name more columns than the first alone; each column's name is the two rows' words when they make a
 * template header (the first row's carried across the blank cells a merged cell leaves), else the second row's
 * cell when it names a column by itself, else both, else the first row's.
 */
import type { RawRow } from '../../../lib/spreadsheets/read-spreadsheet.ts';
import { suggestColumns } from '../mapping/column-suggestions.ts';
import { columnOfHeader } from './import-columns.ts';

export interface HeaderedRows {
  header: string[];
  /** The row the header ends on (the second row of a two-row header). */
  headerRow: number;
  rows: AsyncIterable<RawRow>;
}

const namedCount = (header: readonly string[]) =>
  new Set(suggestColumns(header).filter((target) => target !== 'extra')).size;

/** The two rows as one header, each column named by what the rows say together. */
export function mergeHeaderRows(top: readonly string[], bottom: readonly string[]): string[] {
  const width = Math.max(top.length, bottom.length);
  const merged: string[] = [];
  let carried = '';
  for (let i = 0; i < width; i++) {
    const above = (top[i] ?? '').trim();
    const below = (bottom[i] ?? '').trim();
    if (above !== '') carried = above;
    // "Country" over "origin" is the template's "Country of origin"; "Quantity" over "Number" is "Number".
    const template =
      carried === '' ? undefined : [`${carried} ${below}`, `${carried} of ${below}`].find(columnOfHeader);
    if (below === '') merged.push(above);
    else if (template !== undefined) merged.push(template);
    else if (suggestColumns([below])[0] !== 'extra' || carried === '') merged.push(below);
    else merged.push(`${carried} ${below}`);
  }
  return merged;
}

/** Whether the row under the header continues it. */
export function continuesHeader(header: readonly string[], row: RawRow, headerRow: number): boolean {
  if (row.rowNumber !== headerRow + 1) return false;
  if (row.values.some((value) => /\d/.test(value))) return false;
  return namedCount(mergeHeaderRows(header, row.values)) > namedCount(header);
}

/** The sheet's header with a second header row folded in, and the rows after it. */
export async function withTwoRowHeader(sheet: {
  header: string[];
  headerRow: number;
  rows: AsyncIterable<RawRow>;
}): Promise<HeaderedRows> {
  const iterator = sheet.rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  const isSecondHeader = !first.done && continuesHeader(sheet.header, first.value, sheet.headerRow);
  const rest: AsyncIterable<RawRow> = {
    async *[Symbol.asyncIterator]() {
      if (!first.done && !isSecondHeader) yield first.value;
      for (let item = await iterator.next(); !item.done; item = await iterator.next()) yield item.value;
    },
  };
  if (!isSecondHeader) return { header: sheet.header, headerRow: sheet.headerRow, rows: rest };
  return {
    header: mergeHeaderRows(sheet.header, first.value.values),
    headerRow: first.value.rowNumber,
    rows: rest,
  };
}
