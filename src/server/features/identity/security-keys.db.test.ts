/**
 * Security keys on the server side: each user sees and removes only their own keys (in the use case and in
 * row-level security); a challenge is used once and not after it expired; a made-up answer enrols nothing; and
 * with ADMIN_SECURITY_KEY_REQUIRED a Secretariat admin who has a key can no longer use a code. The whole
 * ceremony with a real authenticator is in test/e2e/security-keys.e2e.ts.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { systemActor, type UserActor } from '../../../shared/actor.ts';
import { problemSchema } from '../../../shared/problem.contract.ts';
import { securityKeyListSchema } from '../../../shared/security-keys.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  ApiClient,
  createTestUser,
  signIn,
  testClock,
  totpCode,
  type TestUser,
} from '../../../../test/support/identity.ts';
import { putChallenge, takeChallenge } from './security-keys.repo.ts';

let t: TestApp;
const clock = testClock();
before(async () => {
  t = await createTestApp(
    {
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000',
      ADMIN_SECURITY_KEY_REQUIRED: 'true',
      PUBLIC_URL: 'http://localhost:8080',
    },
    { clock },
  );
});
after(async () => t?.close());

const userIdOf = async (user: TestUser) =>
  (
    await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', user.email)
      .executeTakeFirstOrThrow()
  ).id;

/** A stored key as an enrolment would leave it (the public half is never used by these tests). */
async function storeKey(userId: string, name: string): Promise<string> {
  const row = await withActor(t.database.db, systemActor('test'), (tx) =>
    tx
      .insertInto('security_keys')
      .values({
        user_id: userId,
        name,
        credential_id: randomBytes(16).toString('base64url'),
        public_key: randomBytes(77),
        sign_count: 0,
        transports: ['usb'],
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

describe('security keys', () => {
  test('a user lists and removes only their own keys, in the API and under row-level security', async () => {
    const alice = await createTestUser(t.database.db);
    const bob = await createTestUser(t.database.db);
    const aliceKey = await storeKey(await userIdOf(alice), 'Alice key');
    await storeKey(await userIdOf(bob), 'Bob key');
    const aliceClient = await signIn(t.app, clock, alice);
    const listed = securityKeyListSchema.parse(
      (await aliceClient.call('GET', '/api/v1/auth/security-keys')).json(),
    );
    assert.deepEqual(
      listed.items.map((k) => k.name),
      ['Alice key'],
    );
    assert.equal(listed.required, false, 'not an admin');

    const bobClient = await signIn(t.app, clock, bob);
    const removeOther = await bobClient.call('DELETE', `/api/v1/auth/security-keys/${aliceKey}`);
    assert.equal(removeOther.statusCode, 404, 'another user’s key is not found');

    const bobActor: UserActor = {
      kind: 'user',
      userId: await userIdOf(bob),
      label: 'Bob',
      organisationId: randomUUID(),
      organisationKind: 'party',
      party: 'KE',
      role: 'member',
      hasItdAccess: true,
    };
    const seenByBob = await withActor(t.database.db, bobActor, (tx) =>
      tx.selectFrom('security_keys').select('name').execute(),
    );
    assert.deepEqual(seenByBob, [{ name: 'Bob key' }], 'row-level security shows Bob only his key');
    const deletedByBob = await withActor(t.database.db, bobActor, (tx) =>
      tx.deleteFrom('security_keys').where('id', '=', aliceKey).executeTakeFirst(),
    );
    assert.equal(Number(deletedByBob.numDeletedRows), 0);

    assert.equal(
      (await aliceClient.call('DELETE', `/api/v1/auth/security-keys/${aliceKey}`)).statusCode,
      204,
    );
    const after = securityKeyListSchema.parse(
      (await aliceClient.call('GET', '/api/v1/auth/security-keys')).json(),
    );
    assert.deepEqual(after.items, []);
  });

  test('a challenge is used once, and not once expired; a made-up answer enrols nothing', async () => {
    const user = await createTestUser(t.database.db);
    const client = await signIn(t.app, clock, user);
    const options = await client.call('POST', '/api/v1/auth/security-keys/options', {});
    assert.equal(options.statusCode, 200, options.body);
    const sessionId = (
      await t.database.db
        .selectFrom('webauthn_challenges')
        .select('session_id')
        .where('challenge', '=', options.json<{ challenge: string }>().challenge)
        .executeTakeFirstOrThrow()
    ).session_id;
    const forged = {
      name: 'Forged key',
      response: {
        id: 'AAAA',
        rawId: 'AAAA',
        type: 'public-key',
        response: { clientDataJSON: 'e30', attestationObject: 'oA' },
        clientExtensionResults: {},
      },
    };
    const refused = await client.call('POST', '/api/v1/auth/security-keys', forged);
    assert.equal(refused.statusCode, 400);
    assert.equal(problemSchema.parse(refused.json()).field, 'response');
    assert.equal(
      await t.database.db
        .selectFrom('webauthn_challenges')
        .select('challenge')
        .where('session_id', '=', sessionId)
        .executeTakeFirst(),
      undefined,
      'the challenge was used up by the refused answer',
    );
    const keys = await t.database.db
      .selectFrom('security_keys')
      .select('id')
      .where('user_id', '=', await userIdOf(user))
      .execute();
    assert.deepEqual(keys, []);

    const system = systemActor('test');
    const now = clock();
    await withActor(t.database.db, system, (tx) =>
      putChallenge(tx, {
        session_id: sessionId,
        purpose: 'sign_in',
        challenge: 'c1',
        expires_at: new Date(now.getTime() + 120_000),
      }),
    );
    assert.equal(
      await withActor(t.database.db, system, (tx) => takeChallenge(tx, sessionId, 'sign_in', now)),
      'c1',
    );
    assert.equal(
      await withActor(t.database.db, system, (tx) => takeChallenge(tx, sessionId, 'sign_in', now)),
      null,
      'once',
    );
    await withActor(t.database.db, system, (tx) =>
      putChallenge(tx, {
        session_id: sessionId,
        purpose: 'sign_in',
        challenge: 'c2',
        expires_at: new Date(now.getTime() + 120_000),
      }),
    );
    const later = new Date(now.getTime() + 121_000);
    assert.equal(
      await withActor(t.database.db, system, (tx) => takeChallenge(tx, sessionId, 'sign_in', later)),
      null,
      'expired',
    );
  });

  test('a Secretariat admin with a key must use it: the code is refused, the key step is offered', async () => {
    const admin = await createTestUser(t.database.db, { kind: 'secretariat', party: null, role: 'admin' });
    const first = await signIn(t.app, clock, admin);
    const before = securityKeyListSchema.parse(
      (await first.call('GET', '/api/v1/auth/security-keys')).json(),
    );
    assert.equal(before.required, true, 'the account page says a key is required');
    await storeKey(await userIdOf(admin), 'Admin key');

    const client = new ApiClient(t.app);
    clock.advance(31_000);
    await client.call('POST', '/api/v1/auth/sign-in', { email: admin.email, password: admin.password });
    await client.refreshCsrf();
    const withCode = await client.call('POST', '/api/v1/auth/second-factor/verify', {
      code: totpCode(admin.totpSecret!, clock()),
    });
    assert.equal(withCode.statusCode, 403);
    assert.equal(problemSchema.parse(withCode.json()).code, 'security_key_required');
    const keyOptions = await client.call('POST', '/api/v1/auth/security-keys/sign-in/options', {});
    assert.equal(keyOptions.statusCode, 200, keyOptions.body);

    // Another user without a key is offered no key step.
    const plain = await createTestUser(t.database.db);
    await signIn(t.app, clock, plain);
    const other = new ApiClient(t.app);
    clock.advance(31_000);
    await other.call('POST', '/api/v1/auth/sign-in', { email: plain.email, password: plain.password });
    await other.refreshCsrf();
    assert.equal(
      (await other.call('POST', '/api/v1/auth/security-keys/sign-in/options', {})).statusCode,
      404,
    );
  });
});
