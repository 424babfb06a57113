/**
 * The review at the scale of real files, through the HTTP app on a real database: problems grouped by column and
 * value with their counts; one fix replaces the value in every row that holds it (each row keeps the correction
 * with who and when); a warning accepted for all the rows of one value and no other; the problem list as CSV,
 * formula-safe; blank rows counted so the summary adds up to the file's lines. Denials: another Party's reporter
 * gets 404 for the groups and the fix, a member without the import role 403.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import { createTestUser, signIn, testClock, type ApiClient } from '../../../../../test/support/identity.ts';
import { uploadImportCsv } from '../../../../../test/support/import-upload.ts';
import {
  importBatchSchema,
  problemGroupListSchema,
  stagingRowPageSchema,
  type ImportBatch,
} from '../../../../shared/imports.contract.ts';

let t: TestApp;
const clock = testClock(Date.parse('2026-03-01T10:00:00Z'));
let reporterKE: ApiClient;
let reporterTZ: ApiClient;
let memberKE: ApiClient;

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const db = t.database.db;
  const user = async (party: string, role: 'reporter' | 'member') =>
    signIn(t.app, clock, await createTestUser(db, { kind: 'party', party, role }));
  reporterKE = await user('KE', 'reporter');
  reporterTZ = await user('TZ', 'reporter');
  memberKE = await user('KE', 'member');
});
after(async () => t?.close());

const HEADER = 'Date of seizure,Species,Description of specimen,Quantity,Unit,Location';
/** Line 1 the header, rows on lines 2-4 and 6-9, line 5 and line 10 blank (the last line ends the file). */
const FILE = [
  HEADER,
  '15/03/2024,Manis javanicus,SCA,1,KIL,Port 1',
  '16/03/2024,Manis javanicus,SCA,2,KIL,Port 2',
  '15/03/2023,Manis javanica,SCA,3,KIL,Port 3',
  ',,,,,',
  '15/03/2023,Manis javanica,SCA,4,KIL,Port 4',
  '17/03/2024,Manis javanicus,SCA,5,KIL,"=HYPERLINK(""http://evil.example"")"',
  '18/03/2024,Manis javanica,SCA,6,KIL,Port 6',
  '14/03/2023,Manis javanica,SCA,7,KIL,Port 7',
  '',
].join('\n');

async function groupsOf(client: ApiClient, id: string) {
  const response = await client.call('GET', `/api/v1/imports/${id}/problem-groups`);
  assert.equal(response.statusCode, 200, response.body);
  return problemGroupListSchema.parse(response.json()).items;
}

describe('problems grouped by value', () => {
  let batch: ImportBatch;

  test('blank rows are counted as blank: header, rows and blank rows add up to the lines', async () => {
    const response = await uploadImportCsv(t.app, reporterKE, FILE);
    assert.equal(response.statusCode, 201, response.body);
    batch = importBatchSchema.parse(response.json());
    assert.equal(batch.counts.total, 7);
    assert.equal(batch.counts.blank, 1);
    assert.equal(batch.headerRow + batch.counts.total + batch.counts.blank, 9, 'the last row is on line 9');
  });

  test('problems are grouped by column, value and kind, with counts, largest first', async () => {
    const groups = await groupsOf(reporterKE, batch.id);
    const species = groups.find((g) => g.column === 'Species' && g.value === 'Manis javanicus');
    assert.equal(species?.rows, 3);
    assert.equal(species?.suggestion, 'Manis javanica');
    const year = groups.filter((g) => g.code === 'date_outside_year');
    assert.deepEqual(
      year.map((g) => [g.value, g.rows, g.severity]),
      [
        ['15/03/2023', 2, 'warning'],
        ['14/03/2023', 1, 'warning'],
      ],
    );
    assert.ok(groups[0]!.rows >= groups.at(-1)!.rows);
  });

  test('another Party gets 404 for the groups and the fix; a member 403', async () => {
    assert.equal(
      (await reporterTZ.call('GET', `/api/v1/imports/${batch.id}/problem-groups`)).statusCode,
      404,
    );
    const fix = { column: 'Species', from: 'Manis javanicus', to: 'Manis javanica' };
    assert.equal(
      (await reporterTZ.call('POST', `/api/v1/imports/${batch.id}/fix-value`, fix)).statusCode,
      404,
    );
    assert.equal((await memberKE.call('POST', `/api/v1/imports/${batch.id}/fix-value`, fix)).statusCode, 403);
    const rows = stagingRowPageSchema.parse(
      (await reporterKE.call('GET', `/api/v1/imports/${batch.id}/rows`)).json(),
    );
    assert.equal(
      rows.items.filter((r) => r.cells.Species === 'Manis javanicus').length,
      3,
      'nothing changed',
    );
  });

  test('one fix replaces the value in every row that holds it, each row keeping the correction', async () => {
    const response = await reporterKE.call('POST', `/api/v1/imports/${batch.id}/fix-value`, {
      column: 'Species',
      from: 'Manis javanicus',
      to: 'Manis javanica',
    });
    assert.equal(response.statusCode, 200, response.body);
    const groups = await groupsOf(reporterKE, batch.id);
    assert.ok(!groups.some((g) => g.column === 'Species'), 'no species problem left');
    const edits = await t.database.db
      .selectFrom('import_rows')
      .select(['row_number', 'edits', 'file_cells'])
      .where('batch_id', '=', batch.id)
      .where('row_number', 'in', [2, 3, 7])
      .execute();
    assert.equal(edits.length, 3);
    for (const row of edits) {
      assert.equal(row.edits[0]?.to, 'Manis javanica');
      assert.equal(row.file_cells?.Species, 'Manis javanicus', 'the file kept what it said');
    }
    const again = await reporterKE.call('POST', `/api/v1/imports/${batch.id}/fix-value`, {
      column: 'Species',
      from: 'Manis javanicus',
      to: 'Manis javanica',
    });
    assert.equal(again.statusCode, 404, 'no row holds the value any more');
  });

  test('a warning is accepted for all the rows of one value, and for no other value', async () => {
    const response = await reporterKE.call('POST', `/api/v1/imports/${batch.id}/accept-warnings`, {
      rows: 'all',
      codes: ['date_outside_year'],
      where: { column: 'Date of seizure', value: '15/03/2023' },
    });
    assert.equal(response.statusCode, 200, response.body);
    const year = (await groupsOf(reporterKE, batch.id)).filter((g) => g.code === 'date_outside_year');
    assert.deepEqual(
      year.map((g) => [g.value, g.open]),
      [
        ['15/03/2023', 0],
        ['14/03/2023', 1],
      ],
    );
  });

  test('the problem list downloads as CSV with formulas neutralised', async () => {
    // A formula written as the fix becomes a date problem whose value the CSV must not let a spreadsheet run.
    const fix = await reporterKE.call('POST', `/api/v1/imports/${batch.id}/fix-value`, {
      column: 'Date of seizure',
      from: '14/03/2023',
      to: '=SUM(1,2)',
    });
    assert.equal(fix.statusCode, 200, fix.body);
    const csv = await reporterKE.call('GET', `/api/v1/imports/${batch.id}/problems.csv`);
    assert.equal(csv.statusCode, 200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    assert.equal(lines[0], 'row,column,value,code,severity,message,suggestion');
    assert.ok(lines.some((line) => line.startsWith('9,Date of seizure,') && line.includes('SUM(1,2)')));
    assert.ok(!csv.body.includes(',=SUM'), 'a value starting with = is not written as a formula');
    assert.equal((await reporterTZ.call('GET', `/api/v1/imports/${batch.id}/problems.csv`)).statusCode, 404);
  });
});
