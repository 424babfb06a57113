/**
 * A large workbook is read in a worker thread: the same sheet, header and rows as reading it in the importer's own
 * thread, an unreadable file refused the same way, and a reader stopped early takes its worker with it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../../../shared/imports.contract.ts';
import { isImportHeader } from './mapping-profiles.ts';
import { WORKER_MIN_BYTES } from '../../../lib/spreadsheets/open-spreadsheet.ts';
import { openSheet, UnreadableFileError, type RawRow } from '../../../lib/spreadsheets/read-spreadsheet.ts';
import { openUpload, readUploadInWorker } from './open-report-upload.ts';

async function workbook(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Notes').addRow(['Prepared by the customs service']);
  const sheet = book.addWorksheet('Seizures');
  sheet.addRow(['Annual illegal trade report']);
  sheet.addRow([...IMPORT_COLUMNS]);
  for (let i = 1; i <= rows; i++) {
    const row = sheet.addRow(IMPORT_COLUMNS.map((column) => `${column} ${i} ${'x'.repeat(i % 40)}`));
    row.getCell(1).value = new Date(Date.UTC(2024, i % 12, 1 + (i % 28)));
    row.getCell(5).value = i;
  }
  sheet.addRow(['=HYPERLINK("http://example.test")']).getCell(1).value = { formula: 'HYPERLINK("x")' };
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function rowsOf(source: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of source) rows.push(row);
  return rows;
}

describe('reading a workbook in a worker', () => {
  test('gives the same sheet, header and rows as reading it here', async () => {
    const bytes = await workbook(2500);
    const here = await openSheet(bytes, isImportHeader);
    const expected = await rowsOf(here.rows);
    const there = await readUploadInWorker(bytes, 300);
    assert.deepEqual(
      { kind: there.kind, sheetName: there.sheetName, headerRow: there.headerRow, header: there.header },
      { kind: 'xlsx', sheetName: 'Seizures', headerRow: 2, header: here.header },
    );
    const rows = await rowsOf(there.rows);
    assert.equal(rows.length, 2501);
    assert.deepEqual(rows, expected);
    assert.equal(rows[0]!.values[0], '2024-02-02');
    assert.equal(rows.at(-1)!.values[0], '=HYPERLINK("x")');
  });

  test('a file that is not a workbook, or has no seizure header, is refused', async () => {
    await assert.rejects(
      readUploadInWorker(Buffer.from('PK\x03\x04 not really a workbook'), 100),
      (error: unknown) => error instanceof Error,
    );
    await assert.rejects(
      readUploadInWorker(Buffer.from('name,colour\nfox,red\n'), 100),
      (error: unknown) => error instanceof UnreadableFileError && error.reason === 'no_header',
    );
  });

  test('a reader closed before its rows are read stops its worker', async () => {
    const sheet = await readUploadInWorker(await workbook(50), 10);
    await sheet.close();
    await sheet.close();
  });

  test('only a workbook of WORKER_MIN_BYTES or more goes to a worker', async () => {
    const small = await workbook(20);
    assert.ok(small.length < WORKER_MIN_BYTES);
    const sheet = await openUpload(small, 100);
    assert.equal((await rowsOf(sheet.rows)).length, 21);
    await sheet.close();
  });
});
