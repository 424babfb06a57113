/**
 * A CSV is read piece by piece (never as one string): characters, quoted fields and rows cut by a piece boundary
 * come out whole, and the encoding is decided over the whole file, not over the first piece.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodedPieces, openSheet, textEncodingOf, type RawRow } from './read-upload.ts';

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
