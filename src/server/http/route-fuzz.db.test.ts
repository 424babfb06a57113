/**
 * No input makes a route answer 500. Every operation of the OpenAPI document is called with generated path
 * parameters, query parameters and JSON bodies (control characters, broken escapes, huge numbers, long text,
 * wrong types), as an anonymous caller and as a signed-in Secretariat admin (who reaches the most code). Every
 * answer must be a 4xx or 2xx; a refusal must be problem+json. Bounded: a fixed number of generated requests.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { ApiClient, createTestUser, signIn, testClock } from '../../../test/support/identity.ts';

const RUNS_PER_CALLER = Number(process.env.FUZZ_RUNS ?? 400);
/** Signing out would end the admin's session; the event stream never ends by itself. */
const SKIPPED = new Set(['POST /api/v1/auth/sign-out', 'GET /api/v1/groups/stream']);

interface Operation {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[];
  hasBody: boolean;
}

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[];
        requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
      }
    >
  >;
};

const clock = testClock();
let t: TestApp;
let admin: ApiClient;
let operations: Operation[];

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '1000000' }, { clock });
  admin = await signIn(
    t.app,
    clock,
    await createTestUser(t.database.db, { kind: 'secretariat', role: 'admin' }),
  );
  const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<OpenApi>();
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'delete', 'patch'].includes(method))
      .map(([method, spec]) => {
        const parameters = spec.parameters ?? [];
        const json = spec.requestBody?.content?.['application/json'];
        return {
          method: method.toUpperCase() as Operation['method'],
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          bodyFields: Object.keys(json?.schema?.properties ?? {}),
          hasBody: json !== undefined,
        };
      })
      .filter((operation) => !SKIPPED.has(`${operation.method} ${operation.path}`)),
  );
});
after(async () => t?.close());

/** Values people and attackers send: control characters, broken escapes, extremes, wrong types. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '%00',
    '%E0%A4%A',
    '%',
    '\uD800',
    '💥'.repeat(300),
    'x'.repeat(20_000),
    '-1',
    '0',
    '1e309',
    '99999999999999999999999',
    '-9223372036854775809',
    'NaN',
    'null',
    "'; select pg_sleep(1); --",
    '../../etc/passwd',
    '2021-02-30',
    '0000-00-00',
    '00000000-0000-0000-0000-000000000000',
    '[]',
    '{}',
  ),
  fc.uuid(),
  fc.integer().map(String),
);
const hostileJson = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 2 }),
);

/** A URL cannot carry a lone surrogate at all (bodies can, as JSON escapes): replaced as browsers do. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

function requestFor(operation: Operation, pathValues: string[], query: [string, string][], body: unknown) {
  let url = operation.path;
  operation.pathParams.forEach((name, index) => {
    // Raw (unescaped) values on purpose in half the cases: broken escapes must be refused, not crash.
    const value = wellFormed(pathValues[index] ?? ''); // a URL cannot carry a lone surrogate at all
    url = url.replace(`{${name}}`, index % 2 === 0 ? encodeURIComponent(value) : value.replaceAll('/', ''));
  });
  const search = new URLSearchParams(query.map(([k, v]) => [k, wellFormed(v)])).toString();
  return { url: search ? `${url}?${search}` : url, body };
}

async function fuzz(caller: ApiClient | null): Promise<number> {
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.nat(),
      fc.array(hostileText, { minLength: 3, maxLength: 3 }),
      fc.array(fc.tuple(fc.nat(), hostileText), { maxLength: 4 }),
      fc.oneof(fc.dictionary(fc.nat().map(String), hostileJson, { maxKeys: 4 }), hostileJson),
      async (pick, pathValues, queryPicks, bodyPick) => {
        const operation = operations[pick % operations.length]!;
        const query = queryPicks
          .filter(() => operation.queryParams.length > 0)
          .map(([i, value]): [string, string] => [
            operation.queryParams[i % operation.queryParams.length]!,
            value,
          ]);
        // Bodies use the operation's own field names, so values reach the code behind the schema.
        const body =
          bodyPick !== null &&
          typeof bodyPick === 'object' &&
          !Array.isArray(bodyPick) &&
          operation.bodyFields.length
            ? Object.fromEntries(
                Object.entries(bodyPick).map(([k, v]) => [
                  operation.bodyFields[Number(k) % operation.bodyFields.length]!,
                  v,
                ]),
              )
            : bodyPick;
        const request = requestFor(operation, pathValues, query, operation.hasBody ? body : undefined);
        const response = caller
          ? await caller.call(operation.method as 'GET', request.url, request.body)
          : await t.app.inject({
              method: operation.method,
              url: request.url,
              ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
              headers: { 'content-type': 'application/json' },
            });
        sent++;
        const where = `${operation.method} ${request.url.slice(0, 200)} ${JSON.stringify(request.body)?.slice(0, 200)}`;
        assert.ok(
          response.statusCode < 500,
          `${response.statusCode} for ${where}: ${response.body.slice(0, 300)}`,
        );
        if (response.statusCode >= 400)
          assert.match(String(response.headers['content-type']), /problem\+json/, where);
      },
    ),
    {
      numRuns: RUNS_PER_CALLER,
      seed: Number(process.env.FUZZ_SEED ?? 20261203),
      endOnFailure: true,
      includeErrorInReport: true,
    },
  );
  return sent;
}

test('no generated input gets a 500, from an anonymous caller', async () => {
  assert.ok(operations.length > 50, `the OpenAPI document lists the routes (${operations.length})`);
  assert.equal(await fuzz(null), RUNS_PER_CALLER);
});

test('no generated input gets a 500, from a signed-in Secretariat admin', async () => {
  assert.equal(await fuzz(admin), RUNS_PER_CALLER);
});
