/**
 * The XLSX path end to end on a real database: the platform's own Spanish template, filled in, is read from its
 * seizure sheet (a formula cell kept as its text); no cell of the template starts a formula; and rows written
 * by the demo generator, as a Party would write them, normalise to the values the generator meant.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { systemActor } from '../../../shared/actor.ts';
import { IMPORT_COLUMNS, uploadFieldsSchema } from '../../../shared/imports.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { generateDemoRows } from '../demo/demo-rows.ts';
import { templateXlsx } from './read/import-template.ts';
import { stageUpload } from './stage/stage-upload.ts';
import { readRows } from './staged-rows.repo.ts';

const actor = systemActor('xlsx test');
const clock = () => new Date('2026-02-01T00:00:00Z');
let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => database?.close());

async function stage(bytes: Buffer, year: number) {
  const fields = uploadFieldsSchema.parse({ party: 'KE', year: String(year) });
  const { id } = await stageUpload({ db: database.db, clock }, actor, NO_REQUEST, {
    fields,
    fileName: 'report',
    bytes,
  });
  return { id, rows: await withActor(database.db, actor, (tx) => readRows(tx, id, 0, 1000)) };
}

describe('XLSX reports', () => {
  test('the Spanish template, filled in, is read from its seizure sheet; a formula stays text', async () => {
    const template = await withActor(database.db, actor, (tx) => templateXlsx(tx, 'es'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(template).buffer);
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['Instrucciones', 'Informe', 'Decomisos', 'Listas'],
    );
    // Nothing the platform writes starts a formula.
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `${sheet.name}!${cell.address}`);
          assert.doesNotMatch(cell.text, /^[=+\-@]/, `${sheet.name}!${cell.address}`);
        }),
      );
    const seizures = workbook.getWorksheet('Decomisos')!;
    assert.equal(seizures.getCell('A1').value, 'Fecha de la incautación');
    const row = seizures.getRow(2);
    row.getCell(1).value = new Date(Date.UTC(2025, 5, 30));
    row.getCell(3).value = 'Manis javanica';
    row.getCell(4).value = 'SCA';
    row.getCell(5).value = 12.5;
    row.getCell(6).value = 'KIL';
    row.getCell(17).value = { formula: 'HYPERLINK("http://evil.example","click")', result: 'click' };
    row.commit();
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());

    const { rows } = await stage(filled, 2025);
    assert.equal(rows.length, 1);
    const [staged] = rows;
    assert.equal(staged!.rowNumber, 2);
    assert.equal(staged!.values.seizureDate, '2025-06-30');
    assert.equal(staged!.values.quantityKg, 12.5);
    assert.equal(staged!.cells['Additional information'], '=HYPERLINK("http://evil.example","click")');
    assert.equal(staged!.outcome, 'import');
  });

  test('demo rows as a Party writes them normalise to the values the generator meant', async () => {
    const demo = [...generateDemoRows({ seed: 3, party: 'KE', year: 2024, count: 400 })];
    const csv = stringify([
      [...IMPORT_COLUMNS],
      ...demo.map((r) => IMPORT_COLUMNS.map((c) => r.original[c] ?? '')),
    ]);
    const { rows } = await stage(Buffer.from(csv), 2024);
    assert.equal(rows.length, 400);
    const fields = [
      'seizureDate',
      'datePrecision',
      'termCode',
      'quantity',
      'unitCode',
      'originCountry',
      'exportCountry',
      'transitCountries',
      'destinationCountry',
      'offenderNationalities',
      'isElephant',
    ] as const;
    for (const [i, row] of rows.entries()) {
      const expected = demo[i]!.values;
      for (const field of fields)
        assert.deepEqual(row.values[field], expected[field], `row ${row.rowNumber} ${field}`);
      assert.ok(row.values.taxonId !== null, `row ${row.rowNumber}: ${row.cells.Species}`);
    }
  });
});
