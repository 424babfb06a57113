/**
 * The audit viewer end to end: two users search the explorer, then a Secretariat admin opens the audit log, sees the
 * chain verified, filters it to one user's searches, and exports them as CSV. The file (read back with csv-parse)
 * holds exactly that user's searches. The page is then checked with axe and at 375 px in French.
 *
 * Run: npx vite build && node --import tsx --test test/e2e/audit-viewer.e2e.ts
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../src/server/db/database.ts';
import { createUserWithPassword } from '../../src/server/features/users/create-user.ts';
import { assertNoAccessibilityViolations } from './accessibility.ts';
import { seedExplorerData, type ExplorerSeed, type SeededUser } from './explorer-seed.ts';
import { saveScreenshot, useE2eEnvironment, withFailureScreenshots, type E2eEnvironment } from './harness.ts';
import {
  acceptTerms,
  assertNoHorizontalOverflow,
  chooseOwnPassword,
  enrolSecondFactor,
  field,
  signInWithPassword,
} from './identity-steps.ts';

let seed: ExplorerSeed | undefined;
let secretariatAdmin: SeededUser | undefined;
const environment = useE2eEnvironment({
  prepareDataDir: async (dataDir) => {
    seed = await seedExplorerData(dataDir);
    // The seed's users mean the server creates no first admin: the Secretariat admin is seeded as well.
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
    try {
      const email = `audit.desk.${randomUUID().slice(0, 6)}@cites.example.org`;
      const admin = await createUserWithPassword(database.db, {
        email,
        firstName: 'Amadou',
        lastName: 'Diallo',
        organisationName: 'CITES Secretariat',
        organisationKind: 'secretariat',
        party: null,
        authorityType: null,
        role: 'admin',
        itdAccess: true,
      });
      secretariatAdmin = { email, password: admin.password };
    } finally {
      await database.close();
    }
  },
});
const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true };

/** Signs a seeded user in for the first time and runs one explorer search per query. */
async function searchAs(env: E2eEnvironment, user: SeededUser, queries: string[]): Promise<void> {
  const { page } = await env.openPage(DESKTOP);
  await signInWithPassword(page, env.baseUrl, user.email, user.password);
  await enrolSecondFactor(page);
  await acceptTerms(page, '/change-password');
  await chooseOwnPassword(page, user.password, `Own-passphrase-audit-${Date.now()}`, '/');
  for (const query of queries) {
    await page.goto(`${env.baseUrl}/explorer?${query}`);
    // Whatever the sharing rule lets this user see, the search is done once the count is shown.
    await page.getByText(/\d+ matching records?/).waitFor({ timeout: 20_000 });
  }
  await page.context().close();
}

async function openAuditAsAdmin(env: E2eEnvironment): Promise<Page> {
  assert.ok(secretariatAdmin, 'the admin was seeded');
  const credentials = secretariatAdmin;
  const { page } = await env.openPage(DESKTOP);
  await signInWithPassword(page, env.baseUrl, credentials.email, credentials.password);
  await enrolSecondFactor(page);
  await acceptTerms(page, '/change-password');
  await chooseOwnPassword(page, credentials.password, 'Secretariat-audit-desk-passphrase', '/');
  // The home page after the first sign-in is fully there before the admin moves on.
  await page.getByText(/^Welcome, /).waitFor();
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor({ timeout: 30_000 });
  return page;
}

/** The rows shown, as [action, who] pairs. */
async function shownRows(page: Page): Promise<{ action: string | null; who: string }[]> {
  const rows = page.getByTestId('audit-entries').locator('tbody tr');
  const count = await rows.count();
  const shown = [];
  for (let index = 0; index < count; index++) {
    const row = rows.nth(index);
    shown.push({
      action: await row.getAttribute('data-action'),
      who: await row.locator('td').nth(2).innerText(),
    });
  }
  return shown;
}

test(
  'a Secretariat admin filters the audit log to one user’s searches and exports them',
  { timeout: 420_000 },
  () =>
    withFailureScreenshots(environment(), 'audit-viewer', async () => {
      const env = environment();
      assert.ok(seed, 'the database was seeded');
      await searchAs(env, seed.party, ['party=KE', '']);
      await searchAs(env, seed.iccwc, ['party=KE']);
      // Someone asks for a new password for the ICCWC analyst: a message the outbox will list.
      const { page: visitor } = await env.openPage(DESKTOP);
      await visitor.goto(`${env.baseUrl}/reset-password`);
      await visitor.getByLabel(field('E-mail address')).fill(seed.iccwc.email);
      await visitor.getByRole('button', { name: 'Send the link' }).click();
      await visitor.getByText('Check your e-mail').waitFor();
      await visitor.context().close();

      const page = await openAuditAsAdmin(env);
      await page.getByTestId('audit-chain').waitFor();
      assert.equal(await page.getByTestId('audit-chain').getAttribute('data-state'), 'verified');
      assert.match(await page.getByTestId('audit-chain').innerText(), /Verified up to entry \d+/);

      // One person, one action: the person is found by typing part of their name.
      await page.getByRole('combobox', { name: 'Person' }).fill('Wanjiru');
      await page.getByRole('option', { name: /Wanjiru Kamau/ }).click();
      await page.getByRole('combobox', { name: 'Action' }).fill('seizure.search');
      await page.getByRole('option', { name: 'seizure.search', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.has('actor') && url.searchParams.has('action'));

      // Entries are listed once linked into the chain (within about a second of their commit).
      let rows = await shownRows(page);
      for (let tries = 0; rows.length < 2 && tries < 10; tries++) {
        await page.waitForTimeout(1_000);
        await page.reload();
        await page.getByTestId('audit-entries').or(page.getByText('No entry matches')).waitFor();
        rows = await shownRows(page);
      }
      assert.ok(rows.length >= 2, `the user's two searches are listed (${rows.length})`);
      for (const row of rows) {
        assert.equal(row.action, 'seizure.search');
        assert.match(row.who, /Wanjiru Kamau/);
        assert.doesNotMatch(row.who, /Lucía Ferreira/);
      }
      await saveScreenshot(page, 'audit-viewer-en-1280');

      const download = page.waitForEvent('download');
      await page.getByTestId('audit-csv').click();
      const file = join(tmpdir(), `itd-audit-${Date.now()}.csv`);
      await (await download).saveAs(file);
      const lines: string[][] = parse(await readFile(file, 'utf8'), { bom: true });
      const [header, ...entries] = lines;
      assert.ok(header, 'the file has a header row');
      const column = (name: string) => header.indexOf(name);
      assert.equal(entries.length, rows.length, 'the file holds exactly the entries the page lists');
      for (const entry of entries) {
        assert.equal(entry[column('action')], 'seizure.search');
        assert.match(entry[column('actor')] ?? '', /Wanjiru Kamau|wanjiru\.kamau/);
        for (const cell of entry) assert.doesNotMatch(cell, /^[=+\-@]/, 'no cell starts like a formula');
      }

      await assertNoAccessibilityViolations(page, 'the audit viewer');

      // The outbox: the reset message is listed as sent (the test's mail server took it), its text not kept.
      await page.getByRole('link', { name: 'Outgoing e-mail' }).click();
      await page.getByRole('heading', { level: 1, name: 'Outgoing e-mail' }).waitFor();
      await page.getByLabel('Recipient', { exact: true }).fill(seed.iccwc.email);
      const sentRow = page.getByTestId('outbox-messages').locator('tbody tr', { hasText: seed.iccwc.email });
      await sentRow.first().waitFor();
      assert.match(await sentRow.first().innerText(), /Sent/);
      await assertNoAccessibilityViolations(page, 'the outbox');
      await saveScreenshot(page, 'outbox-en-1280');
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();

      // On a phone, in French: the same filters, no horizontal overflow outside the table's own scroller.
      // In French at 1,280 px, the header of an admin with every area still holds on one line.
      await page.locator('label', { hasText: 'Français' }).click();
      await page.getByRole('heading', { level: 1, name: 'Journal d’audit' }).waitFor();
      const headerBox = await page.locator('.itd-header__inner').boundingBox();
      assert.ok(
        headerBox && headerBox.height <= 72,
        `the header holds on one line (${headerBox?.height} px high)`,
      );
      await assertNoHorizontalOverflow(page, 'audit viewer in French at 1,280 px');
      await saveScreenshot(page, 'audit-viewer-fr-1280');

      await page.setViewportSize({ width: 375, height: 800 });
      await page.getByTestId('audit-entries').waitFor();
      await assertNoHorizontalOverflow(page, 'audit viewer in French at 375 px');
      await assertNoAccessibilityViolations(page, 'the audit viewer in French at 375 px');
      await saveScreenshot(page, 'audit-viewer-fr-375');
    }),
);
