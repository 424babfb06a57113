/**
 * The web app on the slow links our users work on (DESIGN: border posts, ministries on shared lines): Chromium
 * emulates 1.6 Mbps down, 750 kbps up and 300 ms of latency, with an empty cache, and the test measures how long
 * each page takes to become usable and how many bytes crossed the wire before it did. The figures are printed
 * (the issue note quotes them) and held to the targets: the sign-in page usable in ≤ 3 s after ≤ 250 kB.
 *
 * Run: npx vite build && node --import tsx --test test/e2e/slow-link.e2e.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CDPSession, Page } from 'playwright-core';
import { useE2eEnvironment, withFailureScreenshots } from './harness.ts';
import { field } from './identity-steps.ts';
import { signInFirstAdmin } from './reports-steps.ts';

const SLOW_LINK = {
  offline: false,
  latency: 300,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
const SIGN_IN_USABLE_MS = 3_000;
const SIGN_IN_MAX_BYTES = 250 * 1024;

const environment = useE2eEnvironment();

/** Counts the bytes received on the wire (compressed, with headers) from now on. */
async function slowLink(page: Page): Promise<{ bytes: () => number; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  let received = 0;
  const urls = new Map<string, string>();
  const t0 = Date.now();
  cdp.on('Network.requestWillBeSent', (event) => {
    urls.set(event.requestId, event.request.url);
    if (process.env.SLOW_LINK_TRACE) console.log(Date.now() - t0, 'start', event.request.url);
  });
  cdp.on('Network.loadingFinished', (event) => {
    received += event.encodedDataLength;
    if (process.env.SLOW_LINK_TRACE)
      console.log(Date.now() - t0, 'end', event.encodedDataLength, urls.get(event.requestId));
  });
  return { bytes: () => received, cdp };
}

function report(what: string, milliseconds: number, bytes: number): void {
  console.log(
    `slow link (1.6 Mbps, 300 ms): ${what} usable after ${milliseconds} ms, ${(bytes / 1024).toFixed(1)} kB received`,
  );
}

test('the sign-in page is usable in 3 s on a slow link, with an empty cache', { timeout: 120_000 }, () =>
  withFailureScreenshots(environment(), 'slow-link-sign-in', async () => {
    const { baseUrl, openPage } = environment();
    for (const locale of ['en-GB', 'fr-FR']) {
      const { page, problems } = await openPage({ viewport: { width: 375, height: 740 }, locale });
      const link = await slowLink(page);
      await page.goto(`${baseUrl}/sign-in`);
      // Usable: the e-mail field can be typed into and the button pressed.
      const email = page.getByLabel(
        locale === 'en-GB' ? field('E-mail address') : field('Adresse électronique'),
      );
      await email.waitFor();
      // What crossed the wire before the form was there (later requests, such as the terms' announcement, are not
      // needed to use it), and when, on the page's own clock: the figure is the browser's, not the driver's.
      const bytes = link.bytes();
      const elapsed = Math.round(await page.evaluate(() => performance.now()));
      await email.fill('officer@customs.example.org');
      await page
        .getByRole('button', { name: locale === 'en-GB' ? 'Sign in' : 'Se connecter', exact: true })
        .waitFor();
      report(`sign-in page (${locale})`, elapsed, bytes);
      assert.ok(
        elapsed <= SIGN_IN_USABLE_MS,
        `sign-in usable in ${elapsed} ms (target ${SIGN_IN_USABLE_MS})`,
      );
      assert.ok(bytes <= SIGN_IN_MAX_BYTES, `${bytes} bytes before usable (target ${SIGN_IN_MAX_BYTES})`);
      assert.deepEqual(problems, []);
      await page.context().close();
    }
  }),
);

test('the explorer shows its filters while its data is still on the way', { timeout: 180_000 }, () =>
  withFailureScreenshots(environment(), 'slow-link-explorer', async () => {
    const env = environment();
    const { page, problems } = await env.openPage({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
    });
    await signInFirstAdmin(env, page);
    const link = await slowLink(page);
    const started = Date.now();
    await page.getByRole('navigation').getByRole('link', { name: 'Data explorer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data explorer' }).waitFor();
    const shown = Date.now() - started;
    report('explorer (signed in, shell cached): heading and filters', shown, link.bytes());
    await page.getByTestId('result-count').waitFor();
    report('explorer: first results counted', Date.now() - started, link.bytes());
    assert.ok(shown <= SIGN_IN_USABLE_MS, `the explorer's page shows in ${shown} ms`);
    assert.deepEqual(problems, []);
  }),
);
