/**
 * Access receipts and consent to publish end to end, on the real server under the production CSP:
 *   1. a UNODC analyst (ICCWC) exports Kenya's records after a step-up, then asks for consent to publish from that
 *      download;
 *   2. Kenya's focal point sees UNODC — the organisation, no person — on the access receipts with the records it
 *      downloaded, and approves the request;
 *   3. a Secretariat data officer sees the filed proof;
 *   4. the analyst downloads the consent certificate, read back without pdfkit: the machine has no `pdftotext`, so the
 *      PDF's content streams are inflated with node:zlib and its text operators read (publication-test-support.ts).
 *
 * Run: npx vite build && node --import tsx --test test/e2e/data-out.e2e.ts
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { readPdfText } from '../../src/server/features/exports/publication/publication-test-support.ts';
import { seedDataOut, SHARED_WITH_ICCWC, type DataOutSeed } from './data-out-seed.ts';
import type { SeededUser } from './explorer-seed.ts';
import { useE2eEnvironment, withFailureScreenshots } from './harness.ts';
import {
  acceptTerms,
  chooseOwnPassword,
  enrolSecondFactor,
  signInWithPassword,
  totpCode,
} from './identity-steps.ts';

let seed: DataOutSeed | undefined;
const environment = useE2eEnvironment({
  prepareDataDir: async (dataDir) => {
    seed = await seedDataOut(dataDir);
  },
});

const TITLE = 'Pangolin scales leaving Kenya, 2023';

/** Waits for the next 30-second step, so the code is one the server has not seen yet. */
async function nextTotpStep(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 30_500 - (Date.now() % 30_000)));
}

/** First sign-in of a seeded user in a page of its own; returns the page and the second factor's key. */
async function firstSignIn(user: SeededUser, name: string): Promise<{ page: Page; secret: string }> {
  const { baseUrl, openPage } = environment();
  const { page } = await openPage({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    acceptDownloads: true,
  });
  await signInWithPassword(page, baseUrl, user.email, user.password);
  const { secret } = await enrolSecondFactor(page);
  await acceptTerms(page, '/change-password');
  await chooseOwnPassword(page, user.password, `Own-passphrase-${name}-2026`, '/');
  return { page, secret };
}

test(
  'a focal point sees who downloaded its records and approves publication; the Secretariat sees the proof; the requester gets the certificate',
  { timeout: 420_000 },
  () =>
    withFailureScreenshots(environment(), 'data-out', async () => {
      const { baseUrl } = environment();
      assert.ok(seed, 'the database was seeded');

      // 1. UNODC exports Kenya's records (a step-up first), then asks for consent to publish.
      const analyst = await firstSignIn(seed.iccwc, 'analyst');
      await analyst.page.goto(`${baseUrl}/explorer?party=KE`);
      await analyst.page.getByTestId('result-row').first().waitFor({ timeout: 20_000 });
      await analyst.page.getByTestId('export-open').click();
      await analyst.page.getByTestId('export-download').click();
      await analyst.page.getByTestId('step-up-code').waitFor();
      await nextTotpStep();
      await analyst.page.getByTestId('step-up-code').fill(totpCode(analyst.secret));
      const exported = analyst.page.waitForEvent('download');
      await analyst.page.getByTestId('export-download').click();
      await (await exported).saveAs(join(tmpdir(), `itd-data-out-${Date.now()}.xlsx`));
      await analyst.page.keyboard.press('Escape');

      await analyst.page.goto(`${baseUrl}/publication/requests`);
      await analyst.page.getByTestId('publication-download').click();
      await analyst.page.getByRole('option').first().click();
      await analyst.page.getByTestId('publication-title').fill(TITLE);
      await analyst.page
        .getByTestId('publication-use')
        .fill('A UNODC research brief on pangolin trafficking');
      await analyst.page
        .getByTestId('publication-modification')
        .fill('Weights summed by month; no record shown');
      await analyst.page.getByTestId('publication-submit').click();
      await analyst.page.getByTestId('publication-request').filter({ hasText: TITLE }).waitFor();

      // 2. Kenya's focal point: the receipt names UNODC with the records it downloaded; then the approval.
      const focal = await firstSignIn(seed.focalPoint, 'focal');
      await focal.page.goto(`${baseUrl}/access-receipts`);
      const receipts = focal.page.getByTestId('receipts-organisations');
      await receipts.waitFor();
      const unodc = receipts.getByRole('row').filter({ hasText: /^UNODC / });
      await unodc.waitFor();
      const cells = await unodc.getByRole('cell').allInnerTexts();
      assert.equal(cells[3], String(SHARED_WITH_ICCWC), 'the downloaded records of Kenya');
      assert.ok(!(await receipts.innerText()).includes('Ferreira'), 'the organisation, never the person');

      await focal.page.goto(`${baseUrl}/publication/consents`);
      const card = focal.page.getByTestId('publication-request').filter({ hasText: TITLE });
      await card.getByTestId('consent-comment').fill('Approved for the research brief');
      await card.getByTestId('consent-approve').click();
      await card.getByText('Approved', { exact: true }).first().waitFor();

      // 3. The Secretariat sees the filed proof.
      const secretariat = await firstSignIn(seed.secretariat, 'secretariat');
      await secretariat.page.goto(`${baseUrl}/publication/proofs`);
      const proof = secretariat.page.getByTestId('publication-request').filter({ hasText: TITLE });
      await proof.getByTestId('publication-filed').waitFor();
      assert.match(await proof.innerText(), /KE \(\d+ records\): Approved/);

      // 4. The requester downloads the certificate, read back without the writer.
      await analyst.page.reload();
      const mine = analyst.page.getByTestId('publication-request').filter({ hasText: TITLE });
      await mine.getByTestId('publication-filed').waitFor();
      const certificate = analyst.page.waitForEvent('download');
      await mine.getByTestId('publication-certificate').click();
      const file = join(tmpdir(), `itd-consent-${Date.now()}.pdf`);
      await (await certificate).saveAs(file);
      const text = readPdfText(await readFile(file)).join('\n');
      for (const expected of [
        'Certificate of prior informed consent to publish ITD data',
        TITLE,
        'Weights summed by month; no record shown',
        'Party: KE',
        'Joseph Mwangi, Kenya CITES Management Authority',
        'Approved for the research brief',
        'Export file checksum (SHA-256)',
      ])
        assert.ok(text.includes(expected), `the certificate holds “${expected}”`);
      assert.match(text, /[0-9a-f]{64}/, 'the export’s checksum');
    }),
);
