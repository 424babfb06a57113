/**
 * What the server does for users on slow links: the web app's files go out pre-compressed and cached for good,
 * the page itself is never cached and hints the messages of the visitor's language, API answers are compressed,
 * and answers that carry secrets are not (BREACH). Built on a small stand-in of the web build, so it runs
 * without `vite build`.
 */
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { ApiClient, createTestUser } from '../../../../test/support/identity.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';

let testApp: TestApp;
let distDir: string;
const SCRIPT = `export const greeting = ${JSON.stringify('bonjour '.repeat(400))};\n`;

before(async () => {
  distDir = await mkdtemp(join(tmpdir(), 'itd-web-dist-'));
  await mkdir(join(distDir, 'assets'));
  await mkdir(join(distDir, '.vite'));
  await writeFile(
    join(distDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/shell-abc.js"></script></head><body></body></html>',
  );
  await writeFile(join(distDir, 'assets', 'shell-abc.js'), SCRIPT);
  await writeFile(join(distDir, 'assets', 'shell-abc.js.br'), brotliCompressSync(SCRIPT));
  await writeFile(
    join(distDir, '.vite', 'manifest.json'),
    JSON.stringify({
      'i18n/messages-en.ts': { file: 'assets/messages-en-111.js', src: 'i18n/messages-en.ts' },
      'i18n/messages-fr.ts': { file: 'assets/messages-fr-222.js', src: 'i18n/messages-fr.ts' },
      'i18n/messages-es.ts': { file: 'assets/messages-es-333.js', src: 'i18n/messages-es.ts' },
    }),
  );
  testApp = await createTestApp({ WEB_DIST_DIR: distDir });
});

after(async () => {
  await testApp.close();
  await rm(distDir, { recursive: true, force: true });
});

test('a hashed asset goes out as its brotli twin, cached for a year', async () => {
  const response = await testApp.app.inject({
    url: '/assets/shell-abc.js',
    headers: { 'accept-encoding': 'br, gzip' },
  });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-encoding'], 'br');
  assert.match(String(response.headers['cache-control']), /max-age=31536000, immutable/);
  assert.equal(brotliDecompressSync(response.rawPayload).toString('utf8'), SCRIPT);
});

test('the page is never cached and preloads the messages of the language the browser asks for', async () => {
  const french = await testApp.app.inject({
    url: '/sign-in',
    headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
  });
  assert.equal(french.statusCode, 200);
  assert.equal(french.headers['cache-control'], 'no-cache');
  assert.match(String(french.headers.vary), /accept-language/i);
  assert.match(french.body, /<link rel="modulepreload" crossorigin href="\/assets\/messages-fr-222\.js">/);
  assert.doesNotMatch(french.body, /messages-(en|es)-/);

  const unknown = await testApp.app.inject({ url: '/explorer', headers: { 'accept-language': 'de' } });
  assert.match(unknown.body, /messages-en-111\.js/);
});

test('the build manifest and other dot folders are not served', async () => {
  const response = await testApp.app.inject({ url: '/.vite/manifest.json' });
  assert.equal(response.statusCode, 404);
});

test('API answers are compressed for a browser that accepts it, and not for one that does not', async () => {
  const compressed = await testApp.app.inject({
    url: '/api/v1/reference/countries',
    headers: { 'accept-encoding': 'br' },
  });
  assert.equal(compressed.statusCode, 200);
  assert.equal(compressed.headers['content-encoding'], 'br');
  const countries = JSON.parse(brotliDecompressSync(compressed.rawPayload).toString('utf8')) as unknown[];
  assert.ok(Array.isArray(countries) ? countries.length > 100 : Object.keys(countries).length > 0);

  const plain = await testApp.app.inject({ url: '/api/v1/reference/countries' });
  assert.equal(plain.headers['content-encoding'], undefined);
});

test('answers that carry a secret (here the authenticator key at enrolment) are never compressed', async () => {
  const user = await createTestUser(testApp.database.db);
  const client = new ApiClient(testApp.app);
  const signedIn = await client.call('POST', '/api/v1/auth/sign-in', {
    email: user.email,
    password: user.password,
  });
  assert.equal(signedIn.statusCode, 200);
  await client.refreshCsrf();
  const enrolment = await client.call('GET', '/api/v1/auth/second-factor/enrolment', undefined, {
    'accept-encoding': 'br, gzip',
  });
  assert.equal(enrolment.statusCode, 200);
  // Large enough to be compressed by size alone, so only the secret-bearing rule keeps it plain.
  assert.ok(enrolment.rawPayload.length > 1024, `${enrolment.rawPayload.length} bytes`);
  assert.equal(enrolment.headers['content-encoding'], undefined);
  assert.ok(enrolment.json<{ secret: string }>().secret.length > 0);
});
