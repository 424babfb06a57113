/**
 * The CSV writer: read back with the CSV parser, every text cell that could start a formula is neutralised and
 * numbers, dates and truth values are written as themselves; a long export is pulled only as fast as its output
 * takes it, so a stalled client holds a few rows in memory, not the export.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { startsFormula } from './formula-guard.ts';
import { writeToBuffer } from './in-memory-output.ts';
import type { SpreadsheetRow } from './spreadsheet-cell.ts';
import { csvText, writeCsv } from './write-csv.ts';
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

const ROWS: SpreadsheetRow[] = [
  ['text', 'number', 'date', 'flag', 'nothing'],
  ...HOSTILE.map((text, i): SpreadsheetRow => [
    text,
    -i - 0.5,
    new Date(Date.UTC(2025, 2, 15)),
    i % 2 === 0,
    null,
  ]),
  ['Manis javanica, "scales"', 12.5, new Date(Date.UTC(2025, 2, 15, 10, 30)), false, undefined],
];

const parsed = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true });

describe('the CSV writer', () => {
  test('text that could start a formula is neutralised; other values are written as themselves', async () => {
    const bytes = await writeToBuffer((output) => writeCsv(output, ROWS));
    const records = parsed(bytes.toString('utf8'));
    assert.equal(records.length, ROWS.length);
    HOSTILE.forEach((text, i) => {
      assert.deepEqual(records[i + 1], [
        `'${text}`,
        String(-i - 0.5),
        '2025-03-15',
        i % 2 === 0 ? 'TRUE' : 'FALSE',
        '',
      ]);
    });
    assert.deepEqual(records.at(-1), [
      'Manis javanica, "scales"',
      '12.5',
      '2025-03-15T10:30:00.000Z',
      'FALSE',
      '',
    ]);
    // No field starts a formula, except the numbers written as numbers.
    for (const field of records.flat())
      assert.ok(!startsFormula(field) || Number.isFinite(Number(field)), JSON.stringify(field));
  });

  test('rows from an async generator; a byte order mark and a delimiter when asked', async () => {
    async function* rows() {
      yield* ROWS;
    }
    const text = (
      await writeToBuffer((output) => writeCsv(output, rows(), { bom: true, delimiter: ';' }))
    ).toString('utf8');
    assert.ok(text.startsWith('\uFEFFtext;number;date;flag;nothing\n'));
    assert.deepEqual(
      parse(text, { bom: true, delimiter: ';' }),
      parsed((await writeToBuffer((output) => writeCsv(output, ROWS))).toString('utf8')),
    );
  });

  test('csvText writes what writeCsv writes', async () => {
    assert.equal(csvText(ROWS), (await writeToBuffer((output) => writeCsv(output, ROWS))).toString('utf8'));
    assert.equal(csvText([['=1', 2]]), "'=1,2\n");
  });

  test('a stalled output stops the rows being pulled; 200,000 rows go out in bounded memory', async () => {
    const total = 200_000;
    const filler = 'x'.repeat(400);
    let pulled = 0;
    let peak = 0;
    const start = memoryHeld();
    function* rows(): Generator<SpreadsheetRow> {
      for (let i = 0; i < total; i++) {
        pulled += 1;
        if (i % 20_000 === 0) peak = Math.max(peak, memoryHeld());
        yield [i, `=cmd ${i}`, `${filler} ${i}`, -i];
      }
    }
    const { output, state, release } = stallableOutput();
    const writing = writeCsv(output, rows());
    const whileStalled = await whenSettled(() => pulled);
    assert.ok(whileStalled < 2_000, `${whileStalled} rows pulled while the output took nothing`);
    release();
    await writing;
    assert.equal(state.lines, total);
    assert.equal(pulled, total);
    // Unbounded, the export would hold about 90 MB of text; loosely, much less is in use at any time.
    assert.ok(peak - start < 24, `memory grew by ${Math.round(peak - start)} MB`);
  });

  test('an output that fails ends the writing with its error and stops pulling rows', async () => {
    let pulled = 0;
    function* rows(): Generator<SpreadsheetRow> {
      for (let i = 0; i < 100_000; i++) {
        pulled += 1;
        yield [i, 'some text for the row'];
      }
    }
    await assert.rejects(writeCsv(failingOutput(64 * 1024), rows()), /disk full/);
    assert.ok(pulled < 100_000);
  });
});
