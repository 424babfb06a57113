/**
 * The real files in ../shared/realdata as a data officer would try them: the seizure compilations are staged
 * (every row imported, rejected or a duplicate, with sampled values checked: live pangolins, whole animals with
 * their weight, the seizure country per row, a count next to a weight), and the files that are not seizure
 * reports (trade database extract, shipment lists, legal-trade report format) are refused with the reason before
 * any report exists. Skipped when ../shared/realdata is not beside the checkout (outside CI).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { realDataFile } from '../../../../test/support/real-data.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { systemActor } from '../../../shared/actor.ts';
import { uploadFieldsSchema } from '../../../shared/imports.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { ValidationError } from '../../errors.ts';
import { validationDetail } from '../../http/errors.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { stageUpload } from './stage/stage-upload.ts';
import { readRows } from './staged-rows.repo.ts';
import { submitBatch } from './submit/submit-batch.ts';
import { RULES } from './check/validation-rules.ts';

const file = (name: string) => realDataFile(name);
const eia = file('eia_pangolin_seizures_2000-2019.xlsx');
const c4ads = file('c4ads_routes_airport_seizures_2009-2016.csv');
const actor = systemActor('real-file test');
const clock = () => new Date('2026-01-15T00:00:00Z');

/** The most frequent problems of rejected rows, by code and value. */
function topReasons(rows: Awaited<ReturnType<typeof readRows>>) {
  const counts = new Map<string, number>();
  for (const row of rows)
    if (row.outcome === 'reject')
      for (const p of row.problems.filter((found) => RULES[found.code].severity === 'blocking')) {
        const key = `${p.code}${p.params.value === undefined ? '' : `:${String(p.params.value)}`}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6);
}

describe('real files', { skip: !eia || !c4ads ? 'realdata folder absent' : false }, () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database?.close());
  const deps = () => ({ db: database.db, clock });

  async function stage(name: string, party: string, year: number) {
    const bytes = fs.readFileSync(file(name)!);
    const fields = uploadFieldsSchema.parse({ party, year: String(year) });
    const batch = await stageUpload(deps(), actor, NO_REQUEST, { fields, fileName: name, bytes });
    const rows = await withActor(database.db, actor, (tx) => readRows(tx, batch.id, 0, 5000));
    return { batch, rows };
  }

  async function refusal(name: string): Promise<string> {
    try {
      await stage(name, 'US', 2016);
    } catch (error) {
      if (error instanceof ValidationError) return validationDetail(error, 'en');
      throw error;
    }
    assert.fail(`${name} was staged`);
  }

  test('EIA pangolin incidents: live pangolins, whole animals with weight, seizure country per row', async () => {
    const { batch, rows } = await stage('eia_pangolin_seizures_2000-2019.xlsx', 'KE', 2019);
    const summary = await submitBatch(deps(), actor, NO_REQUEST, { id: batch.id });
    console.log('EIA', JSON.stringify(summary), JSON.stringify(topReasons(rows)));
    assert.equal(summary.total, 1104);
    assert.deepEqual([summary.imported, summary.rejected, summary.duplicates], [902, 199, 3]);
    assert.equal(summary.imported + summary.rejected + summary.duplicates, summary.total);
    const first = rows.find((r) => r.rowNumber === 2)!;
    assert.deepEqual(
      [
        first.values.termCode,
        first.values.quantityKg,
        first.values.seizureCountry,
        first.values.exportCountry,
      ],
      ['SCA', 2145, 'HK', 'ID'],
    );
    // Row 53: 80 live pangolins seized in Thailand.
    const live = rows.find((r) => r.rowNumber === 53)!;
    assert.deepEqual(
      [live.values.termCode, live.values.quantityCount, live.values.seizureCountry],
      ['LIV', 80, 'TH'],
    );
    // Row 52: 50 whole pangolins (carcasses) in Indonesia; their estimated 250 kg is not taken as reported.
    const whole = rows.find((r) => r.rowNumber === 52)!;
    assert.deepEqual(
      [
        whole.values.termCode,
        whole.values.quantityCount,
        whole.values.quantityKg,
        whole.values.seizureCountry,
      ],
      ['BOD', 50, null, 'ID'],
    );
    const weighed = rows.find(
      (r) => r.values.termCode === 'BOD' && r.values.quantityCount !== null && r.values.quantityKg !== null,
    );
    assert.ok(weighed, 'a whole-animal row keeps both its count and its reported weight');
    assert.equal(first.cells['Country of seizure'], 'China - Hong Kong');
    // Whole animals seized next to scales: two records (whole, scales) of one case, nothing dropped.
    const mixed = rows.filter((r) => r.outcome === 'import' && r.cells['Quantity #2'] !== undefined);
    assert.ok(mixed.length > 0, 'some incidents seized whole pangolins and scales together');
    const cases = await database.db
      .selectFrom('seizure_records')
      .select(['case_id', 'term_code', 'quantity_count', 'quantity_kg', 'source_row'])
      .where('report_id', '=', summary.reportId)
      .where('source_row', '=', mixed[0]!.rowNumber)
      .execute();
    assert.equal(cases.length, 2);
    assert.ok(cases[0]!.case_id !== null && cases[0]!.case_id === cases[1]!.case_id);
    assert.deepEqual(cases.map((c) => c.term_code).sort(), [mixed[0]!.values.termCode, 'SCA'].sort());
    const records = await database.db
      .selectFrom('seizure_records')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('report_id', '=', summary.reportId)
      .executeTakeFirstOrThrow();
    console.log('EIA records', records.n, 'rows with a second kind of specimen', mixed.length);
  });

  test('C4ADS airport seizures: seizure country per row, count next to weight, the source cells kept', async () => {
    const { batch, rows } = await stage('c4ads_routes_airport_seizures_2009-2016.csv', 'US', 2016);
    const summary = await submitBatch(deps(), actor, NO_REQUEST, { id: batch.id });
    console.log('C4ADS', JSON.stringify(summary), JSON.stringify(topReasons(rows)));
    assert.equal(summary.total, 773);
    assert.deepEqual([summary.imported, summary.rejected, summary.duplicates], [357, 414, 2]);
    assert.equal(summary.imported + summary.rejected + summary.duplicates, summary.total);
    const first = rows.find((r) => r.rowNumber === 2)!;
    assert.deepEqual(
      [
        first.values.seizureDate,
        first.values.originCountry,
        first.values.seizureCountry,
        first.values.quantityCount,
      ],
      ['2009-01-18', 'GY', 'US', 3],
    );
    const second = rows.find((r) => r.rowNumber === 3)!;
    assert.deepEqual([second.values.seizureCountry, second.values.transitCountries], ['AU', ['AE']]);
    const both = rows.find((r) => r.values.quantityCount !== null && r.values.quantityKg !== null);
    assert.ok(both, 'a row with a Number and a Weight keeps both');
    // Row 6 (Jakarta, 2009): the record keeps the source's cells under the source's own headers, untrimmed.
    const record = await database.db
      .selectFrom('seizure_records')
      .select(['original', 'seizure_country'])
      .where('source_row', '=', 6)
      .where('report_id', '=', summary.reportId)
      .executeTakeFirstOrThrow();
    const original = record.original;
    assert.equal(original['City, Country'], 'Jakarta, Indonesia');
    assert.equal(original['Location '], 'Soekarno-Hatta Airport');
    assert.ok('Date ' in original && !('Date of seizure' in original));
    assert.equal(record.seizure_country, 'ID');
  });

  test('C4ADS trade chains: not our template, staged with every column listed and suggested for mapping', async () => {
    const { batch } = await stage('c4ads_routes_airport_seizures_tradechain.csv', 'US', 2016);
    const suggested = new Map(batch.sourceColumns.map((c) => [c.header.trim(), c.suggestion]));
    assert.equal(batch.sourceColumns.length, 26);
    assert.equal(suggested.get('Seizure Country'), 'Country of seizure');
    assert.equal(suggested.get('Origin Country1'), 'Country of origin');
    assert.equal(suggested.get('Destination Country1'), 'Country of destination');
    assert.equal(suggested.get('Transit Country1'), 'Countries of transit');
    assert.equal(batch.mapping.decidedBy, 'file', 'read by its headers until a reviewer maps it');
    console.log('C4ADS trade chains', JSON.stringify(batch.counts));
  });

  test('files that are not seizure reports are refused with the reason, before any report exists', async () => {
    const before = await database.db.selectFrom('import_batches').select('id').execute();
    assert.match(await refusal('cites_comptab_manidae_1977-2018.csv'), /extract of the CITES Trade Database/);
    assert.match(
      await refusal('usfws_lemis_amphibian_cleaned_2016-2021.csv'),
      /shipments declared at a border/,
    );
    assert.match(
      await refusal('usfws_lemis_amphibian_decdetail_2016-2021.xlsx'),
      /shipments declared at a border/,
    );
    assert.match(await refusal('sapi_cites_annual_report_upload_sample.csv'), /annual report of legal trade/);
    const afterwards = await database.db.selectFrom('import_batches').select('id').execute();
    assert.equal(afterwards.length, before.length);
  });
});
