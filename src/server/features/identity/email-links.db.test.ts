/**
 * Links sent by e-mail (address verification, password reset) are usable once and only until they expire: a used
 * or expired link changes nothing, whichever database holds them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { ApiClient, createTestUser, testClock } from '../../../../test/support/identity.ts';

let t: TestApp;
const clock = testClock();
before(async () => {
  t = await createTestApp(
    { RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', RATE_LIMIT_FORMS_PER_HOUR: '1000' },
    { clock },
  );
});
after(async () => t?.close());

/** The token of the newest link to this address still in the outbox (no SMTP here, so bodies stay a while). */
async function linkToken(email: string, path: string): Promise<string> {
  const rows = await t.database.db
    .selectFrom('outbox')
    .select('body')
    .where('recipient', '=', email)
    .orderBy('id', 'desc')
    .execute();
  for (const row of rows) {
    const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(row.body);
    if (match) return match[1]!;
  }
  throw new Error(`no ${path} link to ${email}`);
}

const strongPassword = 'a-long-new-passphrase-4711';

describe('e-mailed links', () => {
  test('a password-reset link works once', async () => {
    const user = await createTestUser(t.database.db);
    const anonymous = new ApiClient(t.app);
    await anonymous.call('POST', '/api/v1/auth/password-reset/request', { email: user.email });
    const token = await linkToken(user.email, '/reset-password/complete');
    const complete = (newPassword: string) =>
      anonymous.call('POST', '/api/v1/auth/password-reset/complete', { token, newPassword });
    assert.equal((await complete(strongPassword)).statusCode, 200);
    const again = await complete(`${strongPassword}-again`);
    assert.equal(again.statusCode, 400, 'a used link is refused');
    const signIn = await anonymous.call('POST', '/api/v1/auth/sign-in', {
      email: user.email,
      password: `${strongPassword}-again`,
    });
    assert.equal(signIn.statusCode, 401, 'the second use changed nothing');
  });

  test('a password-reset link is refused once expired, and changes nothing', async () => {
    const user = await createTestUser(t.database.db);
    const anonymous = new ApiClient(t.app);
    await anonymous.call('POST', '/api/v1/auth/password-reset/request', { email: user.email });
    const token = await linkToken(user.email, '/reset-password/complete');
    clock.advance(24 * 3_600_000 + 60_000);
    const late = await anonymous.call('POST', '/api/v1/auth/password-reset/complete', {
      token,
      newPassword: strongPassword,
    });
    assert.equal(late.statusCode, 400);
    const oldStillWorks = await anonymous.call('POST', '/api/v1/auth/sign-in', {
      email: user.email,
      password: user.password,
    });
    assert.equal(oldStillWorks.statusCode, 200, 'the password was not changed by the expired link');
  });

  test('an address-verification link confirms once, says so when opened again, and not after it expired', async () => {
    const anonymous = new ApiClient(t.app);
    const register = async (email: string) => {
      const answer = await anonymous.call('POST', '/api/v1/registrations', {
        country: 'KE',
        lastName: 'Otieno',
        firstName: 'Amina',
        organisation: 'Kenya Wildlife Service',
        functionTitle: 'Intelligence officer',
        telephone: '+254 20 600 0800',
        email,
        requestsItdAccess: false,
        requestedGroups: [],
        justification: 'Reporting seizures at the port of Mombasa.',
        language: 'en',
      });
      assert.equal(answer.statusCode, 202);
      return linkToken(email, '/verify-email');
    };
    const verify = (token: string) => anonymous.call('POST', '/api/v1/registrations/verify', { token });

    const fresh = await register('amina.otieno@kws.example.org');
    const first = await verify(fresh);
    assert.equal(first.statusCode, 200);
    assert.deepEqual(first.json(), { status: 'verified' });
    // Used once, the link does nothing again; it only says the address is already confirmed.
    const second = await verify(fresh);
    assert.equal(second.statusCode, 200);
    assert.deepEqual(second.json(), { status: 'already_verified' });
    const verified = await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'registration.email_verified')
      .execute();
    assert.equal(verified.length, 1, 'the address was confirmed once');

    const stale = await register('amina.late@kws.example.org');
    clock.advance(48 * 3_600_000 + 60_000);
    assert.equal((await verify(stale)).statusCode, 400, 'an expired link is refused');
    const row = await t.database.db
      .selectFrom('registrations')
      .select(['status', 'email_verified_at'])
      .where('email', '=', 'amina.late@kws.example.org')
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending_verification');
    assert.equal(row.email_verified_at, null);
  });
});
