/** Two-row headers are folded into one; a first row of data is never taken for a second header row. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { continuesHeader, mergeHeaderRows, withTwoRowHeader } from './two-row-header.ts';

const TOP = ['Date of seizure', 'Species', 'Quantity', '', 'Country', ''];
const BOTTOM = ['', '', 'Number', 'Weight (kg)', 'of origin', 'of destination'];

async function* rowsOf(...rows: { rowNumber: number; values: string[] }[]) {
  yield* rows;
}

describe('two-row headers', () => {
  test('each column is named by the two rows together', () => {
    assert.deepEqual(mergeHeaderRows(TOP, BOTTOM), [
      'Date of seizure',
      'Species',
      'Number',
      'Weight (kg)',
      'Country of origin',
      'Country of destination',
    ]);
  });

  test('the second row is part of the header; the rows after it are the data', async () => {
    const table = await withTwoRowHeader({
      header: TOP,
      headerRow: 3,
      rows: rowsOf(
        { rowNumber: 4, values: BOTTOM },
        { rowNumber: 5, values: ['15/03/2024', 'Manis javanica', '3', '', 'NG', 'CN'] },
      ),
    });
    assert.equal(table.headerRow, 4);
    assert.equal(table.header[4], 'Country of origin');
    const rows = [];
    for await (const row of table.rows) rows.push(row.rowNumber);
    assert.deepEqual(rows, [5]);
  });

  test('a first row of data, a row further down, or a row naming nothing more is not a header row', async () => {
    const data = { rowNumber: 4, values: ['15/03/2024', 'Manis javanica', '3', '', 'NG', 'CN'] };
    assert.equal(continuesHeader(TOP, data, 3), false);
    assert.equal(continuesHeader(TOP, { rowNumber: 6, values: BOTTOM }, 3), false);
    const words = { rowNumber: 4, values: ['unknown', 'Manis javanica', 'many', '', 'Nigeria', 'China'] };
    assert.equal(continuesHeader(TOP, words, 3), false);
    const table = await withTwoRowHeader({ header: TOP, headerRow: 3, rows: rowsOf(data) });
    assert.equal(table.headerRow, 3);
    const rows = [];
    for await (const row of table.rows) rows.push(row.rowNumber);
    assert.deepEqual(rows, [4]);
  });
});
