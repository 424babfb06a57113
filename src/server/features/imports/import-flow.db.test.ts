/**
 * The staged import through the HTTP app on a real database: upload, problems with suggestions, a cell
 * correction, accepted warnings, submit with counts that add up, duplicates on re-import, a formula stored as
 * text and neutralised in the error CSV, an interrupted submit that leaves the live tables as they were, and the
 * denials (another Party's reporter gets 404, a member and an IGO user are refused).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createTestUser, signIn, testClock, type ApiClient } from '../../../../test/support/identity.ts';
import {
  importBatchSchema,
  stagingRowPageSchema,
  submitResultSchema,
  type ImportBatch,
} from '../../../shared/imports.contract.ts';
import { systemActor, type UserActor } from '../../../shared/actor.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { ForbiddenError } from '../../errors.ts';
import { submitBatch } from './submit/submit-batch.ts';

let t: TestApp;
const clock = testClock(Date.parse('2026-03-01T10:00:00Z'));
let reporterKE: ApiClient;
let reporterKEName: string;
let reporterTZ: ApiClient;
let memberKE: ApiClient;
let igoUser: ApiClient;
let officer: ApiClient;

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const db = t.database.db;
  const kenyanReporter = await createTestUser(db, { kind: 'party', party: 'KE', role: 'reporter' });
  const named = await db
    .selectFrom('users')
    .select(['first_name', 'last_name'])
    .where('email', '=', kenyanReporter.email)
    .executeTakeFirstOrThrow();
  reporterKEName = `${named.first_name} ${named.last_name}`;
  reporterKE = await signIn(t.app, clock, kenyanReporter);
  reporterTZ = await signIn(
    t.app,
    clock,
    await createTestUser(db, { kind: 'party', party: 'TZ', role: 'reporter' }),
  );
  memberKE = await signIn(
    t.app,
    clock,
    await createTestUser(db, { kind: 'party', party: 'KE', role: 'member' }),
  );
  igoUser = await signIn(
    t.app,
    clock,
    await createTestUser(db, { kind: 'igo', party: null, role: 'member' }),
  );
  officer = await signIn(
    t.app,
    clock,
    await createTestUser(db, { kind: 'secretariat', party: null, role: 'data_officer' }),
  );
});
after(async () => t?.close());

const HEADER =
  'DATE OF  SEIZURE;Espèce;Description du spécimen;Cantidad;Unit;Country of origin;"Countries\nof transit";Nationality of offenders;Additional information;Colour';

const FILE = [
  HEADER,
  '15/03/2025;Manis javanica;SCA;120;kg;Viet Nam;USA, China - Hong Kong;Côte d\'Ivoire;"=HYPERLINK(""http://evil.example"",""click"")";red',
  '2025-04-02;Loxodonta africana;tusks;4;;Tanzania;;;;',
  '16/03/2025;Manis javanicus;SCA;400g each;KIL;XX;;;;',
  '15/03/2024;Manis pentadactyla;écailles;2,5;kilogrammes;Vietnam;;;;',
  "15/03/2025;Manis javanica;SCA;120;kg;Viet Nam;USA, China - Hong Kong;Côte d'Ivoire;other words;",
  '01/01/2027;Manis javanica;SCA;1;kg;Narnia;;;;',
].join('\r\n');

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----itdtest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  client: ApiClient,
  fields: Record<string, string>,
  content: Buffer,
  name = 'report.csv',
) {
  const body = multipart(fields, { name, content });
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      cookie: `itd_session=${client.cookie}`,
      'x-csrf-token': client.csrf ?? '',
      'accept-language': 'fr',
    },
  });
}

async function rowsOf(client: ApiClient, id: string) {
  const response = await client.call('GET', `/api/v1/imports/${id}/rows?limit=500`, undefined, {
    'accept-language': 'fr',
  });
  assert.equal(response.statusCode, 200, response.body);
  return stagingRowPageSchema.parse(response.json()).items;
}

const liveCounts = async () => {
  const db = t.database.db;
  const records = await db
    .selectFrom('seizure_records')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const reports = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { records: Number(records.n), reports: Number(reports.n) };
};

describe('staged import', () => {
  let batch: ImportBatch;

  test('an upload is staged with every problem, and nothing reaches the live tables', async () => {
    const before = await liveCounts();
    const response = await upload(
      reporterKE,
      { year: '2025', shareParties: 'yes' },
      Buffer.from(FILE, 'utf8'),
    );
    assert.equal(response.statusCode, 201, response.body);
    batch = importBatchSchema.parse(response.json());
    assert.equal(batch.party, 'KE');
    assert.deepEqual(batch.unknownColumns, ['Colour']);
    assert.equal(batch.counts.total, 6);
    assert.deepEqual(await liveCounts(), before);

    const rows = await rowsOf(reporterKE, batch.id);
    const first = rows.find((r) => r.row === 2)!;
    assert.equal(first.outcome, 'import');
    assert.equal(first.normalised.originCountry, 'VN');
    assert.deepEqual(first.normalised.transitCountries, ['US', 'HK']);
    assert.deepEqual(first.normalised.offenderNationalities, ['CI']);
    assert.equal(first.normalised.quantityKg, 120);
    assert.equal(first.cells['Additional information'], '=HYPERLINK("http://evil.example","click")');

    const elephant = rows.find((r) => r.row === 3)!;
    assert.equal(elephant.normalised.termCode, 'TUS');
    assert.equal(elephant.normalised.isElephant, true);

    const bad = rows.find((r) => r.row === 4)!;
    assert.equal(bad.outcome, 'reject');
    const species = bad.problems.find((p) => p.code === 'species_unknown')!;
    assert.equal(species.suggestion, 'Manis javanica');
    assert.equal(species.column, 'Species');
    assert.match(species.message, /n’est pas un nom de la liste CITES/);
    const quantity = bad.problems.find((p) => p.code === 'quantity_invalid')!;
    assert.equal(quantity.value, '400g each');
    assert.equal(quantity.suggestion, '400');
    assert.equal(quantity.severity, 'blocking');

    const outside = rows.find((r) => r.row === 5)!;
    assert.equal(outside.normalised.quantity, 2.5);
    assert.deepEqual(
      outside.problems.map((p) => [p.code, p.severity]),
      [['date_outside_year', 'warning']],
    );
    assert.equal(outside.outcome, 'import');

    const duplicate = rows.find((r) => r.row === 6)!;
    assert.equal(duplicate.outcome, 'duplicate');
    assert.equal(duplicate.problems[0]!.code, 'duplicate_in_file');

    const future = rows.find((r) => r.row === 7)!;
    assert.deepEqual(future.problems.map((p) => p.code).sort(), ['country_unknown', 'date_in_future']);
  });

  test('the error report lists the problems as formula-safe CSV', async () => {
    const response = await reporterKE.call('GET', `/api/v1/imports/${batch.id}/problems.csv`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /^\uFEFFrow,column,value,code,severity,message,suggestion/);
    assert.match(response.body, /4,Quantity,400g each,quantity_invalid,blocking,.*,400/);
    // No cell of the report starts a formula.
    for (const line of response.body.split('\n').slice(1))
      for (const cell of line.split(',')) assert.doesNotMatch(cell, /^"?[=+@]/);
  });

  test('a corrected cell is re-validated; warnings are accepted', async () => {
    const fix = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/imports/${batch.id}/rows/4`,
      payload: { column: 'Quantity', value: '400' },
      headers: { cookie: `itd_session=${reporterKE.cookie}`, 'x-csrf-token': reporterKE.csrf ?? '' },
    });
    assert.equal(fix.statusCode, 200, fix.body);
    assert.deepEqual(
      fix.json<{ problems: { code: string }[] }>().problems.map((p) => p.code),
      ['species_unknown'],
    );
    const species = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/imports/${batch.id}/rows/4`,
      payload: { column: 'Species', value: 'Manis javanica' },
      headers: { cookie: `itd_session=${reporterKE.cookie}`, 'x-csrf-token': reporterKE.csrf ?? '' },
    });
    assert.equal(species.json<{ outcome: string }>().outcome, 'import');

    const accepted = await reporterKE.call('POST', `/api/v1/imports/${batch.id}/accept-warnings`, {
      rows: 'all',
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const counts = importBatchSchema.parse(accepted.json()).counts;
    assert.deepEqual(counts, { total: 6, blank: 0, ready: 4, blocking: 1, warnings: 0, duplicates: 1 });
  });

  test('another Party’s reporter gets 404; a member and an IGO user are refused', async () => {
    for (const url of [
      `/api/v1/imports/${batch.id}`,
      `/api/v1/imports/${batch.id}/rows`,
      `/api/v1/imports/${batch.id}/problems.csv`,
    ])
      assert.equal((await reporterTZ.call('GET', url)).statusCode, 404, url);
    assert.equal((await reporterTZ.call('POST', `/api/v1/imports/${batch.id}/submit`)).statusCode, 404);
    const list = await reporterTZ.call('GET', '/api/v1/imports');
    assert.equal(list.json<{ items: unknown[] }>().items.length, 0);
    assert.equal(
      (await upload(reporterTZ, { year: '2025', party: 'KE' }, Buffer.from(FILE))).statusCode,
      404,
    );
    assert.equal((await memberKE.call('GET', `/api/v1/imports/${batch.id}`)).statusCode, 403);
    assert.equal((await upload(memberKE, { year: '2025' }, Buffer.from(FILE))).statusCode, 403);
    assert.equal((await igoUser.call('GET', `/api/v1/imports/${batch.id}`)).statusCode, 403);
    // The Secretariat's data officer sees every Party's batches.
    assert.equal((await officer.call('GET', `/api/v1/imports/${batch.id}`)).statusCode, 200);
  });

  test('a Party’s reporter may not submit and publish at once; nothing is written', async () => {
    const before = await liveCounts();
    const reporter: UserActor = {
      kind: 'user',
      userId: '00000000-0000-4000-8000-00000000000a',
      label: 'Kenyan reporter',
      organisationId: '00000000-0000-4000-8000-00000000000b',
      organisationKind: 'party',
      party: 'KE',
      role: 'reporter',
      hasItdAccess: true,
    };
    await assert.rejects(
      submitBatch({ db: t.database.db, clock }, reporter, NO_REQUEST, { id: batch.id, publish: true }),
      ForbiddenError,
    );
    assert.deepEqual(await liveCounts(), before);
  });

  test('an interrupted submit leaves the live tables and the batch as they were', async () => {
    const before = await liveCounts();
    const actor = systemActor('test');
    await assert.rejects(
      submitBatch({ db: t.database.db, clock }, actor, NO_REQUEST, {
        id: batch.id,
        onProgress: () => {
          throw new Error('connection lost');
        },
      }),
      /connection lost/,
    );
    assert.deepEqual(await liveCounts(), before);
    const still = await reporterKE.call('GET', `/api/v1/imports/${batch.id}`);
    assert.equal(importBatchSchema.parse(still.json()).status, 'staged');
  });

  test('submit commits the rows in one go; the counts add up; the formula is stored as text', async () => {
    const response = await reporterKE.call('POST', `/api/v1/imports/${batch.id}/submit`);
    assert.equal(response.statusCode, 200, response.body);
    const summary = submitResultSchema.parse(response.json());
    assert.deepEqual(
      {
        imported: summary.imported,
        rejected: summary.rejected,
        duplicates: summary.duplicates,
        total: summary.total,
      },
      { imported: 4, rejected: 1, duplicates: 1, total: 6 },
    );
    assert.equal(summary.reportStatus, 'draft');
    const records = await t.database.db
      .selectFrom('seizure_records')
      .selectAll()
      .where('report_id', '=', summary.reportId)
      .orderBy('source_row')
      .execute();
    assert.equal(records.length, 4);
    assert.equal(records[0]!.additional_info, '=HYPERLINK("http://evil.example","click")');
    assert.equal(records[0]!.original.Colour, 'red');
    assert.equal(records[0]!.share_parties, true);
    // Row 4 was corrected in review: the record keeps what the file said under the file's own headers, and the
    // two corrections with who.
    const fixed = records.find((r) => r.source_row === 4)!;
    assert.equal(fixed.original.Cantidad, '400g each');
    assert.equal(fixed.original['Espèce'], 'Manis javanicus');
    assert.equal(Number(fixed.quantity), 400);
    assert.equal(fixed.taxon_name, 'Manis javanica');
    assert.deepEqual(
      fixed.review_fixes?.map(({ column, from, to, by }) => ({ column, from, to, by })),
      [
        { column: 'Quantity', from: '400g each', to: '400', by: reporterKEName },
        { column: 'Species', from: 'Manis javanicus', to: 'Manis javanica', by: reporterKEName },
      ],
    );
    assert.equal(records.find((r) => r.source_row === 2)!.review_fixes, null);
    const file = await t.database.db
      .selectFrom('report_files')
      .select(['report_id', 'size_bytes'])
      .where('report_id', '=', summary.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(file.size_bytes, Buffer.byteLength(FILE));
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'import.%')
      .execute();
    assert.ok(audit.some((a) => a.action === 'import.submit'));
    assert.equal((await reporterKE.call('POST', `/api/v1/imports/${batch.id}/submit`)).statusCode, 409);
  });

  test('re-importing the same file finds the stored duplicates and makes no empty draft', async () => {
    const response = await upload(officer, { year: '2025', party: 'KE' }, Buffer.from(FILE, 'utf8'));
    assert.equal(response.statusCode, 201, response.body);
    const again = importBatchSchema.parse(response.json());
    const rows = await rowsOf(officer, again.id);
    assert.ok(rows.find((r) => r.row === 2)!.problems.some((p) => p.code === 'duplicate_stored'));
    // Rows 2, 3 and 5 are stored already; row 6 is a second copy in the file; rows 4 and 7 are rejected.
    assert.deepEqual([again.counts.ready, again.counts.duplicates, again.counts.blocking], [0, 4, 2]);
    const before = await liveCounts();
    const refused = await officer.call('POST', `/api/v1/imports/${again.id}/submit`);
    assert.equal(refused.statusCode, 400);
    assert.match(
      refused.json<{ detail: string }>().detail,
      /has no row that can be imported \(2 rejected, 4 duplicates of 6\); no report was created/,
    );
    assert.deepEqual(await liveCounts(), before);
  });

  test('files that are neither XLSX nor CSV are refused', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0)]);
    const response = await upload(reporterKE, { year: '2025' }, pdf, 'report.csv');
    assert.equal(response.statusCode, 400);
  });

  test('the templates are served as XLSX and CSV', async () => {
    const xlsx = await reporterKE.call('GET', '/api/v1/imports/template.xlsx?language=es');
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
    const csv = await reporterKE.call('GET', '/api/v1/imports/template.csv?language=fr');
    assert.match(csv.body, /Date de la saisie,Organisme ayant procédé à la saisie,Espèce/);
    assert.equal((await memberKE.call('GET', '/api/v1/imports/template.csv')).statusCode, 403);
  });
});
