/**
 * Data out end to end, on the real server under the production CSP: a Kenyan Party member filters the explorer,
 * exports the view as XLSX (asked for a second factor first), and the file — read back with jszip and the sheet's
 * XML, not the writer's library — holds the citation, the Parties, the filters and no formula; then the member
 * marks the download deleted under My downloads.
 *
 * Run: npx vite build && node --import tsx --test test/e2e/exports.e2e.ts
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { readXlsx } from '../../src/server/features/exports/exports-test-support.ts';
import { seedExplorerData, type ExplorerSeed } from './explorer-seed.ts';
import { useE2eEnvironment, withFailureScreenshots } from './harness.ts';
import {
  acceptTerms,
  chooseOwnPassword,
  enrolSecondFactor,
  signInWithPassword,
  totpCode,
} from './identity-steps.ts';

let seed: ExplorerSeed | undefined;
const environment = useE2eEnvironment({
  prepareDataDir: async (dataDir) => {
    seed = await seedExplorerData(dataDir);
  },
});

/** Waits for the next 30-second step, so the code is one the server has not seen yet. */
async function nextTotpStep(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 30_500 - (Date.now() % 30_000)));
}

test(
  'a Party user exports a filtered view as XLSX after a step-up, then attests its deletion',
  { timeout: 300_000 },
  () =>
    withFailureScreenshots(environment(), 'exports-party', async () => {
      const { baseUrl, openPage } = environment();
      assert.ok(seed, 'the database was seeded');
      const { page } = await openPage({
        viewport: { width: 1280, height: 900 },
        locale: 'en-GB',
        acceptDownloads: true,
      });
      await signInWithPassword(page, baseUrl, seed.party.email, seed.party.password);
      const { secret } = await enrolSecondFactor(page);
      await acceptTerms(page, '/change-password');
      await chooseOwnPassword(page, seed.party.password, `Own-passphrase-exports-2026`, '/');

      await page.goto(`${baseUrl}/explorer?party=KE`);
      await page.getByTestId('result-row').first().waitFor({ timeout: 20_000 });
      await page.getByTestId('export-open').click();
      await page.getByTestId('export-download').click();
      // A record-level export asks for the second factor again.
      await page.getByTestId('step-up-code').waitFor();
      await nextTotpStep();
      await page.getByTestId('step-up-code').fill(totpCode(secret));
      const download = page.waitForEvent('download');
      await page.getByTestId('export-download').click();
      const file = join(tmpdir(), `itd-export-${Date.now()}.xlsx`);
      await (await download).saveAs(file);

      const book = await readXlsx(await readFile(file));
      const notes = new Map(book.about.map((row) => [row[0], row[1]]));
      assert.match(
        notes.get('Citation') ?? '',
        /^Illegal Trade Database \(CITES\) \[accessed \d{4}-\d{2}-\d{2}\]$/,
      );
      assert.equal(notes.get('Reporting Parties whose data it contains'), 'KE Kenya');
      assert.equal(notes.get('Filters'), 'Reporting Party: KE');
      assert.match(notes.get('Made by (organisation)') ?? '', /^Kenya Wildlife Service/);
      assert.equal(book.formulas, 0, 'no formula in the file');
      assert.equal(book.data[0]?.[0], 'Record id');
      assert.ok(book.data.length > 1, 'the records are in the file');
      assert.ok(
        book.data.slice(1).every((row) => row[2] === 'KE'),
        'only Kenya’s records, as filtered',
      );

      // The dialog links to the register.
      await page.getByRole('dialog').getByRole('link', { name: 'My downloads' }).click();
      await page.getByTestId('downloads-table').waitFor();
      await page.getByTestId('attest-open').first().click();
      await page.getByTestId('attest-confirm').click();
      await page
        .getByText(/^Deleted on \d{4}-\d{2}-\d{2}$/)
        .first()
        .waitFor();
    }),
);
