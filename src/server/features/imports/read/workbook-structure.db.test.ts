/**
 * The structure of real workbooks, through the HTTP app on a real database: a title row above the table, a header
 * in two rows ("Quantity" over "Number" and "Weight (kg)", "Country" over "origin" and "destination"), blank rows
 * in the middle and a totals row at the end. The second header row is not taken for a seizure, the totals row is
 * left out with its reason, and the title, header, rows and blank rows add up to the file's lines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import { createTestUser, signIn, testClock, type ApiClient } from '../../../../../test/support/identity.ts';
import { uploadImportCsv } from '../../../../../test/support/import-upload.ts';
import { importBatchSchema, stagingRowPageSchema } from '../../../../shared/imports.contract.ts';

let t: TestApp;
const clock = testClock(Date.parse('2026-03-01T10:00:00Z'));
let reporterKE: ApiClient;

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  reporterKE = await signIn(
    t.app,
    clock,
    await createTestUser(t.database.db, { kind: 'party', party: 'KE', role: 'reporter' }),
  );
});
after(async () => t?.close());

/** Line 1 a title, lines 2-3 the header, rows on 4, 5 and 7, line 6 blank, the totals on line 8. */
const FILE = [
  'Kenya Wildlife Service — seizures 2024,,,,,',
  'Date of seizure,Species,Quantity,,Country,',
  ',,Number,Weight (kg),Origin,Destination',
  '15/03/2024,Manis javanica,,120,Nigeria,China',
  '16/03/2024,Loxodonta africana,4,35.5,Tanzania,Viet Nam',
  ',,,,,',
  '17/03/2024,Manis javanica,12,,Cameroon,Malaysia',
  'Total,,16,155.5,,',
].join('\n');

describe('workbook structure', () => {
  test('a two-row header, a blank row and a totals row: every line accounted for', async () => {
    const response = await uploadImportCsv(t.app, reporterKE, FILE);
    assert.equal(response.statusCode, 201, response.body);
    const batch = importBatchSchema.parse(response.json());
    assert.equal(batch.headerRow, 3, 'the header ends on its second row');
    assert.deepEqual(
      batch.sourceColumns.map((c) => [c.header, c.to]),
      [
        ['Date of seizure', 'Date of seizure'],
        ['Species', 'Species'],
        ['Number', 'Quantity'],
        ['Weight (kg)', 'Quantity'],
        ['Country of Origin', 'Country of origin'],
        ['Country of Destination', 'Country of destination'],
      ],
    );
    assert.deepEqual([batch.counts.total, batch.counts.blank], [4, 1]);
    assert.equal(batch.headerRow + batch.counts.total + batch.counts.blank, 8, 'the last line is line 8');

    const rows = stagingRowPageSchema.parse(
      (await reporterKE.call('GET', `/api/v1/imports/${batch.id}/rows?limit=50`)).json(),
    ).items;
    assert.deepEqual(
      rows.map((r) => r.row),
      [4, 5, 7, 8],
    );
    const whole = rows.find((r) => r.row === 5)!;
    assert.deepEqual(
      [whole.normalised.quantityCount, whole.normalised.quantityKg, whole.normalised.originCountry],
      [4, 35.5, 'TZ'],
    );
    const totals = rows.find((r) => r.row === 8)!;
    assert.equal(totals.outcome, 'reject');
    assert.deepEqual(
      totals.problems.map((p) => p.code),
      ['totals_row'],
    );
  });
});
