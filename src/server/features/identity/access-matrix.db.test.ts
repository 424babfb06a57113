/**
 * The API test matrix: every route the app declares × every kind of caller — no session, a session
 * that has only passed the password, a session without the terms accepted, a wrong token — and the
 * Secretariat-only actions × every role. It asserts the denials; a new route is covered automatically.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { ApiClient, createTestUser, signIn, testClock } from '../../../../test/support/identity.ts';
import type { OrganisationKind, Role } from '../../../shared/actor.ts';
import type { RouteAccess } from '../../http/access.ts';

let t: TestApp;
const clock = testClock();
before(async () => {
  t = await createTestApp(
    { RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', RATE_LIMIT_FORMS_PER_HOUR: '1000' },
    { clock },
  );
});
after(async () => t?.close());

type Method = 'GET' | 'POST' | 'DELETE';
function routes(levels: RouteAccess[]): { method: Method; url: string }[] {
  return [...t.app.routeAccess.entries()]
    .filter(([key, level]) => levels.includes(level) && key.includes('/api/v1/'))
    .map(([key]) => {
      const [method, url] = key.split(' ') as [Method, string];
      return { method, url: url.replace(':id', randomUUID()) };
    })
    .filter((route) => ['GET', 'POST', 'DELETE'].includes(route.method));
}

async function statusOf(
  client: ApiClient,
  route: { method: Method; url: string },
): Promise<{ status: number; code?: string }> {
  const response = await client.call(
    route.method,
    route.url,
    route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
  );
  const body = response.headers['content-type']?.toString().includes('json')
    ? response.json<{ code?: string }>()
    : {};
  return { status: response.statusCode, ...(body.code ? { code: body.code } : {}) };
}

describe('access matrix', () => {
  test('every API route is in the matrix (declares one of the known levels)', () => {
    const levels = new Set(t.app.routeAccess.values());
    for (const level of levels)
      assert.ok(['public', 'any_session', 'second_factor', 'signed_in', 'data'].includes(level));
    assert.ok(routes(['data']).length >= 14);
  });

  test('no session: every non-public route answers 401', async () => {
    const anonymous = new ApiClient(t.app);
    for (const route of routes(['any_session', 'second_factor', 'signed_in', 'data'])) {
      assert.deepEqual(
        await statusOf(anonymous, route),
        { status: 401, code: 'unauthenticated' },
        `${route.method} ${route.url}`,
      );
    }
  });

  test('a wrong or revoked bearer token answers 401 everywhere it is checked', async () => {
    const scripted = new ApiClient(t.app);
    scripted.bearer = 'x'.repeat(43);
    for (const route of routes(['signed_in', 'data'])) {
      assert.equal((await statusOf(scripted, route)).status, 401, `${route.method} ${route.url}`);
    }
  });

  test('password passed but no second factor: only the second-factor routes open', async () => {
    const user = await createTestUser(t.database.db);
    const client = new ApiClient(t.app);
    await client.call('POST', '/api/v1/auth/sign-in', { email: user.email, password: user.password });
    await client.refreshCsrf();
    for (const route of routes(['signed_in', 'data'])) {
      assert.deepEqual(
        await statusOf(client, route),
        { status: 401, code: 'unauthenticated' },
        `${route.method} ${route.url}`,
      );
    }
    const enrolment = await client.call('GET', '/api/v1/auth/second-factor/enrolment');
    assert.equal(enrolment.statusCode, 200);
  });

  test('signed in without accepting the terms: every data route answers 403 terms_not_accepted', async () => {
    const user = await createTestUser(t.database.db, { kind: 'secretariat', role: 'admin' });
    const client = await signIn(t.app, clock, user, { acceptTerms: false });
    for (const route of routes(['data'])) {
      assert.deepEqual(
        await statusOf(client, route),
        { status: 403, code: 'terms_not_accepted' },
        `${route.method} ${route.url}`,
      );
    }
    // Account routes stay open so the terms can be read and accepted.
    assert.equal((await client.call('GET', '/api/v1/auth/sessions')).statusCode, 200);
  });

  test('a state-changing request with the session cookie but without the CSRF token is refused', async () => {
    const client = await signIn(t.app, clock, await createTestUser(t.database.db));
    const csrf = client.csrf;
    client.csrf = null;
    const refused = await client.call('POST', '/api/v1/tokens', { name: 'script', days: 30 });
    assert.equal(refused.statusCode, 403);
    client.csrf = 'forged';
    assert.equal((await client.call('POST', '/api/v1/tokens', { name: 'script', days: 30 })).statusCode, 403);
    client.csrf = csrf;
    assert.equal((await client.call('POST', '/api/v1/tokens', { name: 'script', days: 30 })).statusCode, 201);
  });

  const roles: { kind: OrganisationKind; role: Role; party?: string | null }[] = [
    { kind: 'secretariat', role: 'admin' },
    { kind: 'secretariat', role: 'data_officer' },
    { kind: 'secretariat', role: 'member' },
    { kind: 'party', role: 'focal_point' },
    { kind: 'party', role: 'reporter' },
    { kind: 'party', role: 'member' },
    { kind: 'iccwc', role: 'member', party: null },
    { kind: 'igo', role: 'member', party: null },
  ];
  const adminOnly: { method: Method; url: string; body?: object }[] = [
    { method: 'GET', url: '/api/v1/users' },
    { method: 'POST', url: `/api/v1/users/${randomUUID()}/suspend`, body: { reason: 'test' } },
    { method: 'POST', url: `/api/v1/users/${randomUUID()}/withdraw`, body: { reason: 'test' } },
    { method: 'POST', url: `/api/v1/users/${randomUUID()}/reinstate`, body: { reason: 'test' } },
    {
      method: 'POST',
      url: '/api/v1/organisations',
      body: { name: `Org ${randomUUID()}`, kind: 'igo', party: null, authorityType: null },
    },
    { method: 'GET', url: '/api/v1/terms' },
    {
      method: 'POST',
      url: '/api/v1/terms',
      body: { texts: { en: 'x'.repeat(200), fr: 'x'.repeat(200), es: 'x'.repeat(200) }, changeSummary: null },
    },
  ];

  for (const who of roles) {
    test(`role matrix: ${who.kind} ${who.role}`, async () => {
      const client = await signIn(
        t.app,
        clock,
        await createTestUser(t.database.db, { kind: who.kind, role: who.role, party: who.party }),
      );
      const isAdmin = who.kind === 'secretariat' && who.role === 'admin';
      for (const route of adminOnly) {
        const response = await client.call(route.method, route.url, route.body);
        if (isAdmin)
          assert.ok(
            ![401, 403].includes(response.statusCode),
            `${route.method} ${route.url}: ${response.statusCode}`,
          );
        else
          assert.equal(response.statusCode, 403, `${who.kind} ${who.role} on ${route.method} ${route.url}`);
      }
      const queue = await client.call('GET', '/api/v1/registrations');
      const mayQueue = isAdmin || who.role === 'focal_point';
      assert.equal(queue.statusCode, mayQueue ? 200 : 403, `${who.kind} ${who.role} on the review queue`);
      // Everyone signed in may manage their own tokens and sessions.
      assert.equal((await client.call('GET', '/api/v1/tokens')).statusCode, 200);
      assert.equal((await client.call('GET', '/api/v1/auth/sessions')).statusCode, 200);
    });
  }
});
