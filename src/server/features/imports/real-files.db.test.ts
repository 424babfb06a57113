/**
 * The two real third-party compilations read through their mapping profiles: every row is accounted for
 * (imported + rejected + duplicates = rows in the file), with a sample of normalised values checked.
 * Skipped when ../shared/realdata is not beside the checkout (outside CI).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { realDataFile } from '../../../../test/support/real-data.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { systemActor } from '../../../shared/actor.ts';
import { uploadFieldsSchema } from '../../../shared/imports.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { stageUpload } from './stage/stage-upload.ts';
import { readRows } from './staged-rows.repo.ts';
import { submitBatch } from './submit/submit-batch.ts';

const eia = realDataFile('eia_pangolin_seizures_2000-2019.xlsx');
const c4ads = realDataFile('c4ads_routes_airport_seizures_2009-2016.csv');
/** The most frequent values behind unknown species and countries, for the record of what real files contain. */
function unknownValues(rows: Awaited<ReturnType<typeof readRows>>) {
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const p of row.problems)
      if (p.code === 'country_unknown' || p.code === 'species_unknown') {
        const key = `${p.code}:${String(p.params.value)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12);
}

const actor = systemActor('real-file test');
const clock = () => new Date('2026-01-15T00:00:00Z');

describe('real seizure compilations', { skip: !eia || !c4ads ? 'realdata folder absent' : false }, () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database?.close());

  async function importFile(file: string, party: string, year: number) {
    const bytes = fs.readFileSync(file);
    const fields = uploadFieldsSchema.parse({ party, year: String(year) });
    const deps = { db: database.db, clock };
    const { id: batchId } = await stageUpload(deps, actor, NO_REQUEST, { fields, fileName: file, bytes });
    const rows = await withActor(database.db, actor, (tx) => readRows(tx, batchId, 0, 5000));
    const summary = await submitBatch(deps, actor, NO_REQUEST, { id: batchId });
    return { rows, summary };
  }

  test('EIA pangolin incidents (XLSX): every row accounted for', async () => {
    const { rows, summary } = await importFile(eia!, 'KE', 2019);
    console.log('EIA', JSON.stringify(summary));
    const codes = new Map<string, number>();
    for (const row of rows) for (const p of row.problems) codes.set(p.code, (codes.get(p.code) ?? 0) + 1);
    console.log('EIA problems', JSON.stringify([...codes]));
    console.log('EIA unknown values', JSON.stringify(unknownValues(rows)));
    assert.equal(summary.total, 1104);
    assert.deepEqual([summary.imported, summary.rejected, summary.duplicates], [897, 204, 3]);
    assert.equal(summary.imported + summary.rejected + summary.duplicates, summary.total);
    const first = rows.find((r) => r.rowNumber === 2)!;
    assert.equal(first.values.seizureDate, '2000-03-15');
    assert.equal(first.values.termCode, 'SCA');
    assert.equal(first.values.quantityKg, 2145);
    assert.equal(first.values.taxonName, 'Manidae');
    assert.equal(first.values.exportCountry, 'ID');
    assert.equal(first.cells.Location, 'Fanling, Hong Kong, China - Hong Kong');
  });

  test('C4ADS ROUTES airport seizures (Windows-1252 CSV): every row accounted for', async () => {
    const { rows, summary } = await importFile(c4ads!, 'US', 2016);
    console.log('C4ADS', JSON.stringify(summary));
    const codes = new Map<string, number>();
    for (const row of rows) for (const p of row.problems) codes.set(p.code, (codes.get(p.code) ?? 0) + 1);
    console.log('C4ADS problems', JSON.stringify([...codes]));
    console.log('C4ADS unknown values', JSON.stringify(unknownValues(rows)));
    assert.equal(summary.total, 773);
    assert.equal(summary.imported + summary.rejected + summary.duplicates, summary.total);
    const first = rows.find((r) => r.rowNumber === 2)!;
    assert.equal(first.values.seizureDate, '2009-01-18');
    assert.equal(first.values.originCountry, 'GY');
    assert.equal(first.values.destinationCountry, 'US');
    assert.equal(first.values.quantityCount, 3);
    const second = rows.find((r) => r.rowNumber === 3)!;
    assert.deepEqual(second.values.transitCountries, ['AE']);
    const text = rows.find((r) => r.problems.some((p) => p.code === 'quantity_invalid'))!;
    assert.equal(text.cells.Quantity, '100s');
    assert.ok(text.problems.some((p) => p.code === 'quantity_invalid' && p.suggestion === '100'));
    assert.deepEqual([summary.imported, summary.rejected, summary.duplicates], [229, 543, 1]);
  });
});
