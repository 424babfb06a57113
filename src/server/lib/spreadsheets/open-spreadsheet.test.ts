/**
 * A workbook read in a worker thread finds its table with the caller's header recogniser, loaded in the worker
 * from the module the caller names: the same sheet, header and rows as reading it here.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { openSpreadsheet, readSpreadsheetInWorker, type HeaderRecogniser } from './open-spreadsheet.ts';
import { isPermitHeader } from './permit-header.fixture.ts';
import { openSheet, type RawRow } from './read-spreadsheet.ts';

const PERMIT_HEADER: HeaderRecogniser = {
  isHeader: isPermitHeader,
  module: { url: new URL('./permit-header.fixture.ts', import.meta.url).href, exportName: 'isPermitHeader' },
};

async function permitWorkbook(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Read me').addRow(['Permit number', 'Exporter', 'Importer']);
  const permits = book.addWorksheet('Permits');
  permits.addRow(['CITES permits issued']);
  permits.addRow(['Permit number', 'Exporter', 'Importer', 'Quantity']);
  for (let i = 1; i <= rows; i++) permits.addRow([`24KE${String(i).padStart(6, '0')}`, 'KE', 'CN', i]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function rowsOf(source: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of source) rows.push(row);
  return rows;
}

describe('reading a workbook in a worker with the caller’s recogniser', () => {
  test('finds the same sheet, header and rows as reading it here', async () => {
    const bytes = await permitWorkbook(1200);
    const here = await openSheet(bytes, isPermitHeader);
    const there = await readSpreadsheetInWorker(bytes, PERMIT_HEADER, 250);
    assert.deepEqual(
      { kind: there.kind, sheetName: there.sheetName, headerRow: there.headerRow, header: there.header },
      {
        kind: 'xlsx',
        sheetName: 'Permits',
        headerRow: 2,
        header: ['Permit number', 'Exporter', 'Importer', 'Quantity'],
      },
    );
    const rows = await rowsOf(there.rows);
    assert.equal(rows.length, 1200);
    assert.deepEqual(rows, await rowsOf(here.rows));
    assert.deepEqual(rows.at(-1), { rowNumber: 1202, values: ['24KE001200', 'KE', 'CN', '1200'] });
  });

  test('a recogniser the worker cannot load is an error, not a file without header', async () => {
    const broken: HeaderRecogniser = {
      ...PERMIT_HEADER,
      module: { ...PERMIT_HEADER.module, exportName: 'nothing' },
    };
    await assert.rejects(readSpreadsheetInWorker(await permitWorkbook(5), broken, 10), /does not export/);
  });

  test('a small workbook is read here with the same recogniser', async () => {
    const sheet = await openSpreadsheet(await permitWorkbook(3), PERMIT_HEADER, 10);
    assert.equal(sheet.sheetName, 'Permits');
    assert.equal((await rowsOf(sheet.rows)).length, 3);
    await sheet.close();
  });
});
