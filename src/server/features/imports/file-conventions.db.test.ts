/**
 * A file whose dates do not settle their order is not guessed: its ambiguous dates block until the reviewer
 * chooses the order once for the file through the API, recorded with who and when, after which every row is read
 * that way. Another Party's reporter cannot choose for the batch (404), nor can a member without the import role.
 * A file whose dates prove month-first is read month-first and the batch says the file decided.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createTestUser, signIn, testClock, type ApiClient } from '../../../../test/support/identity.ts';
import { importBatchSchema, stagingRowPageSchema } from '../../../shared/imports.contract.ts';

let t: TestApp;
const clock = testClock(Date.parse('2026-03-01T10:00:00Z'));
let reporterKE: ApiClient;
let reporterTZ: ApiClient;
let memberKE: ApiClient;

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const db = t.database.db;
  reporterKE = await signIn(
    t.app,
    clock,
    await createTestUser(db, { kind: 'party', party: 'KE', role: 'reporter' }),
  );
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
});
after(async () => t?.close());

async function upload(client: ApiClient, csv: string) {
  const boundary = '----itdconv' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="year"\r\n\r\n2024\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: `itd_session=${client.cookie}`,
      'x-csrf-token': client.csrf ?? '',
    },
  });
  assert.equal(response.statusCode, 201, response.body);
  return importBatchSchema.parse(response.json());
}

const HEADER = 'Date of seizure,Species,Description of specimen,Quantity,Unit';

describe('the file date order', () => {
  test('a file proving month-first reads 2/3/2024 as 3 February and says the file decided', async () => {
    const batch = await upload(
      reporterKE,
      [HEADER, '1/13/2024,Manis javanica,SCA,5,KIL', '2/3/2024,Manis javanica,SCA,6,KIL'].join('\n'),
    );
    assert.equal(batch.conventions.dateOrder.value, 'mdy');
    assert.equal(batch.conventions.dateOrder.decidedBy, 'file');
    const rows = stagingRowPageSchema.parse(
      (await reporterKE.call('GET', `/api/v1/imports/${batch.id}/rows`)).json(),
    );
    assert.equal(rows.items.find((r) => r.row === 3)!.normalised.seizureDate, '2024-02-03');
  });

  test('a file settling nothing asks once; the reviewer chooses, recorded with who and when; others are refused', async () => {
    const batch = await upload(
      reporterKE,
      [HEADER, '2/3/2024,Manis javanica,SCA,5,KIL', '4/5/2024,Manis javanica,SCA,6,KIL'].join('\n'),
    );
    assert.equal(batch.conventions.dateOrder.value, null);
    assert.equal(batch.conventions.dateOrder.waitingRows, 2);
    assert.equal(batch.counts.blocking, 2);

    const other = await reporterTZ.call('POST', `/api/v1/imports/${batch.id}/conventions`, {
      dateOrder: 'dmy',
    });
    assert.equal(other.statusCode, 404);
    const member = await memberKE.call('POST', `/api/v1/imports/${batch.id}/conventions`, {
      dateOrder: 'dmy',
    });
    assert.equal(member.statusCode, 403);
    const empty = await reporterKE.call('POST', `/api/v1/imports/${batch.id}/conventions`, {});
    assert.equal(empty.statusCode, 400);

    const chosen = await reporterKE.call('POST', `/api/v1/imports/${batch.id}/conventions`, {
      dateOrder: 'dmy',
    });
    assert.equal(chosen.statusCode, 200, chosen.body);
    const view = importBatchSchema.parse(chosen.json());
    assert.equal(view.conventions.dateOrder.value, 'dmy');
    assert.notEqual(view.conventions.dateOrder.decidedBy, 'file');
    assert.ok(view.conventions.dateOrder.decidedBy);
    assert.ok(view.conventions.dateOrder.decidedAt);
    assert.equal(view.counts.blocking, 0);
    const rows = stagingRowPageSchema.parse(
      (await reporterKE.call('GET', `/api/v1/imports/${batch.id}/rows`)).json(),
    );
    assert.equal(rows.items.find((r) => r.row === 2)!.normalised.seizureDate, '2024-03-02');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'import.conventions')
      .execute();
    assert.equal(audit.length, 1);
  });
});
