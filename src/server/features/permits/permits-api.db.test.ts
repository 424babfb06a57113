/**
 * The permit routes through the HTTP app (both backends): a Management Authority user uploads a CITESEPermit file,
 * a customs officer verifies it; a customs system's token with the `permits.lookup` scope opens the lookup and
 * nothing else of the platform; an IGO member is refused; the template downloads.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../../shared/actor.ts';
import type { LookupResult, PermitImportSummary } from '../../../shared/permits.contract.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { ApiClient, testClock } from '../../../../test/support/identity.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { multipartBody, signedInUser } from '../groups/groups.test-support.ts';
import { createTokenByCommand } from '../identity/index.ts';
import { permitXml } from './permits.test-support.ts';

let t: TestApp;
const clock = testClock();
before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000' }, { clock });
});
after(async () => t?.close());

const lookupUrl = '/api/v1/permits/lookup?country=KE&number=KE%2FAPI%2F1&species=Aloe%20ferox&quantity=2';

describe('permit routes', () => {
  test('a Management Authority uploads a CITESEPermit file; a customs officer verifies the permit', async () => {
    const ma = await signedInUser(t, clock, { party: 'KE' });
    const user = await t.database.db
      .selectFrom('users')
      .select('organisation_id')
      .where('id', '=', ma.userId)
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('organisations')
      .set({ authority_type: 'Management Authority' })
      .where('id', '=', user.organisation_id)
      .execute();
    const body = multipartBody(
      'ke.xml',
      permitXml([
        { number: 'KE/API/1', until: '2099-12-31', lines: [{ species: 'Aloe ferox', quantity: '5' }] },
      ]),
    );
    const call = (client: ApiClient) =>
      client.app.inject({
        method: 'POST',
        url: '/api/v1/permits/import',
        payload: body.payload,
        headers: {
          'content-type': body.contentType,
          cookie: `itd_session=${client.cookie}`,
          'x-csrf-token': client.csrf ?? '',
        },
      });
    const imported = await call(ma.client);
    assert.equal(imported.statusCode, 200, imported.body);
    assert.equal(imported.json<PermitImportSummary>().created, 1);

    const kenyaCustoms = await signedInUser(t, clock, { party: 'KE' });
    assert.equal(
      (await call(kenyaCustoms.client)).statusCode,
      403,
      'a Party body that is not its Management Authority',
    );

    const customs = await signedInUser(t, clock, { party: 'FR' });
    const looked = await customs.client.call('GET', lookupUrl);
    assert.equal(looked.statusCode, 200, looked.body);
    const result = looked.json<LookupResult>();
    assert.deepEqual([result.found, result.valid, result.lines[0]?.remaining], [true, true, 5]);
  });

  test('a token scoped to permits.lookup verifies permits and opens nothing else', async () => {
    const customs = await signedInUser(t, clock, { party: 'FR' });
    const secret = await createTokenByCommand({ db: t.database.db, clock }, systemActor('test'), NO_REQUEST, {
      email: customs.email,
      days: 30,
      name: 'border system',
      scope: 'permits.lookup',
    });
    const system = new ApiClient(t.app);
    system.bearer = secret;
    const terms = await system.call('GET', '/api/v1/terms/current');
    const accepted = await system.call('POST', '/api/v1/terms/accept', {
      version: terms.json<{ version: number }>().version,
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal((await system.call('GET', lookupUrl)).statusCode, 200);
    for (const url of [
      '/api/v1/seizures',
      '/api/v1/reports',
      '/api/v1/permits/receipts?country=FR',
      '/api/v1/groups',
    ]) {
      assert.equal((await system.call('GET', url)).statusCode, 403, url);
    }
  });

  test('an IGO member is refused; the template downloads as CSV', async () => {
    const igo = await signedInUser(t, clock, { kind: 'igo', party: null });
    const refused = await igo.client.call('GET', lookupUrl);
    assert.equal(refused.statusCode, 403);
    assert.doesNotMatch(refused.body, /KE\/API\/1/);
    const template = await igo.client.call('GET', '/api/v1/permits/template.csv');
    assert.equal(template.statusCode, 200);
    assert.match(template.body, /Permit number,Type,Issuing country/);
  });
});
