/** The pure parts of the import: dates, quantities, headers in three languages, CSV encodings, formula safety. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { columnOfHeader, layoutOfHeader } from '../read/import-columns.ts';
import { parseSeizureDate } from './normalise-date.ts';
import { parseQuantity } from './normalise-quantity.ts';
import { decodedPieces, detectFileKind, openSheet } from '../../../lib/spreadsheets/read-spreadsheet.ts';
import { spreadsheetSafe } from '../../../lib/spreadsheets/formula-guard.ts';
import { problemsCsv } from '../review/batch-problems.ts';

describe('dates', () => {
  const day = (text: string) => parseSeizureDate(text);
  test('day forms', () => {
    for (const text of [
      '15/03/2025',
      '15.03.2025',
      '15-03-25',
      '2025-03-15',
      '2025-03-15T00:00:00.000Z',
      '45731',
      '15-Mar-25',
      '15 mars 2025',
      'March 15, 2025',
    ])
      assert.deepEqual(day(text), { ok: true, date: '2025-03-15', precision: 'day' }, text);
  });
  test('month and year forms', () => {
    for (const text of ['03/2025', '2025-03', 'March 2025', 'mars 2025', 'marzo de 2025'])
      assert.deepEqual(day(text), { ok: true, date: '2025-03-01', precision: 'month' }, text);
    assert.deepEqual(day('2025'), { ok: true, date: '2025-01-01', precision: 'year' });
  });
  test('impossible dates are refused; a date that proves month-first is read month-first', () => {
    assert.deepEqual(day('03/15/2025'), { ok: true, date: '2025-03-15', precision: 'day' });
    assert.equal(day('31/02/2025').ok, false);
    assert.equal(day('yesterday').ok, false);
  });
});

describe('quantities', () => {
  test('numbers with decimal commas and thousands separators', () => {
    assert.deepEqual(parseQuantity('2,5'), { ok: true, value: 2.5 });
    assert.deepEqual(parseQuantity('1,234', 'point'), { ok: true, value: 1234 });
    assert.deepEqual(parseQuantity('1,234'), { ok: false, reason: 'ambiguous', suggestion: null });
    assert.deepEqual(parseQuantity('1 234,5'), { ok: true, value: 1234.5 });
    assert.deepEqual(parseQuantity('1.234.567'), { ok: true, value: 1234567 });
  });
  test('text is an error with the number as suggestion; zero is not positive', () => {
    assert.deepEqual(parseQuantity('400g each'), { ok: false, reason: 'invalid', suggestion: '400' });
    assert.deepEqual(parseQuantity('about 20'), { ok: false, reason: 'invalid', suggestion: '20' });
    assert.deepEqual(parseQuantity('0'), { ok: false, reason: 'not_positive', suggestion: null });
  });
});

describe('headers', () => {
  test('French, Spanish, any case, extra spaces and line breaks', () => {
    assert.equal(columnOfHeader('  DATE OF\nSEIZURE '), 'Date of seizure');
    assert.equal(columnOfHeader('Nationalité des contrevenants'), 'Nationality of offenders');
    assert.equal(columnOfHeader('país de ORIGEN'), 'Country of origin');
    assert.equal(columnOfHeader('Countries  of  transit'), 'Countries of transit');
    assert.equal(columnOfHeader('Colour'), null);
  });
  test('columns in any order; unknown ones reported', () => {
    const layout = layoutOfHeader(['Cantidad', 'Especie', 'Notes', 'Date de la saisie']);
    assert.equal(layout.columns.get('Quantity'), 0);
    assert.equal(layout.columns.get('Date of seizure'), 3);
    assert.deepEqual([...layout.unknown.values()], ['Notes']);
  });
});

describe('files', () => {
  test('Windows-1252 text is decoded when it is not UTF-8', async () => {
    const bytes = Buffer.from([0x45, 0x73, 0x70, 0xe8, 0x63, 0x65]); // "Espèce" in Windows-1252
    const decodeText = (file: Buffer) => [...decodedPieces(file)].join('');
    assert.equal(decodeText(bytes), 'Espèce');
    assert.equal(decodeText(Buffer.from('Espèce', 'utf8')), 'Espèce');
    const csv = Buffer.from(
      'Date de la saisie;Esp\xe8ce;Quantit\xe9\n01/02/2025;Manis javanica;3\n',
      'latin1',
    );
    assert.equal(await detectFileKind(csv), 'csv');
    const sheet = await openSheet(csv);
    assert.deepEqual(sheet.header, ['Date de la saisie', 'Espèce', 'Quantité']);
    const rows = [];
    for await (const row of sheet.rows) rows.push(row);
    assert.deepEqual(rows, [{ rowNumber: 2, values: ['01/02/2025', 'Manis javanica', '3'] }]);
  });
  test('binary files are not taken for CSV', async () => {
    await assert.rejects(
      detectFileKind(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 0, 0])),
    );
  });
  test('formula injection is neutralised in what we write', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\tx'])
      assert.equal(spreadsheetSafe(text), `'${text}`);
    assert.equal(spreadsheetSafe('Manis javanica'), 'Manis javanica');
    const csv = problemsCsv([
      {
        row: 2,
        column: 'Additional information',
        value: '=HYPERLINK("http://x")',
        code: 'too_long',
        severity: 'blocking',
        message: 'm',
        suggestion: '=1',
        accepted: false,
      },
    ]);
    assert.match(csv, /'=HYPERLINK/);
    assert.match(csv, /,'=1\n$/);
  });
});
