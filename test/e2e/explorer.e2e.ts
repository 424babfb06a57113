/**
 * The data explorer end to end, on the real server and database under the production CSP: a Kenyan Party
 * member filters pangolin seizures (Manis, through the resolver) with Kenya as the country of origin, opens a
 * record and its history, and looks at the trend and the world map; an ICCWC member then opens the same URL
 * and is shown other numbers. Both sets of numbers are checked against the sharing rule applied to the seed.
 *
 * Run: npx vite build && node --import tsx --test test/e2e/explorer.e2e.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  BULK_COUNT,
  CORRECTED_INDEX,
  CORRECTION_REASON,
  SEEDED,
  isVisibleTo,
  seedExplorerData,
  type ExplorerSeed,
  type SeededRecord,
} from './explorer-seed.ts';
import { saveScreenshot, useE2eEnvironment, withFailureScreenshots, type WatchedPage } from './harness.ts';
import {
  acceptTerms,
  assertNoHorizontalOverflow,
  chooseOwnPassword,
  enrolSecondFactor,
  signInWithPassword,
} from './identity-steps.ts';

let seed: ExplorerSeed | undefined;
const environment = useE2eEnvironment({
  prepareDataDir: async (dataDir) => {
    seed = await seedExplorerData(dataDir);
  },
});

type Reader = Parameters<typeof isVisibleTo>[0];
const KENYA: Reader = { kind: 'party', party: 'KE' };
const ICCWC: Reader = { kind: 'iccwc' };

/** The filter the test sets: the genus Manis (all its species) with Kenya as the country of origin. */
const matchesFilter = (seeded: SeededRecord) =>
  seeded.record.taxon.startsWith('Manis ') && seeded.record.originCountry === 'KE';

function expected(reader: Reader) {
  const records = SEEDED.filter((seeded) => isVisibleTo(reader, seeded) && matchesFilter(seeded));
  const perYear = new Map<string, number>();
  const perDestination = new Map<string, number>();
  for (const { record } of records) {
    const year = record.seizureDate!.slice(0, 4);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    perDestination.set(record.destinationCountry!, (perDestination.get(record.destinationCountry!) ?? 0) + 1);
  }
  return { count: records.length, perYear, perDestination };
}

/** First sign-in of a seeded user: password, authenticator enrolment, terms, own password; ends on the home page. */
async function signInFirstTime(page: Page, baseUrl: string, email: string, password: string) {
  await signInWithPassword(page, baseUrl, email, password);
  await enrolSecondFactor(page);
  await acceptTerms(page, '/change-password');
  await chooseOwnPassword(page, password, `Own-passphrase-${email.slice(0, 12)}-2026`, '/');
}

/**
 * Clicks "Data explorer" in the navigation. The password step that ends the first sign-in navigates home twice
 * (once when the session says "done", once when its own refresh returns); a click between the two is undone by
 * the second, so the click is repeated until the explorer stays.
 */
async function openExplorerFromNavigation(page: Page) {
  for (let attempt = 1; ; attempt += 1) {
    await page.getByRole('navigation').getByRole('link', { name: 'Data explorer' }).click();
    try {
      await page.getByRole('heading', { level: 1, name: 'Data explorer' }).waitFor({ timeout: 10_000 });
      await page.getByTestId('result-row').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
      if (new URL(page.url()).pathname === '/explorer') return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
    if (attempt >= 3) throw new Error('the explorer did not stay open');
  }
}

async function resultCount(page: Page): Promise<string> {
  const count = page.getByTestId('result-count');
  await page.waitForFunction(() =>
    /\d+ matching record/.test(document.querySelector('[data-testid="result-count"]')?.textContent ?? ''),
  );
  return count.innerText();
}

/** The trend's figures (year → seizures), from the table folded under the chart; years without seizures left out. */
async function trendFigures(page: Page): Promise<Map<string, number>> {
  const table = page.getByTestId('trend-figures');
  await table.waitFor({ state: 'attached' });
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return new Map(rows.filter(([, count]) => count !== '0').map(([year, count]) => [year!, Number(count)]));
}

async function mapCount(page: Page, country: string): Promise<number> {
  const shape = page.getByTestId('world-map').locator(`path[data-country="${country}"]`).first();
  return Number(await shape.getAttribute('data-count'));
}

async function openDashboard(page: Page) {
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await page.getByTestId('trend-chart').locator('canvas').waitFor();
  await page.getByTestId('world-map').waitFor();
}

/** No console errors, uncaught exceptions or CSP violations, except the 404 the test asked for on purpose. */
function assertClean(watched: WatchedPage, expected404: string | null = null) {
  const problems = watched.problems.filter(
    (problem) => expected404 === null || !(problem.includes('404') && problem.endsWith(`${expected404})`)),
  );
  assert.deepEqual(problems, [], 'no console errors, uncaught exceptions or CSP violations');
}

let sharedUrl = '';

test(
  'a Party member filters, opens a record with its history, and sees the trend and the map',
  { timeout: 300_000 },
  () =>
    withFailureScreenshots(environment(), 'explorer-party', async () => {
      const { baseUrl, openPage } = environment();
      assert.ok(seed, 'the database was seeded');
      const watched = await openPage({
        viewport: { width: 1280, height: 900 },
        locale: 'en-GB',
        reducedMotion: 'reduce',
      });
      const page = watched.page;
      await signInFirstTime(page, baseUrl, seed.party.email, seed.party.password);

      // The navigation offers the explorer to a user with ITD access.
      await openExplorerFromNavigation(page);

      // Unfiltered, the reader's records fill several pages: only the rows in view are in the page, and
      // scrolling to the end of the box fetches the next page with its cursor.
      assert.match(await resultCount(page), /^\d+ matching records$/);
      const total = Number((await resultCount(page)).split(' ')[0]);
      assert.ok(total > BULK_COUNT, `all the records Kenya may see are counted (${total})`);
      const rowsInPage = () => page.getByTestId('result-row').count();
      assert.ok((await rowsInPage()) <= 40, `only the rows in view are rendered (${await rowsInPage()})`);
      const nextPage = page.waitForResponse(
        (response) => response.url().includes('/api/v1/seizures?') && response.url().includes('cursor='),
      );
      await page.getByTestId('result-table').evaluate((box) => box.scrollTo(0, box.scrollHeight));
      assert.equal((await nextPage).status(), 200, 'the next page is fetched when the end comes into view');
      await page.getByTestId('result-table').evaluate((box) => box.scrollTo(0, box.scrollHeight));
      assert.ok((await rowsInPage()) <= 40, 'still only the rows in view after scrolling');

      // Taxon through the resolver: the genus Manis covers every pangolin species below it.
      await page.getByRole('combobox', { name: 'Taxon' }).fill('Manis');
      await page.getByRole('option', { name: /^Manis \(Genus/ }).click();
      await page.getByTestId('taxon-pills').getByText('Manis', { exact: true }).waitFor();
      // Kenya as the country of origin.
      await page.getByRole('combobox', { name: 'Country', exact: true }).fill('Kenya');
      await page.getByRole('option', { name: 'Kenya', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('country') === 'KE');
      await page.getByRole('combobox', { name: 'Country as' }).click();
      await page.getByRole('option', { name: 'Country of origin' }).click();
      await page.waitForURL((url) => url.searchParams.get('countryRole') === 'origin');
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('country'), 'KE', 'the country is in the URL');
      assert.match(url.searchParams.get('taxon') ?? '', /^\d+$/, 'the taxon id is in the URL');

      const kenya = expected(KENYA);
      await page.waitForFunction(
        (count) => document.querySelectorAll('[data-testid="result-row"]').length === count,
        kenya.count,
      );
      assert.equal(await resultCount(page), `${kenya.count} matching records`);
      await saveScreenshot(page, 'explorer-records-en-1280');

      // The corrected record: its drawer shows the current version and the one it replaced, with the reason.
      const correctedId = seed.recordIds[CORRECTED_INDEX]!;
      await page.getByRole('button', { name: `Open record ${correctedId}: Manis gigantea` }).click();
      const detail = page.getByTestId('record-detail');
      await detail.waitFor();
      assert.match(page.url(), new RegExp(`record=${correctedId}`), 'the open record is in the URL');
      const history = page.getByTestId('record-history');
      await history.getByText('Version 2 (current)').waitFor();
      await history.getByText('Version 1', { exact: true }).waitFor();
      await history.getByText(CORRECTION_REASON).waitFor();
      assert.match(await detail.innerText(), /United Republic of Tanzania|Tanzania/);
      assert.match(await detail.innerText(), /420/, 'the corrected weight is shown');
      await page.waitForTimeout(400); // the drawer's slide-in
      await saveScreenshot(page, 'explorer-record-en-1280');
      await page.getByRole('button', { name: 'Close the record' }).click();
      await page.waitForURL((current) => !current.searchParams.has('record'));

      // The dashboard: trend per year and the map, counted under the destination.
      await openDashboard(page);
      assert.deepEqual(await trendFigures(page), kenya.perYear, 'the trend matches the rule');
      assert.equal(await mapCount(page, 'KE'), kenya.count, 'every shown record has Kenya as its origin');
      await page.getByRole('combobox', { name: 'Count each seizure under its' }).click();
      await page.getByRole('option', { name: 'Country of destination' }).click();
      await page.waitForURL((current) => current.searchParams.get('mapRole') === 'destination');
      for (const [country, count] of kenya.perDestination) {
        await page.waitForFunction(
          ([code, value]) =>
            document
              .querySelector(`[data-testid="world-map"] path[data-country="${code}"]`)
              ?.getAttribute('data-count') === value,
          [country, String(count)] as const,
        );
      }
      assert.notEqual(
        await page.getByTestId('world-map').locator('path[data-country="CN"]').first().getAttribute('fill'),
        '#e9ecef',
        'a country with seizures is coloured',
      );
      await saveScreenshot(page, 'explorer-dashboard-en-1280');

      assert.equal(await page.locator('style').count(), 0, 'no <style> element in the document');
      assertClean(watched);
      sharedUrl = page.url();
    }),
);

test('an ICCWC member opening the same URL sees the counts the rule gives them', { timeout: 300_000 }, () =>
  withFailureScreenshots(environment(), 'explorer-iccwc', async () => {
    const { baseUrl, openPage } = environment();
    assert.ok(seed, 'the database was seeded');
    assert.ok(sharedUrl, 'needs the URL of the first test');
    const watched = await openPage({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      reducedMotion: 'reduce',
    });
    const page = watched.page;
    await signInFirstTime(page, baseUrl, seed.iccwc.email, seed.iccwc.password);
    await page.goto(sharedUrl);
    await page.getByRole('heading', { level: 1, name: 'Data explorer' }).waitFor();

    const iccwc = expected(ICCWC);
    const kenya = expected(KENYA);
    assert.notEqual(iccwc.count, kenya.count, 'the seed gives the two readers different counts');
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    await page.waitForFunction(
      (count) =>
        document
          .querySelector('[data-testid="world-map"] path[data-country="CN"]')
          ?.getAttribute('data-count') === count,
      String(iccwc.perDestination.get('CN') ?? 0),
    );
    assert.deepEqual(await trendFigures(page), iccwc.perYear, 'the trend matches the rule');
    for (const [country, count] of iccwc.perDestination) {
      assert.equal(await mapCount(page, country), count, `destination ${country}`);
    }
    await saveScreenshot(page, 'explorer-dashboard-iccwc-1280');

    await page.getByRole('tab', { name: 'Records' }).click();
    assert.equal(await resultCount(page), `${iccwc.count} matching records`);
    assert.equal(await page.getByTestId('result-row').count(), iccwc.count);

    // A record Kenya sees but ICCWC may not (Kenya's own report, not shared with ICCWC): "not found".
    const kenyaOnly = SEEDED.findIndex((seeded) => isVisibleTo(KENYA, seeded) && !isVisibleTo(ICCWC, seeded));
    const hidden = new URL(sharedUrl);
    hidden.searchParams.set('record', String(seed.recordIds[kenyaOnly]));
    await page.goto(hidden.toString());
    await page.getByTestId('record-not-found').waitFor();
    await page.getByRole('button', { name: 'Close the record' }).click();

    // A bad value in a shared URL drops only that filter, and the page says so.
    const damaged = new URL(sharedUrl);
    damaged.searchParams.set('tab', 'records');
    damaged.searchParams.set('yearFrom', 'nineteen');
    await page.goto(damaged.toString());
    assert.match(await page.getByTestId('explorer-rejected').innerText(), /yearFrom/);
    assert.equal(await resultCount(page), `${iccwc.count} matching records`, 'the other filters still apply');

    // On a phone: the records, the record drawer and the dashboard, with nothing overflowing.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByTestId('result-row').first().waitFor();
    await assertNoHorizontalOverflow(page, 'records at 375 px');
    await saveScreenshot(page, 'explorer-records-iccwc-375');
    await page.getByTestId('result-row').first().getByRole('button').click();
    await page.getByTestId('record-detail').waitFor();
    await page.waitForTimeout(400);
    await saveScreenshot(page, 'explorer-record-iccwc-375');
    await page.getByRole('button', { name: 'Close the record' }).click();
    await openDashboard(page);
    await page.getByTestId('route-chart').locator('canvas').waitFor();
    await assertNoHorizontalOverflow(page, 'dashboard at 375 px');
    await saveScreenshot(page, 'explorer-dashboard-iccwc-375');

    assert.equal(await page.locator('style').count(), 0, 'no <style> element in the document');
    assertClean(watched, `/api/v1/seizures/${seed.recordIds[kenyaOnly]!}`);
  }),
);
