/**
 * A CSV is read piece by piece (never as one string): characters, quoted fields and rows cut by a piece boundary
 * come out whole, and the encoding is decided over the whole file, not over the first piece. The table is found
 * by the caller's header recogniser, on the sheet and row it accepts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { isPermitHeader } from './permit-header.fixture.ts';
import {
  decodedPieces,
  openSheet,
  textEncodingOf,
  UnreadableFileError,
  type RawRow,
} from './read-spreadsheet.ts';

async function rowsOf(source: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of source) rows.push(row);
  return rows;
}

async function allRows(bytes: Buffer): Promise<RawRow[]> {
  const sheet = await openSheet(bytes);
  const rows: RawRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return rows;
}

describe('reading a CSV in pieces', () => {
  test('a character cut by a piece boundary is decoded whole', () => {
    const bytes = Buffer.from('\ufeffEspèce; Côte d’Ivoire', 'utf8');
    for (const size of [1, 2, 3, 5])
      assert.equal([...decodedPieces(bytes, size)].join(''), 'Espèce; Côte d’Ivoire');
  });

  test('a Windows-1252 byte far into the file makes the whole file Windows-1252', async () => {
    const header = 'Date of seizure,Species,Quantity,Additional information\n';
    const filler = Array.from({ length: 3000 }, (_, i) => `01/02/2025,Manis javanica,${i + 1},plain\n`);
    const last = Buffer.from('01/02/2025,Manis javanica,9,saisie \x80 la fronti\xe8re\n', 'latin1');
    const bytes = Buffer.concat([Buffer.from(header + filler.join(''), 'ascii'), last]);
    assert.ok(bytes.length > 100_000, 'the file spans several pieces');
    assert.equal(textEncodingOf(bytes), 'windows-1252');
    const rows = await allRows(bytes);
    assert.equal(rows.length, 3001);
    assert.deepEqual(rows.at(-1), {
      rowNumber: 3002,
      values: ['01/02/2025', 'Manis javanica', '9', 'saisie € la frontière'],
    });
  });

  test('one invalid byte in a UTF-8 file keeps it UTF-8: accents stay whole, the bad byte reads as U+FFFD', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Date,Species,Nationality\n01/02/2025,Manis javanica,Côte d’Ivoire\n02/02/2025,Manis,S'),
      Buffer.from([0xe9]),
      Buffer.from('négal\n', 'utf8'),
    ]);
    assert.equal(textEncodingOf(bytes), 'utf-8');
    const rows = await allRows(bytes);
    assert.equal(rows[0]!.values[2], 'Côte d’Ivoire');
    assert.equal(rows[1]!.values[2], 'S\uFFFDnégal');
  });

  test('a Windows-1252 file full of accents is still read as Windows-1252', () => {
    const bytes = Buffer.from('Espèce,Pays\nManis,Côte d\x92Ivoire\nManis,Sénégal\n', 'latin1');
    assert.equal(textEncodingOf(bytes), 'windows-1252');
  });

  test('every row of a long file is read once, in order, quoted line breaks included', async () => {
    const note = (i: number) =>
      `"note ${i}, with a comma\nand a second line ""quoted"" ${'é'.repeat(i % 7)}"`;
    const lines = ['Date of seizure;Species;Quantity;Additional information'];
    for (let i = 1; i <= 5000; i++) lines.push(`01/02/2025;Manis javanica;${i};${note(i)}`);
    const rows = await allRows(Buffer.from(lines.join('\r\n'), 'utf8'));
    assert.equal(rows.length, 5000);
    rows.forEach((row, index) => {
      const i = index + 1;
      assert.equal(row.rowNumber, i + 1);
      assert.deepEqual(row.values, [
        '01/02/2025',
        'Manis javanica',
        String(i),
        `note ${i}, with a comma\nand a second line "quoted" ${'é'.repeat(i % 7)}`,
      ]);
    });
  });
});

describe('finding a table with the caller’s header recogniser', () => {
  const permitHeader = ['Permit number', 'Exporter', 'Importer', 'Species'];

  async function permitWorkbook(): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    // A summary sheet that quotes the header: the recogniser looks on permit sheets only.
    const summary = book.addWorksheet('Summary');
    summary.addRow(['Columns of the list:']);
    summary.addRow(permitHeader);
    const permits = book.addWorksheet('Permits 2024');
    permits.addRow(['Permits issued in 2024']);
    permits.addRow([]);
    permits.addRow(['Prepared by the management authority']);
    permits.addRow(permitHeader);
    permits.addRow(['24KE000123', 'KE', 'CN', 'Loxodonta africana']);
    permits.addRow([]);
    permits.addRow(['24KE000124', 'KE', 'VN', 'Manis temminckii']);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  test('a permit list is found on its own sheet and row, past a sheet that quotes its header', async () => {
    const sheet = await openSheet(await permitWorkbook(), isPermitHeader);
    assert.deepEqual(
      { kind: sheet.kind, sheetName: sheet.sheetName, headerRow: sheet.headerRow, header: sheet.header },
      { kind: 'xlsx', sheetName: 'Permits 2024', headerRow: 4, header: permitHeader },
    );
    assert.deepEqual(await rowsOf(sheet.rows), [
      { rowNumber: 5, values: ['24KE000123', 'KE', 'CN', 'Loxodonta africana'] },
      { rowNumber: 7, values: ['24KE000124', 'KE', 'VN', 'Manis temminckii'] },
    ]);
  });

  test('the recogniser is told the sheet’s name, and null for a CSV file', async () => {
    const seen = new Set<string | null>();
    const recogniser = (values: string[], sheetName: string | null) => {
      seen.add(sheetName);
      return isPermitHeader(values, sheetName);
    };
    await openSheet(await permitWorkbook(), recogniser);
    assert.deepEqual([...seen], ['Summary', 'Permits 2024']);
    seen.clear();
    const csv = Buffer.from('Permit list\n\nPermit number;Exporter;Importer\n24KE1;KE;CN\n');
    const sheet = await openSheet(csv, recogniser);
    assert.deepEqual([...seen], [null]);
    assert.equal(sheet.headerRow, 3);
    assert.deepEqual(await rowsOf(sheet.rows), [{ rowNumber: 4, values: ['24KE1', 'KE', 'CN'] }]);
  });

  test('a file without the header sought is refused as no_header', async () => {
    const csv = Buffer.from('Date of seizure,Species,Quantity\n01/02/2025,Manis javanica,3\n');
    await assert.rejects(
      openSheet(csv, isPermitHeader),
      (error: unknown) => error instanceof UnreadableFileError && error.reason === 'no_header',
    );
  });

  test('without a recogniser, the first row that is not blank is the header', async () => {
    const sheet = await openSheet(Buffer.from('\n,,\nname,colour\nfox,red\n'));
    assert.equal(sheet.headerRow, 3);
    assert.deepEqual(sheet.header, ['name', 'colour']);
    assert.deepEqual(await rowsOf(sheet.rows), [{ rowNumber: 4, values: ['fox', 'red'] }]);
  });
});
