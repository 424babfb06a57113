/**
 * Inputs found answering 500 or the framework's own body in an attack on the platform, each now a clear 4xx
 * problem+json; and API answers that no cache may keep.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { problemSchema } from '../../shared/problem.contract.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000' });
});
after(async () => t?.close());

async function problemOf(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, payload?: object) {
  const response = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/, `${method} ${url}`);
  return { status: response.statusCode, problem: problemSchema.parse(response.json()) };
}

test('a NUL character in a query parameter is a 400 naming the parameter', async () => {
  const { status, problem } = await problemOf('GET', '/api/v1/reference/taxa?q=Manis%00javanica');
  assert.equal(status, 400);
  assert.equal(problem.code, 'validation_failed');
  assert.equal(problem.field, 'q');
  assert.match(problem.detail, /control character/);
});

test('a NUL character in a JSON body (the public registration form) is a 400 naming the field', async () => {
  const { status, problem } = await problemOf('POST', '/api/v1/registrations', {
    lastName: 'Mwangi\u0000',
    email: 'someone@example.org',
  });
  assert.equal(status, 400);
  assert.equal(problem.field, 'lastName');
});

test('a method a route does not have is the same problem+json 404 as an unknown address', async () => {
  for (const [method, url] of [
    ['PUT', '/api/v1/seizures'],
    ['DELETE', '/api/v1/reference/countries'],
    ['PUT', '/api/v1/groups/directory'],
  ] as const) {
    const { status, problem } = await problemOf(method, url);
    assert.equal(status, 404, `${method} ${url}`);
    assert.equal(problem.code, 'not_found');
  }
});

test('a broken escape or an over-long path parameter in the address is a 400, not a 500', async () => {
  for (const [method, url] of [
    ['GET', '/api/v1/reference/taxa/%E0%A4%A'],
    ['PATCH', `/api/v1/reports/${'x'.repeat(5_000)}`],
  ] as const) {
    const { status, problem } = await problemOf(method, url);
    assert.equal(status, 400, url.slice(0, 40));
    assert.equal(problem.field, 'url');
  }
});

test('API answers carry Cache-Control: no-store; pages keep their own rule', async () => {
  for (const url of ['/api/v1/reference/countries', '/api/v1/nothing-here', '/api/v1/openapi.json']) {
    const response = await t.app.inject({ method: 'GET', url });
    assert.equal(response.headers['cache-control'], 'no-store', url);
  }
  const page = await t.app.inject({ method: 'GET', url: '/explorer' });
  assert.notEqual(page.headers['cache-control'], 'no-store');
});
