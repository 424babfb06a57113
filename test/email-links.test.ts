/**
 * Every link the platform puts in an e-mail opens a page of the web app, never "Page not found". The links are
 * found where the server builds them (`${publicUrl}/…` and the groups' `groupLink` / `mailContacts` paths) and
 * matched against the web app's own route table, so a page renamed on one side fails here.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { matchRoutes } from 'react-router';
import { routes } from '../src/web/routes/routes.tsx';

const SERVER = path.join(import.meta.dirname, '..', 'src', 'server');
const SAMPLE_ID = '0f8c3a52-4e1b-4c1e-9a57-2b0a6c1d9e33';

function serverSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverSources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** A template literal's path with each `${…}` replaced by an id, and its query string left out. */
function concretePath(literal: string): string {
  return literal.replace(/\$\{[^}]*\}/g, SAMPLE_ID).split('?')[0]!;
}

interface MailLink {
  path: string;
  where: string;
}

function linksBuiltByTheServer(): MailLink[] {
  const links: MailLink[] = [];
  for (const file of serverSources(SERVER)) {
    const text = fs.readFileSync(file, 'utf8');
    const where = path.relative(SERVER, file);
    for (const match of text.matchAll(/publicUrl\}(\/[^`\s]*)`/g)) {
      // The groups' own builder: `${publicUrl}/groups/${groupId}${rest}` (its rests are collected below).
      if (match[1]!.includes('${rest}')) continue;
      links.push({ path: concretePath(match[1]!), where });
    }
    for (const match of text.matchAll(/mailContacts\([^;]*?,\s*['`](\/[^'`]*)['`]\s*,?\s*\)/g)) {
      links.push({ path: `/groups/${SAMPLE_ID}${concretePath(match[1]!)}`, where });
    }
    if (/groupLink\([^,]+,[^,)]+\)/.test(text)) links.push({ path: `/groups/${SAMPLE_ID}`, where });
  }
  return links;
}

test('every link in an e-mail opens a page of the web app', () => {
  const links = linksBuiltByTheServer();
  // The scan must find the links it is meant to check (password, verification, groups, downloads, consents…).
  assert.ok(links.length >= 12, `links found: ${JSON.stringify(links)}`);
  assert.ok(links.some((link) => link.path.startsWith(`/groups/${SAMPLE_ID}/`)));
  const broken = links.filter((link) => {
    const matched = matchRoutes(routes, link.path);
    return !matched || matched.at(-1)?.route.path === '*';
  });
  assert.deepEqual(broken, [], 'e-mail links that lead to "Page not found"');
});
