/**
 * Writing an XLSX workbook as a stream: sheets one after another, rows pushed one at a time (every text cell
 * through the formula guard) and written out at once, into any writable stream. Nothing of a sheet is kept once
 * its rows are written, so a million-row export runs in constant memory:
 * - text is written inline in each cell (no shared-strings table, which would hold every distinct text);
 * - `addRow` waits while the workbook's output lags behind. The streaming writer of the spreadsheet library
 *   ignores back-pressure: it hands each sheet's XML to the zip compressor's input, which buffers whatever it is
 *   given. So after each row we look at how much waits there and, past XLSX_PENDING_BYTES, wait until it is taken.
 * A sheet is closed when the next one is added (the zip holds one sheet's file at a time, so rows of a later sheet
 * would wait for the earlier one to be closed).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { xlsxValue, type SpreadsheetRow, type SpreadsheetRows } from './spreadsheet-cell.ts';

/** Sheet XML allowed to wait for the compressor before addRow waits: a few thousand rows. */
export const XLSX_PENDING_BYTES = 1024 * 1024;

export interface XlsxSheetOptions {
  /** Widths of the first columns, in characters. */
  columnWidths?: readonly number[];
  /** Rows kept in view when scrolling (1 for a header row). */
  frozenRows?: number;
  /** A sheet of lists that drop-downs read, not meant to be shown. */
  hidden?: boolean;
}

/** How a row's text looks; nothing else about cells can be set, by design. */
export interface XlsxRowStyle {
  bold?: boolean;
  size?: number;
}

export interface XlsxSheetWriter {
  /** Writes the row; resolves when there is room for the next one. */
  addRow(cells: SpreadsheetRow, style?: XlsxRowStyle): Promise<void>;
  addRows(rows: SpreadsheetRows): Promise<void>;
  /**
   * Cells in `range` (e.g. "B8" or "D2:D2000") offer a drop-down of the values in `source`: a range of cells
   * ("'Lists'!$A$1:$A$20") or a quoted list ('"Yes,No"'). With `warnOnly`, other values are allowed too.
   */
  addListValidation(range: string, source: string, options?: { warnOnly?: boolean }): void;
}

export interface XlsxWriter {
  addSheet(name: string, options?: XlsxSheetOptions): XlsxSheetWriter;
  /** Closes the last sheet and the workbook; resolves when the output has taken the last byte. */
  finish(): Promise<void>;
}

/** The zip's input for a sheet: a stream of the library's own stream package, which may lack `writableLength`. */
type ZipInput = NodeJS.EventEmitter & { writableLength?: number; _writableState?: { length: number } };
const pendingBytes = (input: ZipInput) => input.writableLength ?? input._writableState?.length ?? 0;

/** What exceljs's streaming sheet has but its types do not show. */
interface StreamingSheet {
  /** Where the sheet's XML is handed on to the zip (see the module comment). */
  stream: { pipes?: ZipInput[] };
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}
const streamingSheet = (sheet: ExcelJS.Worksheet) => sheet as unknown as StreamingSheet;

/** A column's letters from its number (1 = A, 27 = AA), for ranges of validations. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function openXlsxWriter(output: Writable, options: { creator?: string } = {}): XlsxWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  workbook.creator = options.creator ?? 'ITD Platform';
  // Waiting for room must not wait forever when the output or the zip fails: the failure ends the wait.
  const failed = new Promise<never>((_, reject) => {
    output.once('error', reject);
    (workbook as unknown as { zip: NodeJS.EventEmitter }).zip.once('error', reject);
  });
  failed.catch(() => {});
  let current: ExcelJS.Worksheet | null = null;

  async function roomFor(sheet: ExcelJS.Worksheet): Promise<void> {
    const waiting = streamingSheet(sheet).stream.pipes?.[0];
    if (waiting && pendingBytes(waiting) > XLSX_PENDING_BYTES)
      await Promise.race([once(waiting, 'drain'), failed]);
  }

  return {
    addSheet(name, sheetOptions = {}) {
      current?.commit();
      const sheet = workbook.addWorksheet(name, {
        state: sheetOptions.hidden ? 'hidden' : 'visible',
        views: sheetOptions.frozenRows ? [{ state: 'frozen', ySplit: sheetOptions.frozenRows }] : [],
      });
      // Column widths are written before the first row, so they are set now.
      if (sheetOptions.columnWidths) sheet.columns = sheetOptions.columnWidths.map((width) => ({ width }));
      current = sheet;
      const writer: XlsxSheetWriter = {
        async addRow(cells, style) {
          if (current !== sheet)
            throw new Error(`sheet "${name}" is closed: rows are written sheet by sheet`);
          const row = sheet.addRow(cells.map(xlsxValue));
          if (style) row.font = { bold: style.bold ?? false, ...(style.size ? { size: style.size } : {}) };
          row.commit();
          await roomFor(sheet);
        },
        async addRows(rows) {
          for await (const cells of rows) await writer.addRow(cells);
        },
        addListValidation(range, source, { warnOnly = false } = {}) {
          streamingSheet(sheet).dataValidations.add(range, {
            type: 'list',
            allowBlank: true,
            formulae: [source],
            ...(warnOnly ? { showErrorMessage: false } : {}),
          });
        },
      };
      return writer;
    },
    async finish() {
      current?.commit();
      current = null;
      await Promise.race([workbook.commit(), failed]);
    },
  };
}
