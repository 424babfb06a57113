/**
 * The permit lookup on the real server and Chromium under the production CSP: Kenya's Management Authority loads a
 * CITESEPermit file; a French customs officer on a 375 px phone verifies the permit (valid, lines, remaining),
 * records an export; the Management Authority marks the permit stolen; the officer's next lookup shows the red
 * flag; Kenya sees the officer's lookups in its receipts.
 *
 * Run: npm run build && node --import tsx --test test/e2e/permits.e2e.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../../src/server/db/database.ts';
import { createUserWithPassword } from '../../src/server/features/users/create-user.ts';
import { permitXml } from '../../src/server/features/permits/permits.test-support.ts';
import { setUpDatabase } from '../../src/server/setup-database.ts';
import { saveScreenshot, useE2eEnvironment, withFailureScreenshots } from './harness.ts';
import { signInFirstTime } from './explorer-steps.ts';
import { assertNoHorizontalOverflow, field } from './identity-steps.ts';

const users: Record<'ma' | 'customs', { email: string; password: string }> = {
  ma: { email: 'permits.ma@kws.example.org', password: '' },
  customs: { email: 'douane.cdg@douane.example.org', password: '' },
};
const environment = useE2eEnvironment({
  prepareDataDir: async (dataDir) => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
    try {
      await setUpDatabase(database.db);
      const made = async (email: string, organisationName: string, party: string, authorityType: string) =>
        (
          await createUserWithPassword(database.db, {
            email,
            firstName: 'Test',
            lastName: organisationName,
            organisationName,
            organisationKind: 'party',
            party,
            authorityType,
            role: 'member',
            itdAccess: false,
          })
        ).password;
      users.ma.password = await made(
        users.ma.email,
        'Kenya CITES Management Authority',
        'KE',
        'Management Authority',
      );
      users.customs.password = await made(users.customs.email, 'Douane Roissy-CDG', 'FR', 'customs');
    } finally {
      await database.close();
    }
  },
});
const PHONE = { viewport: { width: 375, height: 812 }, locale: 'en-GB', isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' };

test(
  'a permit is loaded, verified on a phone, endorsed, marked stolen and shown red; Kenya sees the lookups',
  { timeout: 420_000 },
  () =>
    withFailureScreenshots(environment(), 'permits', async () => {
      const env = environment();
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'itd-permits-e2e-')), 'ke-permits.xml');
      fs.writeFileSync(
        file,
        permitXml([
          {
            number: 'KE/2026/E-0042',
            until: '2099-12-31',
            stamp: 'S-1234',
            lines: [
              { species: 'Aloe ferox', quantity: '100', unit: 'KIL', term: 'EXT' },
              { species: 'Alligator mississippiensis', quantity: '10', unit: 'PCS' },
            ],
          },
        ]),
      );

      const ma = (await env.openPage(DESKTOP)).page;
      await signInFirstTime(ma, env.baseUrl, users.ma.email, users.ma.password);
      await ma.goto(`${env.baseUrl}/permits/registry`);
      await ma.getByRole('heading', { level: 1, name: 'Load permits' }).waitFor();
      // Mantine's file input keeps a hidden native input: the file is given to it as a person's pick would be.
      await ma.locator('input[type=file]').setInputFiles(file);
      await ma.getByRole('button', { name: 'Import' }).click();
      assert.match(await ma.getByTestId('import-summary').innerText(), /1 permits: 1 new/);

      const officer = await env.openPage(PHONE);
      const p = officer.page;
      await signInFirstTime(p, env.baseUrl, users.customs.email, users.customs.password);
      await p.goto(`${env.baseUrl}/permits`);
      await p.getByRole('heading', { level: 1, name: 'Verify a CITES permit' }).waitFor();
      const verify = async (stamp: string) => {
        await p.getByLabel(field('Issuing country (2 letters)')).fill('ke');
        await p.getByLabel(field('Permit number')).fill('ke 2026 e-0042');
        await p.getByLabel(field('Security stamp number')).fill(stamp);
        await p.getByRole('button', { name: 'Verify' }).click();
      };
      await verify('S-1234');
      await p.getByTestId('permit-verdict').getByText('Valid', { exact: true }).waitFor();
      assert.equal(await p.getByTestId('remaining-1').innerText(), '100');
      await assertNoHorizontalOverflow(p, 'the lookup at 375 px');
      await saveScreenshot(p, 'permits-lookup-375');

      await p.getByLabel(field('Quantity exported on line 1')).fill('40');
      await p.getByLabel(field('Port of export')).fill('Mombasa');
      await p.getByRole('button', { name: 'Record the export' }).click();
      await p.getByText('Export recorded.').waitFor();
      assert.equal(await p.getByTestId('remaining-1').innerText(), '60');

      await ma.getByLabel(field('Issuing country (2 letters)')).fill('KE');
      await ma.getByLabel(field('Permit number')).fill('KE/2026/E-0042');
      await ma.getByRole('button', { name: 'Report', exact: true }).click();
      await ma.getByText('Permit KE/2026/E-0042 is now stolen.').waitFor();

      await verify('S-1234');
      await p.getByTestId('permit-verdict').getByText('Not valid').waitFor();
      assert.match(await p.getByTestId('permit-flags').innerText(), /reported stolen/i);
      await saveScreenshot(p, 'permits-stolen-375');
      assert.deepEqual(officer.problems, []);

      await ma.reload();
      await ma.getByRole('heading', { level: 1, name: 'Load permits' }).waitFor();
      const receipts = ma.getByTestId('receipts');
      await receipts
        .getByText(/Douane Roissy-CDG/)
        .first()
        .waitFor();
      assert.ok((await receipts.getByRole('listitem').count()) >= 2, 'both lookups are in the receipts');
    }),
);
