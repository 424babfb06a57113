/**
 * A personal API token is revoked with the sessions: suspension (reinstating does not bring it back) and a change
 * of password both end it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { ApiClient, createTestUser, signIn, testClock } from '../../../../test/support/identity.ts';

const clock = testClock();
let t: TestApp;
before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
});
after(async () => t?.close());

async function tokenFor(client: ApiClient): Promise<ApiClient> {
  const created = await client.call('POST', '/api/v1/tokens', { name: 'analysis script', days: 30 });
  assert.equal(created.statusCode, 201, created.body);
  const script = new ApiClient(t.app);
  script.bearer = created.json<{ token: string }>().token;
  return script;
}

/** A data route that needs the terms accepted for this token: the token works as a script uses it. */
async function reaches(script: ApiClient): Promise<number> {
  return (await script.call('GET', '/api/v1/groups?scope=mine')).statusCode;
}

test('a suspended user’s token stays dead after reinstatement', async () => {
  const admin = await signIn(
    t.app,
    clock,
    await createTestUser(t.database.db, { kind: 'secretariat', role: 'admin' }),
  );
  const officerUser = await createTestUser(t.database.db, { party: 'KE' });
  const officer = await signIn(t.app, clock, officerUser);
  const script = await tokenFor(officer);
  assert.equal(await reaches(script), 200, 'the token works before');

  const session = await officer.call('GET', '/api/v1/auth/session');
  const userId = session.json<{ user: { id: string } }>().user.id;
  const suspended = await admin.call('POST', `/api/v1/users/${userId}/suspend`, {
    reason: 'Left the service',
  });
  assert.equal(suspended.statusCode, 200, suspended.body);
  assert.equal(await reaches(script), 401, 'refused while suspended');

  const reinstated = await admin.call('POST', `/api/v1/users/${userId}/reinstate`, {
    reason: 'Back in post',
  });
  assert.equal(reinstated.statusCode, 200, reinstated.body);
  assert.equal(await reaches(script), 401, 'the old token does not come back to life');
  const fresh = await signIn(t.app, clock, officerUser);
  assert.equal(await reaches(await tokenFor(fresh)), 200, 'a new token works');
});

test('a change of password ends the tokens made before it', async () => {
  const user = await createTestUser(t.database.db, { party: 'CN' });
  const client = await signIn(t.app, clock, user);
  const script = await tokenFor(client);
  assert.equal(await reaches(script), 200);
  const changed = await client.call('POST', '/api/v1/auth/password', {
    currentPassword: user.password,
    newPassword: `Another-long-passphrase-${Date.now()}`,
  });
  assert.equal(changed.statusCode, 204, changed.body);
  assert.equal(await reaches(script), 401);
});
