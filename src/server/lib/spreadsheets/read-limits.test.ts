/**
 * Hostile files, built here, meet the reading limits while they are read, quickly and without inflating them:
 * a zip bomb holding one huge cell, millions of blank rows, a giant CSV cell, too many columns, a zip that lies
 * about its sizes, a DOCTYPE, a parse past its time, a read whose caller went away (here and in a worker).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  headerRowXml,
  MIB,
  plainPart,
  repeatedPart,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookParts,
  zipOf,
} from './hostile-files.fixture.ts';
import { readSpreadsheetInWorker, type HeaderRecogniser } from './open-spreadsheet.ts';
import {
  DEFAULT_READ_LIMITS,
  ReadAbortedError,
  SpreadsheetLimitError,
  type ReadLimits,
} from './read-limits.ts';
import { isFirstFilledRow, openSheet, UnreadableFileError, type ReadOptions } from './read-spreadsheet.ts';

const HEADER = headerRowXml(['Date of seizure', 'Species', 'Quantity']);

/** Reads every row; answers the error it ended with and how long it took. */
async function readAll(bytes: Buffer, options: ReadOptions = {}): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    const sheet = await openSheet(bytes, isFirstFilledRow, options);
    for await (const row of sheet.rows) void row;
    return { error: null, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

function assertLimit(error: unknown, limit: keyof ReadLimits): SpreadsheetLimitError {
  assert.ok(error instanceof SpreadsheetLimitError, `expected ${limit}, got ${String(error)}`);
  assert.equal(error.limit, limit);
  return error;
}

/** A workbook whose one cell (after a header) is `megabytes` MiB of "A". */
function hugeCellWorkbook(megabytes: number, claimedSize?: number): Buffer {
  const sheet = repeatedPart(
    'xl/worksheets/sheet1.xml',
    {
      head: `${SHEET_HEAD}${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>`,
      filler: Buffer.alloc(MIB, 'A'),
      times: megabytes,
      tail: `</t></is></c></row>${SHEET_TAIL}`,
    },
    claimedSize,
  );
  return zipOf(workbookParts(sheet));
}

/** A workbook of `megabytes` MiB of blank rows after its header. */
function blankRowsWorkbook(megabytes: number): Buffer {
  const row = '<row r="7"/>';
  const filler = Buffer.from(row.repeat(Math.floor(MIB / row.length)));
  return zipOf(
    workbookParts(
      repeatedPart('xl/worksheets/sheet1.xml', {
        head: `${SHEET_HEAD}${HEADER}`,
        filler,
        times: megabytes,
        tail: SHEET_TAIL,
      }),
    ),
  );
}

describe('a workbook is held to its limits while it inflates', () => {
  test('a 600 KB zip bomb claiming one 629 MB cell is refused before anything is inflated', async () => {
    const bomb = hugeCellWorkbook(600);
    assert.ok(bomb.length < 700_000, `the bomb is small on the wire (${bomb.length} bytes)`);
    const { error, ms } = await readAll(bomb);
    assert.equal(assertLimit(error, 'maxInflatedBytes').value, DEFAULT_READ_LIMITS.maxInflatedBytes);
    assert.ok(ms < 1000, `refused in ${ms} ms`);
  });

  test('the same cell claiming a size within the limit is stopped by the cell limit as it inflates', async () => {
    const { error, ms } = await readAll(hugeCellWorkbook(200));
    assert.equal(assertLimit(error, 'maxCellChars').value, DEFAULT_READ_LIMITS.maxCellChars);
    assert.ok(ms < 1000, `refused in ${ms} ms`);
  });

  test('a part inflating past the size it claims is refused as damaged, where it passes the claim', async () => {
    const { error } = await readAll(hugeCellWorkbook(2, 100_000));
    assert.ok(error instanceof UnreadableFileError && error.reason === 'damaged', String(error));
  });

  test('parts inflating past the limit together are stopped at the limit', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxInflatedBytes: 1 * MIB };
    const { error } = await readAll(blankRowsWorkbook(2), { limits });
    assertLimit(error, 'maxInflatedBytes');
  });

  test('millions of blank rows meet the row limit (blank rows count) in well under the parse limit', async () => {
    const { error, ms } = await readAll(blankRowsWorkbook(200));
    const refusal = assertLimit(error, 'maxRows');
    assert.equal(refusal.value, DEFAULT_READ_LIMITS.maxRows);
    assert.ok(ms < 15_000, `refused in ${ms} ms`);
  });

  test('a row reaching past the column limit is refused', async () => {
    const wide = `${SHEET_HEAD}${HEADER}<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>${SHEET_TAIL}`;
    const { error } = await readAll(zipOf(workbookParts(plainPart('xl/worksheets/sheet1.xml', wide))));
    assert.equal(assertLimit(error, 'maxColumns').row, 2);
  });

  test('parsing past its time is stopped', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxRows: 100_000_000, maxParseSeconds: 0.2 };
    const { error, ms } = await readAll(blankRowsWorkbook(100), { limits });
    assertLimit(error, 'maxParseSeconds');
    assert.ok(ms < 2000, `stopped after ${ms} ms`);
  });

  test('a DOCTYPE in any part is refused and no entity is expanded', async () => {
    const entities = '<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>';
    for (const bytes of [
      zipOf(
        workbookParts(plainPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${HEADER}${SHEET_TAIL}`), entities),
      ),
      zipOf(
        workbookParts(
          plainPart(
            'xl/worksheets/sheet1.xml',
            `<?xml version="1.0"?>${entities}<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`,
          ),
        ),
      ),
    ]) {
      const { error } = await readAll(bytes);
      assert.ok(error instanceof UnreadableFileError && error.reason === 'doctype', String(error));
    }
  });

  test('a read whose caller has gone stops at once', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const limits = { ...DEFAULT_READ_LIMITS, maxRows: 100_000_000 };
    const { error, ms } = await readAll(blankRowsWorkbook(150), { limits, signal: controller.signal });
    assert.ok(error instanceof ReadAbortedError, String(error));
    assert.ok(ms < 1500, `stopped after ${ms} ms`);
  });
});

describe('a CSV is held to its limits while it is parsed', () => {
  test('a giant cell is refused before the parser gathers it', async () => {
    const giant = Buffer.concat([
      Buffer.from('Date,Species,Quantity\n01/01/2025,'),
      Buffer.alloc(40 * MIB, 'A'),
    ]);
    const { error, ms } = await readAll(giant);
    assertLimit(error, 'maxCellChars');
    assert.ok(ms < 1000, `refused in ${ms} ms`);
  });

  test('a giant quoted cell full of delimiters meets the row size the limits allow', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxCellChars: 1000, maxColumns: 10 };
    const quoted = Buffer.from(`Date,Species\n01/01/2025,"${'a,'.repeat(1_000_000)}"\n`);
    const { error } = await readAll(quoted, { limits });
    assert.equal(assertLimit(error, 'maxCellChars').row, 2);
  });

  test('too many columns are refused with the row', async () => {
    const wide = Buffer.from(`Date,Species\n${Array.from({ length: 300 }, (_, i) => i).join(',')}\n`);
    assert.equal(assertLimit((await readAll(wide)).error, 'maxColumns').row, 2);
  });

  test('blank lines count as rows', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxRows: 1000 };
    const { error } = await readAll(Buffer.from(`Date,Species\n1,2\n${'\n'.repeat(5000)}`), { limits });
    assertLimit(error, 'maxRows');
  });
});

describe('a workbook read in a worker', () => {
  const recogniser: HeaderRecogniser = {
    isHeader: isFirstFilledRow,
    module: { url: new URL('./read-spreadsheet.ts', import.meta.url).href, exportName: 'isFirstFilledRow' },
  };

  test('is held to the same limits', async () => {
    await assert.rejects(
      async () => {
        const sheet = await readSpreadsheetInWorker(blankRowsWorkbook(100), recogniser, 500, {
          limits: { ...DEFAULT_READ_LIMITS, maxRows: 10_000 },
        });
        for await (const row of sheet.rows) void row;
      },
      (error) => assertLimit(error, 'maxRows').value === 10_000,
    );
  });

  test('is terminated when its caller goes away', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const limits = { ...DEFAULT_READ_LIMITS, maxRows: 100_000_000 };
    const reading = (async () => {
      const sheet = await readSpreadsheetInWorker(blankRowsWorkbook(150), recogniser, 500, {
        limits,
        signal: controller.signal,
      });
      for await (const row of sheet.rows) void row;
    })();
    setTimeout(() => controller.abort(), 1500);
    await assert.rejects(reading, ReadAbortedError);
    assert.ok(performance.now() - started < 6000);
  });
});
