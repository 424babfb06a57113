/**
 * Lockout is no weapon: wrong passwords slow down the address they come from, so the owner signs in from another
 * address after an attacker's five wrong tries; only a repeated attack (several addresses, or many attempts) locks
 * the account, for an hour, and its owner is told by e-mail in their language. A locked account says until when,
 * whatever the password.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { ApiClient, createTestUser, signIn, testClock } from '../../../../test/support/identity.ts';
import { problemSchema } from '../../../shared/problem.contract.ts';

let t: TestApp;
const clock = testClock();
before(async () => {
  t = await createTestApp(
    {
      TRUST_PROXY: 'true',
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000',
      SIGN_IN_MAX_FAILURES: '5',
      LOCKOUT_BASE_SECONDS: '60',
      SIGN_IN_ADDRESS_MAX_FAILURES: '20',
      SIGN_IN_HARD_LOCK_ADDRESSES: '3',
      SIGN_IN_HARD_LOCK_FAILURES: '50',
    },
    { clock },
  );
});
after(async () => t?.close());

const attempt = (email: string, password: string, from: string) =>
  new ApiClient(t.app).call(
    'POST',
    '/api/v1/auth/sign-in',
    { email, password },
    { 'x-forwarded-for': from, 'accept-language': 'fr' },
  );

const lockOf = (email: string) =>
  t.database.db
    .selectFrom('users')
    .select('locked_until')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();

const mailTo = (email: string) =>
  t.database.db.selectFrom('outbox').select(['subject', 'body']).where('recipient', '=', email).execute();

describe('sign-in throttle', () => {
  test("an attacker's five wrong passwords slow down the attacker's address, not the owner's", async () => {
    const owner = await createTestUser(t.database.db);
    const attacker = '203.0.113.66';
    for (let i = 1; i <= 5; i++) {
      const wrong = await attempt(owner.email, `wrong-password-${i}`, attacker);
      assert.equal(wrong.statusCode, 401);
    }
    // The attacker's address now waits, even with the right password (the password is not even checked) …
    const fromAttacker = await attempt(owner.email, owner.password, attacker);
    assert.equal(fromAttacker.statusCode, 429);
    assert.equal(problemSchema.parse(fromAttacker.json()).code, 'rate_limited');
    assert.ok(Number(fromAttacker.headers['retry-after']) > 0);
    // … and an address typed that has no account is slowed the same way, so the answer reveals no account.
    for (let i = 1; i <= 5; i++) await attempt('nobody@example.org', `wrong-${i}`, attacker);
    assert.equal((await attempt('nobody@example.org', 'whatever-it-is', attacker)).statusCode, 429);
    // The owner, from the office, signs in at once.
    const fromOffice = await attempt(owner.email, owner.password, '198.51.100.7');
    assert.equal(fromOffice.statusCode, 200);
    assert.equal((await lockOf(owner.email)).locked_until, null, 'the account is not locked');
    assert.equal((await mailTo(owner.email)).length, 0, 'no lock, so no lock e-mail');
    // The attacker's wait grows with each further failure, up to a cap.
    clock.advance(61_000);
    assert.equal((await attempt(owner.email, 'wrong-password-6', attacker)).statusCode, 401);
    const longer = await attempt(owner.email, owner.password, attacker);
    assert.equal(longer.statusCode, 429);
    assert.ok(Number(longer.headers['retry-after']) > 60, 'the second wait is longer than the first');
  });

  test('one address failing over many accounts is slowed for every account', async () => {
    const victim = await createTestUser(t.database.db);
    const sprayer = '203.0.113.90';
    for (let i = 1; i <= 20; i++) await attempt(`sprayed-${i}@example.org`, 'Spring2026!', sprayer);
    assert.equal((await attempt(victim.email, victim.password, sprayer)).statusCode, 429);
    assert.equal((await attempt(victim.email, victim.password, '198.51.100.8')).statusCode, 200);
  });

  test('a repeated attack from several addresses hard-locks the account and e-mails its owner', async () => {
    const owner = await createTestUser(t.database.db);
    await t.database.db
      .updateTable('users')
      .set({ language: 'fr' })
      .where('email', '=', owner.email)
      .execute();
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3'])
      for (let i = 1; i <= 5; i++) await attempt(owner.email, `guess-${address}-${i}`, address);
    const { locked_until } = await lockOf(owner.email);
    assert.ok(locked_until, 'the account is locked');
    assert.ok(Math.abs(locked_until.getTime() - clock().getTime() - 3_600_000) < 5_000, 'for an hour');

    // Locked: the owner's right password gets the same answer as a wrong one, which says until when.
    const right = await attempt(owner.email, owner.password, '198.51.100.9');
    const wrong = await attempt(owner.email, 'not-the-password', '198.51.100.9');
    for (const answer of [right, wrong]) {
      assert.equal(answer.statusCode, 423);
      const problem = problemSchema.parse(answer.json());
      assert.equal(problem.code, 'account_locked');
      assert.equal(problem.lockedUntil, locked_until.toISOString());
      assert.match(problem.detail, /verrouillé jusqu’à/);
    }
    const withoutId = (body: string) => body.replace(/"requestId":"[^"]*"/, '');
    assert.equal(
      withoutId(right.body),
      withoutId(wrong.body),
      'nothing tells whether the password was right',
    );

    // The owner is told once, in their language.
    const mail = await mailTo(owner.email);
    assert.equal(mail.length, 1);
    assert.match(mail[0]!.subject, /verrouillé/);
    assert.match(mail[0]!.body, /15 échecs de connexion depuis 3 adresse/);

    // After the hour, the owner signs in.
    clock.advance(3_600_000 + 1_000);
    await signIn(t.app, clock, owner);
  });

  test('many attempts within the hour hard-lock the account even from few addresses', async () => {
    const owner = await createTestUser(t.database.db);
    // Below the per-pair limit from each address: a slow spread of guesses.
    for (let a = 1; a <= 13; a++)
      for (let i = 1; i <= 4; i++) await attempt(owner.email, `guess-${a}-${i}`, `192.0.2.${100 + a}`);
    assert.ok((await lockOf(owner.email)).locked_until, 'locked after 50 failures');
    assert.equal((await mailTo(owner.email)).length, 1);
  });
});
