/**
 * Duplicates within a file longer than one chunk: the first row of a seizure is found in an earlier chunk (read
 * back from the staged rows, not remembered in memory), a rejected row is never the first, and the same holds at
 * re-validation and at submit, where the report's own new records do not count as stored duplicates, while records
 * stored since the upload do. A fingerprint that only shares its prefix with an earlier row's is not taken for a
 * duplicate.
 */
import { ValidationError } from '../../../errors.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database.ts';
import { systemActor } from '../../../../shared/actor.ts';
import { IMPORT_COLUMNS, uploadFieldsSchema } from '../../../../shared/imports.contract.ts';
import { withActor } from '../../../db/with-actor.ts';
import { createInFileDuplicates } from './in-file-duplicates.ts';
import { NO_REQUEST } from '../../../lib/request-context.ts';
import { CHUNK_ROWS } from '../imports-deps.ts';
import { revalidateBatch } from '../review/revalidate-batch.ts';
import { stageUpload } from '../stage/stage-upload.ts';
import { readRows, type StagedRow } from '../staged-rows.repo.ts';
import { submitBatch } from '../submit/submit-batch.ts';

const actor = systemActor('chunk test');
const clock = () => new Date('2026-02-01T00:00:00Z');
let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => database?.close());
const deps = () => ({ db: database.db, clock });

const seizure = (quantity: number, note = '') => {
  const row: Record<string, string> = {
    'Date of seizure': '15/03/2025',
    Species: 'Manis javanica',
    'Description of specimen': 'scales',
    Quantity: String(quantity),
    Unit: 'kg',
    'Additional information': note,
  };
  return IMPORT_COLUMNS.map((column) => row[column] ?? '');
};

// Row 2 and row 3 are in the first chunk; the rows after the filler are in the second.
const FIRST_CHUNK_END = CHUNK_ROWS + 1;
const lines = [
  [...IMPORT_COLUMNS],
  seizure(1),
  seizure(2, 'x'.repeat(5000)), // rejected (too long): not the first of its seizure
  ...Array.from({ length: CHUNK_ROWS - 2 }, (_, i) => seizure(1000 + i)),
  seizure(1, 'seen again'), // row FIRST_CHUNK_END + 1: duplicate of row 2
  seizure(2), // the first importable row of the rejected row's seizure
  seizure(2, 'and again'), // duplicate of the row before
];
const FILE = Buffer.from(stringify(lines), 'utf8');

async function rowsAfterFirstChunk(batchId: string): Promise<StagedRow[]> {
  return withActor(database.db, actor, (tx) => readRows(tx, batchId, FIRST_CHUNK_END, 10));
}
const duplicatesOf = (row: StagedRow) =>
  row.problems.filter((p) => p.code.startsWith('duplicate')).map((p) => [p.code, p.params.first ?? null]);

describe('duplicates across chunks', () => {
  let batchId: string;
  test('staging finds the first row of a seizure in an earlier chunk', async () => {
    const fields = uploadFieldsSchema.parse({ party: 'KE', year: '2025' });
    batchId = (await stageUpload(deps(), actor, NO_REQUEST, { fields, fileName: 'long.csv', bytes: FILE }))
      .id;
    const [again, firstImportable, duplicate] = await rowsAfterFirstChunk(batchId);
    assert.deepEqual(duplicatesOf(again!), [['duplicate_in_file', 2]]);
    assert.equal(again!.outcome, 'duplicate');
    assert.deepEqual(duplicatesOf(firstImportable!), []);
    assert.equal(firstImportable!.outcome, 'import');
    assert.deepEqual(duplicatesOf(duplicate!), [['duplicate_in_file', FIRST_CHUNK_END + 2]]);
  });

  test('re-validation finds the same duplicates', async () => {
    const before = await rowsAfterFirstChunk(batchId);
    await revalidateBatch(deps(), actor, NO_REQUEST, { id: batchId });
    assert.deepEqual(await rowsAfterFirstChunk(batchId), before);
  });

  test('submit imports each seizure once and counts every row', async () => {
    const summary = await submitBatch(deps(), actor, NO_REQUEST, { id: batchId });
    assert.deepEqual(
      [summary.total, summary.imported, summary.rejected, summary.duplicates],
      [lines.length - 1, lines.length - 4, 1, 2],
    );
    // The records written from the first chunk are this report's own, not stored duplicates.
    const [again, firstImportable, duplicate] = await rowsAfterFirstChunk(batchId);
    assert.deepEqual(duplicatesOf(again!), [['duplicate_in_file', 2]]);
    assert.deepEqual(duplicatesOf(firstImportable!), []);
    assert.deepEqual(duplicatesOf(duplicate!), [['duplicate_in_file', FIRST_CHUNK_END + 2]]);
  });

  test('records stored between the upload and the submit are found at submit', async () => {
    // Two uploads of one file wait side by side; the first is submitted, then the second.
    const fields = uploadFieldsSchema.parse({ party: 'TZ', year: '2025' });
    const stage = async () =>
      (await stageUpload(deps(), actor, NO_REQUEST, { fields, fileName: 'twice.csv', bytes: FILE })).id;
    const [first, second] = [await stage(), await stage()];
    const firstSummary = await submitBatch(deps(), actor, NO_REQUEST, { id: first });
    assert.equal(firstSummary.imported, lines.length - 4);
    const [before] = await rowsAfterFirstChunk(second);
    assert.deepEqual(duplicatesOf(before!), [['duplicate_in_file', 2]], 'nothing was stored at its upload');

    // At submit every row is found stored (or rejected): the submit is refused and makes no empty report.
    await assert.rejects(
      submitBatch(deps(), actor, NO_REQUEST, { id: second }),
      (error: unknown) =>
        error instanceof ValidationError &&
        JSON.stringify(error.fields[0]!.params) ===
          JSON.stringify({ rejected: 1, duplicates: lines.length - 2, total: lines.length - 1 }),
    );
    // The same check, kept this time by a re-validation.
    await revalidateBatch(deps(), actor, NO_REQUEST, { id: second });
    const [again, firstImportable] = await rowsAfterFirstChunk(second);
    assert.deepEqual(duplicatesOf(again!), [
      ['duplicate_in_file', 2],
      ['duplicate_stored', null],
    ]);
    assert.deepEqual(duplicatesOf(firstImportable!), [['duplicate_stored', null]]);
    assert.equal(firstImportable!.outcome, 'duplicate');
  });

  test('a fingerprint sharing only the prefix of an earlier row is no duplicate', async () => {
    await withActor(database.db, actor, async (tx) => {
      const inFile = createInFileDuplicates(batchId);
      const firstChunk = (await readRows(tx, batchId, 0, CHUNK_ROWS)).filter((r) => r.outcome !== 'reject');
      const firstRowOf = await inFile.forChunk(tx, firstChunk);
      for (const row of firstChunk) firstRowOf(row.fingerprint, row.rowNumber);
      const twin = firstChunk[0]!.fingerprint;
      const lookalike = twin.slice(0, 8) + twin.slice(8).replace(/./g, (c) => (c === '0' ? '1' : '0'));
      const later = [
        { rowNumber: 900_000, fingerprint: lookalike },
        { rowNumber: 900_001, fingerprint: twin },
        { rowNumber: 900_002, fingerprint: lookalike },
      ];
      const laterRowOf = await inFile.forChunk(tx, later);
      assert.deepEqual(
        later.map((row) => laterRowOf(row.fingerprint, row.rowNumber)),
        [undefined, 2, 900_000],
      );
    });
  });
});
