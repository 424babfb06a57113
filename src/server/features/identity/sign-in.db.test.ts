/**
 * Sign-in security (the throttle of wrong passwords: sign-in-throttle.db.test.ts): a TOTP code works once;
 * suspension ends sessions and tokens at the next request; tokens and the terms; and no
 * password, code or token in clear in the logs or the database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { ApiClient, createTestUser, signIn, testClock, totpCode } from '../../../../test/support/identity.ts';
import { problemSchema } from '../../../shared/problem.contract.ts';

let t: TestApp;
const clock = testClock();
before(async () => {
  t = await createTestApp(
    {
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000',
      SIGN_IN_MAX_FAILURES: '5',
      LOCKOUT_BASE_SECONDS: '60',
    },
    { clock },
  );
});
after(async () => t?.close());

const signInAttempt = (email: string, password: string) =>
  new ApiClient(t.app).call('POST', '/api/v1/auth/sign-in', { email, password });

describe('sign-in', () => {
  test('a TOTP code cannot be replayed, and a recovery code works once', async () => {
    const user = await createTestUser(t.database.db);
    await signIn(t.app, clock, user);
    const client = new ApiClient(t.app);
    await client.call('POST', '/api/v1/auth/sign-in', { email: user.email, password: user.password });
    await client.refreshCsrf();
    // The step of the enrolment a moment ago: refused as a replay.
    const replay = await client.call('POST', '/api/v1/auth/second-factor/verify', {
      code: totpCode(user.totpSecret!, clock()),
    });
    assert.equal(replay.statusCode, 401);
    clock.advance(31_000);
    assert.equal(
      (
        await client.call('POST', '/api/v1/auth/second-factor/verify', {
          code: totpCode(user.totpSecret!, clock()),
        })
      ).statusCode,
      200,
    );

    const recovery = user.recoveryCodes![0]!;
    const withCode = async () => {
      const c = new ApiClient(t.app);
      await c.call('POST', '/api/v1/auth/sign-in', { email: user.email, password: user.password });
      await c.refreshCsrf();
      return (await c.call('POST', '/api/v1/auth/second-factor/verify', { code: recovery.toUpperCase() }))
        .statusCode;
    };
    assert.equal(await withCode(), 200);
    assert.equal(await withCode(), 401);
  });

  test('suspension ends the sessions and tokens at the next request, and the person is told', async () => {
    const admin = await signIn(
      t.app,
      clock,
      await createTestUser(t.database.db, { kind: 'secretariat', role: 'admin' }),
    );
    const person = await createTestUser(t.database.db);
    const client = await signIn(t.app, clock, person);
    const token = (await client.call('POST', '/api/v1/tokens', { name: 'analysis script', days: 30 })).json<{
      token: string;
    }>().token;
    const scripted = new ApiClient(t.app);
    scripted.bearer = token;
    assert.equal((await scripted.call('GET', '/api/v1/tokens')).statusCode, 200);
    const id = (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', person.email)
        .executeTakeFirstOrThrow()
    ).id;
    const suspended = await admin.call('POST', `/api/v1/users/${id}/suspend`, {
      reason: 'Left the service.',
    });
    assert.equal(suspended.statusCode, 200, suspended.body);
    assert.equal((await client.call('GET', '/api/v1/auth/sessions')).statusCode, 401);
    assert.equal((await scripted.call('GET', '/api/v1/tokens')).statusCode, 401);
    assert.equal((await signInAttempt(person.email, person.password)).statusCode, 401);
    const mail = await t.database.db
      .selectFrom('outbox')
      .select(['subject', 'body'])
      .where('recipient', '=', person.email)
      .execute();
    assert.ok(mail.some((m) => /suspended/.test(m.subject) && m.body.includes('Left the service.')));
  });

  test('a token made outside a session must accept the terms through itself', async () => {
    const person = await createTestUser(t.database.db);
    const client = await signIn(t.app, clock, person);
    await client.call('POST', '/api/v1/tokens', { name: 'x', days: 1 });
    // A token created by `itd tokens create` carries no accepted terms (simulated here).
    const created = (await client.call('POST', '/api/v1/tokens', { name: 'cli', days: 5 })).json<{
      id: string;
      token: string;
    }>();
    await t.database.db
      .updateTable('api_tokens')
      .set({ terms_version: null })
      .where('id', '=', created.id)
      .execute();
    const scripted = new ApiClient(t.app);
    scripted.bearer = created.token;
    const refused = await scripted.call('POST', '/api/v1/tokens', { name: 'y', days: 1 });
    assert.equal(problemSchema.parse(refused.json()).code, 'terms_not_accepted');
    const { version } = (await scripted.call('GET', '/api/v1/terms/current')).json<{ version: number }>();
    assert.equal((await scripted.call('POST', '/api/v1/terms/accept', { version })).statusCode, 200);
    assert.equal((await scripted.call('POST', '/api/v1/tokens', { name: 'y', days: 1 })).statusCode, 201);
  });

  test('changing the password needs the current one, ends other sessions and keeps this one with a fresh id', async () => {
    const person = await createTestUser(t.database.db);
    const here = await signIn(t.app, clock, person);
    const elsewhere = await signIn(t.app, clock, person);
    const before = here.cookie;
    const wrong = await here.call('POST', '/api/v1/auth/password', {
      currentPassword: 'not-it',
      newPassword: 'Long-walk-to-the-waterhole',
    });
    assert.equal(problemSchema.parse(wrong.json()).field, 'currentPassword');
    const changed = await here.call('POST', '/api/v1/auth/password', {
      currentPassword: person.password,
      newPassword: 'Long-walk-to-the-waterhole',
    });
    assert.equal(changed.statusCode, 204, changed.body);
    assert.notEqual(here.cookie, before, 'a fresh session id');
    await here.refreshCsrf();
    assert.equal((await here.call('GET', '/api/v1/tokens')).statusCode, 200);
    assert.equal((await elsewhere.call('GET', '/api/v1/tokens')).statusCode, 401);
    assert.equal((await signInAttempt(person.email, 'Long-walk-to-the-waterhole')).statusCode, 200);
  });

  test('a one-time password must be replaced before any data route answers', async () => {
    const person = await createTestUser(t.database.db);
    const client = await signIn(t.app, clock, person, { keepOneTimePassword: true });
    assert.equal(
      (await client.call('GET', '/api/v1/auth/session')).json<{ next: string }>().next,
      'change_password',
    );
    const refused = await client.call('POST', '/api/v1/tokens', { name: 'x', days: 1 });
    assert.equal(problemSchema.parse(refused.json()).code, 'password_change_required');
    const own = 'Patrol-notes-from-the-delta';
    assert.equal(
      (
        await client.call('POST', '/api/v1/auth/password', {
          currentPassword: person.password,
          newPassword: own,
        })
      ).statusCode,
      204,
    );
    await client.refreshCsrf();
    assert.equal((await client.call('GET', '/api/v1/auth/session')).json<{ next: string }>().next, 'done');
    assert.equal((await client.call('POST', '/api/v1/tokens', { name: 'x', days: 1 })).statusCode, 201);
  });

  test('no password, TOTP secret, code or token is stored or logged in clear', async () => {
    const person = await createTestUser(t.database.db);
    const client = await signIn(t.app, clock, person);
    const created = (await client.call('POST', '/api/v1/tokens', { name: 'z', days: 1 })).json<{
      token: string;
    }>();
    const dump = JSON.stringify(
      (
        await sql`select (select json_agg(u) from users u) as users, (select json_agg(s) from sessions s) as sessions,
        (select json_agg(a) from api_tokens a) as tokens, (select json_agg(r) from recovery_codes r) as codes,
        (select json_agg(e) from audit_events e) as audit`.execute(t.database.db)
      ).rows,
    );
    const logs = t.logs.join('');
    for (const secret of [
      person.password,
      person.totpSecret!,
      created.token,
      client.cookie!,
      ...person.recoveryCodes!,
    ]) {
      assert.ok(!dump.includes(secret), 'not in the database');
      assert.ok(!logs.includes(secret), 'not in the logs');
    }
    const hash = await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', person.email)
      .executeTakeFirstOrThrow();
    assert.match(hash.password_hash!, /^\$argon2id\$/);
  });
  test('the session check refuses an unknown cookie, a signed-out session and an idle one', async () => {
    const person = await createTestUser(t.database.db);
    const unknown = new ApiClient(t.app);
    unknown.cookie = 'x'.repeat(43);
    assert.equal((await unknown.call('GET', '/api/v1/auth/sessions')).statusCode, 401);

    const signedOut = await signIn(t.app, clock, person);
    const cookie = signedOut.cookie;
    const out = await signedOut.call('POST', '/api/v1/auth/sign-out');
    assert.ok(out.statusCode < 300, out.body);
    const replay = new ApiClient(t.app);
    replay.cookie = cookie;
    assert.equal((await replay.call('GET', '/api/v1/auth/sessions')).statusCode, 401);

    const idle = await signIn(t.app, clock, person);
    assert.equal((await idle.call('GET', '/api/v1/auth/sessions')).statusCode, 200);
    clock.advance(31 * 60_000);
    assert.equal((await idle.call('GET', '/api/v1/auth/sessions')).statusCode, 401);
  });

  test('the session function answers only for a known hash, and not to an ordinary connection role', async () => {
    const none = await sql<{ n: number }>`
      select count(*)::int as n from app_front_door_session(${'0'.repeat(64)})`.execute(t.database.db);
    assert.equal(none.rows[0]?.n, 0);
    const grants = await sql<{ allowed: boolean }>`
      select has_function_privilege('public', 'app_front_door_session(text)', 'execute') as allowed`.execute(
      t.database.db,
    );
    assert.equal(grants.rows[0]?.allowed, false);
  });
});
