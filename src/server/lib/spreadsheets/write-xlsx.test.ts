/**
 * The XLSX writer: read back with the spreadsheet library's reader, no cell is a formula and no text cell starts
 * one; numbers, dates and truth values keep their types; sheet options and drop-downs are written. A long export
 * waits while its output lags, so a stalled client holds a bounded part of it, not the export.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { startsFormula } from './formula-guard.ts';
import { writeToBuffer } from './in-memory-output.ts';
import { columnLetter, openXlsxWriter } from './write-xlsx.ts';
import { failingOutput, memoryHeld, stallableOutput, whenSettled } from './writer-test-support.ts';

const HOSTILE = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A9)',
  '\tTAB',
  '\rCR',
  '\uFF1D1+1',
  '\uFF0B1',
  '\uFF0D1',
  '\uFF20SUM(A1)',
  ' =1+2',
];

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

describe('the XLSX writer', () => {
  test('no cell is a formula or starts one; other values keep their types', async () => {
    const date = new Date(Date.UTC(2025, 2, 15));
    const bytes = await writeToBuffer(async (output) => {
      const book = openXlsxWriter(output);
      const sheet = book.addSheet('Records', { columnWidths: [30, 12], frozenRows: 1 });
      await sheet.addRow(['text', 'number', 'date', 'flag', 'nothing'], { bold: true });
      for (const [i, text] of HOSTILE.entries())
        await sheet.addRow([text, -i - 0.5, date, i % 2 === 0, null]);
      await sheet.addRows([['Manis javanica', 12.5, date, false, undefined]]);
      await book.finish();
    });
    const workbook = await readBack(bytes);
    const sheet = workbook.getWorksheet('Records')!;
    for (const [i, text] of HOSTILE.entries()) {
      const row = sheet.getRow(i + 2);
      // XML reads a carriage return in text as a line feed.
      assert.equal(row.getCell(1).value, `'${text}`.replace('\r', '\n'));
      assert.equal(row.getCell(2).value, -i - 0.5);
      assert.deepEqual(row.getCell(3).value, date);
      assert.equal(row.getCell(4).value, i % 2 === 0);
      assert.equal(row.getCell(5).value, null);
    }
    assert.equal(sheet.getCell('A13').value, 'Manis javanica');
    assert.equal(sheet.getCell('A1').font?.bold, true);
    assert.equal(sheet.getColumn(1).width, 30);
    assert.deepEqual(
      sheet.views.map((view) => [view.state, (view as ExcelJS.WorksheetViewFrozen).ySplit]),
      [['frozen', 1]],
    );
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        assert.notEqual(cell.type, ExcelJS.ValueType.Formula, cell.address);
        if (cell.type === ExcelJS.ValueType.String) assert.ok(!startsFormula(cell.text), cell.address);
      }),
    );
  });

  test('sheets one after another, a hidden list sheet and drop-downs that read it', async () => {
    const bytes = await writeToBuffer(async (output) => {
      const book = openXlsxWriter(output);
      const form = book.addSheet('Form');
      await form.addRow(['Unit']);
      form.addListValidation('A2:A100', "'Lists'!$A$1:$A$2", { warnOnly: true });
      form.addListValidation('B2', '"Yes,No"');
      const lists = book.addSheet('Lists', { hidden: true });
      await lists.addRows([['KIL'], ['=1']]);
      await assert.rejects(form.addRow(['late']), /closed/);
      await book.finish();
    });
    const workbook = await readBack(bytes);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => [sheet.name, sheet.state]),
      [
        ['Form', 'visible'],
        ['Lists', 'hidden'],
      ],
    );
    assert.equal(workbook.getWorksheet('Lists')!.getCell('A2').value, "'=1");
    const form = workbook.getWorksheet('Form')!;
    // Not showing an error (warnOnly) is the file's default: nothing is written for it.
    assert.deepEqual(form.getCell('A50').dataValidation, {
      type: 'list',
      allowBlank: true,
      formulae: ["'Lists'!$A$1:$A$2"],
    });
    assert.deepEqual(form.getCell('B2').dataValidation.formulae, ['"Yes,No"']);
  });

  test('column letters', () => {
    assert.deepEqual([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetter), [
      'A',
      'B',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  test('a stalled output makes addRow wait; 200,000 rows go out in bounded memory', async () => {
    const total = 200_000;
    let written = 0;
    let peak = 0;
    const start = memoryHeld();
    const { output, state, release } = stallableOutput();
    const book = openXlsxWriter(output);
    const writing = (async () => {
      const sheet = book.addSheet('Export');
      for (let i = 0; i < total; i++) {
        // Random text compresses as little as real records do.
        await sheet.addRow([i, `=cmd ${i}`, Math.random().toString(36).repeat(4), -i]);
        written += 1;
        if (i % 20_000 === 0) peak = Math.max(peak, memoryHeld());
      }
      await book.finish();
    })();
    const whileStalled = await whenSettled(() => written);
    const heldWhileStalled = memoryHeld() - start;
    // What waits is a megabyte of sheet XML and the zip's buffers of compressed data (XML compresses tenfold and
    // more, so that can be tens of thousands of rows): bounded in bytes, not in rows.
    assert.ok(whileStalled < total, 'the writer waited for the output');
    assert.ok(heldWhileStalled < 24, `${Math.round(heldWhileStalled)} MB held while the output took nothing`);
    release();
    await writing;
    assert.equal(written, total);
    // A whole zip: its first entry's header at the start, its central directory's end record at the end.
    assert.equal(state.head.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
    assert.ok(state.tail.includes('PK\x05\x06', 0, 'latin1'));
    assert.ok(state.bytes > 1_000_000);
    assert.ok(peak - start < 64, `memory grew by ${Math.round(peak - start)} MB`);
  });

  test('an output that fails ends the writing with its error', async () => {
    const book = openXlsxWriter(failingOutput(64 * 1024));
    const sheet = book.addSheet('Export');
    await assert.rejects(async () => {
      for (let i = 0; i < 200_000; i++) await sheet.addRow([i, Math.random().toString(36).repeat(4)]);
      await book.finish();
    }, /disk full/);
  });
});
