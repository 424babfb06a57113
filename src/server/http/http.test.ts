/**
 * The HTTP skeleton through app.inject(): probes, problem+json errors in three languages with the
 * field at fault, security headers, request ids, rate limiting, OpenAPI, deny-by-default routes and
 * logs free of secrets.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestUser, signIn, testClock } from '../../../test/support/identity.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { problemSchema } from '../../shared/problem.contract.ts';
import { buildApp } from '../app.ts';
import { SHARED_COUNT_LAG_MS } from './rate-limit-store.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '1000' });
});
after(async () => t?.close());

describe('HTTP skeleton', () => {
  test('/healthz answers without the database; /readyz checks it', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json<{ status: string }>().status, 'ok');
  });

  test('validation errors are problem+json naming the field, in the language asked for', async () => {
    const answers = await Promise.all(
      ['en', 'fr-FR,fr;q=0.9', 'es'].map((language) =>
        t.app.inject({
          method: 'GET',
          url: '/api/v1/reference/taxa?limit=5000',
          headers: { 'accept-language': language },
        }),
      ),
    );
    for (const answer of answers) {
      assert.equal(answer.statusCode, 400);
      assert.match(answer.headers['content-type'] as string, /^application\/problem\+json/);
      const problem = problemSchema.parse(answer.json());
      assert.equal(problem.code, 'validation_failed');
      assert.equal(problem.field, 'limit');
    }
    const [en, fr, es] = answers.map((answer) => problemSchema.parse(answer.json()));
    assert.match(en!.detail, /field “limit” is not valid: must be at most 200/);
    assert.match(fr!.detail, /champ « limit » n’est pas valide : doit valoir au plus 200/);
    assert.match(es!.detail, /campo «limit» no es válido: debe ser como máximo 200/);
    assert.equal(fr!.title, 'Saisie non valide');
  });

  test('an unknown API path is a problem+json 404, not the web page', async () => {
    const answer = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'es' },
    });
    assert.equal(answer.statusCode, 404);
    const problem = problemSchema.parse(answer.json());
    assert.equal(problem.code, 'not_found');
    assert.equal(problem.title, 'No encontrado');
  });

  test('every answer carries security headers with a strict Content-Security-Policy and a request id', async () => {
    const answer = await t.app.inject({ method: 'GET', url: '/api/v1/reference/countries' });
    const csp = answer.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    assert.equal(answer.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(answer.headers['referrer-policy'], 'no-referrer');
    assert.match(answer.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/);
    const echoed = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    assert.equal(echoed.headers['x-request-id'], 'trace-12345678');
  });

  test('the OpenAPI document is generated from the route contracts', async () => {
    const answer = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(answer.statusCode, 200);
    const doc = answer.json<{
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    }>();
    assert.match(doc.openapi, /^3\./);
    const taxa = doc.paths['/api/v1/reference/taxa']?.get;
    assert.ok(taxa, 'the taxa search is documented');
    assert.deepEqual(taxa.parameters?.map((p) => p.name).sort(), ['cursor', 'limit', 'q', 'rank']);
    assert.ok(doc.paths['/api/v1/reference/taxa/{id}']);
  });

  test('a route that does not say who may call it stops the app from starting', async () => {
    await assert.rejects(
      (async () => {
        const app = await buildApp({ database: t.database, settings: t.settings });
        app.get('/api/v1/undeclared', async () => ({ leaked: true }));
        await app.ready();
      })(),
      /does not declare config\.access/,
    );
  });

  test('a signed-in route refuses an anonymous caller with 401', async () => {
    const app = await buildApp({ database: t.database, settings: t.settings });
    app.get('/api/v1/private', { config: { access: 'signed_in' } }, async () => ({
      secret: 'handler-was-reached',
    }));
    const answer = await app.inject({ method: 'GET', url: '/api/v1/private' });
    assert.equal(answer.statusCode, 401);
    assert.equal(problemSchema.parse(answer.json()).code, 'unauthenticated');
    assert.ok(!answer.body.includes('handler-was-reached'));
    await app.close();
  });

  test('logs never contain passwords, tokens or cookies', async () => {
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/reference/taxa?q=Manis&token=very-secret-token-value',
      headers: { authorization: 'Bearer very-secret-bearer', cookie: 'itd_session=very-secret-cookie' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/reference/taxa',
      payload: { password: 'very-secret-password' },
    });
    const text = t.logs.join('');
    assert.ok(text.includes('/api/v1/reference/taxa'), 'requests are logged');
    for (const secret of [
      'very-secret-token-value',
      'very-secret-bearer',
      'very-secret-cookie',
      'very-secret-password',
      'Manis',
    ]) {
      assert.ok(!text.includes(secret), `the log must not contain ${secret}`);
    }
  });
});

describe('rate limiting', () => {
  test('over the limit, a translated 429 with the time to wait; probes are exempt', async () => {
    const limited = await createTestApp({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const answer = await limited.app.inject({ method: 'GET', url: '/api/v1/reference/codes?kind=unit' });
        codes.push(answer.statusCode);
      }
      assert.deepEqual(codes, [200, 200, 200, 429]);
      const refused = await limited.app.inject({
        method: 'GET',
        url: '/api/v1/reference/codes',
        headers: { 'accept-language': 'fr' },
      });
      const problem = problemSchema.parse(refused.json());
      assert.equal(problem.code, 'rate_limited');
      assert.match(problem.detail, /Réessayez dans \d+ secondes/);
      assert.ok(Number(refused.headers['retry-after']) > 0);
      const health = await limited.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(health.statusCode, 200);
      // The counters live in the database, shared by every server instance: the hits answered from this
      // instance's tally reach it with the first request after the lag.
      await new Promise((resolve) => setTimeout(resolve, SHARED_COUNT_LAG_MS));
      await limited.app.inject({ method: 'GET', url: '/api/v1/reference/codes' });
      const rows = await limited.database.db.selectFrom('rate_limit_hits').select('hits').execute();
      assert.deepEqual(
        rows.map((row) => row.hits),
        [6],
      );
    } finally {
      await limited.close();
    }
  });

  test('signed-in people are counted by account, not by the address they share; pages are not counted', async () => {
    const clock = testClock();
    const office = await createTestApp({ RATE_LIMIT_MAX: '40', RATE_LIMIT_WINDOW_SECONDS: '600' }, { clock });
    try {
      const first = await signIn(office.app, clock, await createTestUser(office.database.db));
      const second = await signIn(office.app, clock, await createTestUser(office.database.db));
      // Everyone here comes from the same address (inject's 127.0.0.1), like one ministry's office.
      let firstRefusedAfter = 0;
      for (let i = 0; i < 60; i++) {
        const answer = await first.call('GET', '/api/v1/reference/codes?kind=unit');
        if (answer.statusCode === 429) break;
        assert.equal(answer.statusCode, 200);
        firstRefusedAfter += 1;
      }
      assert.ok(firstRefusedAfter > 0 && firstRefusedAfter < 60, 'the first person reaches their limit');
      assert.equal(
        (await second.call('GET', '/api/v1/reference/codes?kind=unit')).statusCode,
        200,
        'a colleague at the same address is not refused',
      );
      const anonymous = await office.app.inject({ method: 'GET', url: '/api/v1/reference/codes?kind=unit' });
      assert.equal(anonymous.statusCode, 200, 'a visitor from the same address is counted apart');
      for (let i = 0; i < 60; i++) {
        const page = await office.app.inject({ method: 'GET', url: '/sign-in' });
        assert.equal(page.statusCode, 200, `page load ${i + 1} is not rate limited`);
      }
    } finally {
      await office.close();
    }
  });
});
