/** An upload larger than IMPORT_MAX_BYTES is refused with 413 and stages nothing. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createTestUser, signIn, testClock, type ApiClient } from '../../../../test/support/identity.ts';

let t: TestApp;
let reporter: ApiClient;
const clock = testClock();

before(async () => {
  t = await createTestApp(
    { IMPORT_MAX_BYTES: '2048', RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' },
    { clock },
  );
  reporter = await signIn(
    t.app,
    clock,
    await createTestUser(t.database.db, { party: 'KE', role: 'reporter' }),
  );
});
after(async () => t?.close());

test('a file over the size limit is refused and nothing is staged', async () => {
  const boundary = '----itdlimit';
  const content = 'Date of seizure,Species,Quantity\n' + '01/01/2025,Manis javanica,1\n'.repeat(200);
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="year"\r\n\r\n2025\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: `itd_session=${reporter.cookie}`,
      'x-csrf-token': reporter.csrf ?? '',
    },
  });
  assert.equal(response.statusCode, 413, response.body);
  const staged = await t.database.db.selectFrom('import_batches').select('id').execute();
  assert.equal(staged.length, 0);
});
