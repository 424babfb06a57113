/**
 * The data explorer end to end, on the real server and database under the production CSP: a Kenyan Party
 * member filters pangolin seizures (Manis, through the resolver) with Kenya as the country of origin, opens a
 * record and its history, and looks at the trend and the world map; then searches the records' text, picks a
 * mode of transport, reloads, and zooms the map on a phone. An ICCWC member then opens the first URL and is
 * shown other numbers. Every number is checked against the sharing rule applied to the seed.
 *
 * Run: npx vite build && node --import tsx --test test/e2e/explorer.e2e.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BULK_COUNT,
  CORRECTED_INDEX,
  CORRECTION_REASON,
  REVIEW_FIX,
  SEEDED,
  seedExplorerData,
  type ExplorerSeed,
} from './explorer-seed.ts';
import { ICCWC, KENYA, expected, isVisibleTo, searchableText } from './explorer-expected.ts';
import {
  assertClean,
  mapCount,
  openDashboard,
  openExplorerFromNavigation,
  resultCount,
  signInFirstTime,
  trendFigures,
  waitForCount,
} from './explorer-steps.ts';
import { saveScreenshot, useE2eEnvironment, withFailureScreenshots, type WatchedPage } from './harness.ts';
import { assertNoHorizontalOverflow } from './identity-steps.ts';

let seed: ExplorerSeed | undefined;
const environment = useE2eEnvironment({
  prepareDataDir: async (dataDir) => {
    seed = await seedExplorerData(dataDir);
  },
});

let sharedUrl = '';
/** The first test's signed-in page, which the filter test goes on with. */
let partyPage: WatchedPage | undefined;

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
      // Right after the scroll the rows are placed by their estimated height, a few more than fit, for a moment;
      // what matters is that the 200 loaded rows are not all in the page.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="result-row"]').length <= 60);
      assert.ok(
        (await rowsInPage()) <= 60,
        `still only the rows in view after scrolling (${await rowsInPage()})`,
      );

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
      // The same drawer as the report pages': the cell fixed in review before submission, with who made the fix,
      // and what the later correction changed.
      const fixes = page.getByTestId('record-review-fixes');
      assert.match(await fixes.innerText(), /Corrected in review before submission/);
      assert.match(
        await fixes.innerText(),
        new RegExp(`Species: “${REVIEW_FIX.from}” → “${REVIEW_FIX.to}” \\(${REVIEW_FIX.by}, `),
      );
      const kept = await history.getByTestId('record-version-entry').innerText();
      assert.match(kept, /Version 1, replaced by ITD data officer on /);
      assert.match(kept, /Quantity: 450 → 420/);
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
      partyPage = watched;
    }),
);

test(
  'a Party member searches the text and picks a mode of transport; reloading the URL restores both',
  { timeout: 300_000 },
  () =>
    withFailureScreenshots(environment(), 'explorer-filters', async () => {
      const { baseUrl } = environment();
      assert.ok(partyPage, 'needs the signed-in page of the first test');
      const { page } = partyPage;
      await page.goto(`${baseUrl}/explorer`);
      await page.getByTestId('result-row').first().waitFor();
      const unfiltered = Number((await resultCount(page)).split(' ')[0]);
      const visible = SEEDED.filter((seeded) => isVisibleTo(KENYA, seeded));
      const concealed = visible.filter((seeded) => searchableText(seeded).includes('concealed'));
      const bySea = concealed.filter((seeded) => seeded.record.transportMode === 'Sea (container)');
      assert.ok(0 < bySea.length && bySea.length < concealed.length, 'each filter narrows the list');

      // Free text: typing searches nothing; Enter (or a pause) applies it, once.
      const searched: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname === '/api/v1/seizures' && url.searchParams.has('q'))
          searched.push(url.searchParams.get('q')!);
      });
      const search = page.getByRole('searchbox', { name: 'Search the text' });
      await search.pressSequentially('concealed');
      await search.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === 'concealed');
      await waitForCount(page, concealed.length);
      assert.ok(searched.length <= 2, `not a search per keystroke (${searched.join(' | ')})`);
      assert.equal(searched.at(-1), 'concealed');

      // Mode of transport: the values the matching records hold, with their counts.
      await page.getByRole('combobox', { name: 'Mode of transport' }).click();
      const sea = page.getByRole('option', { name: /^Sea \(container\)/ });
      assert.match(await sea.innerText(), new RegExp(`${bySea.length}$`));
      await sea.click();
      await page.keyboard.press('Escape');
      await page.waitForURL((url) => url.searchParams.get('transportMode') === 'Sea (container)');
      await waitForCount(page, bySea.length);
      assert.equal(await page.getByTestId('result-row').count(), bySea.length);
      await saveScreenshot(page, 'explorer-filters-en-1280');

      // The bookmarked URL brings back the controls as well as the results.
      await page.reload();
      await waitForCount(page, bySea.length);
      assert.equal(await page.getByRole('searchbox', { name: 'Search the text' }).inputValue(), 'concealed');
      await page.getByTestId('facet-transportMode').getByText('Sea (container)', { exact: true }).waitFor();

      // On a phone the same filters are behind the panel's button, and nothing overflows.
      await page.setViewportSize({ width: 375, height: 800 });
      await page.getByRole('button', { name: 'Filters (2 in force)' }).click();
      await page.getByRole('searchbox', { name: 'Search the text' }).waitFor();
      await assertNoHorizontalOverflow(page, 'filters at 375 px');
      await page.waitForTimeout(300); // the panel's unfolding
      await saveScreenshot(page, 'explorer-filters-en-375');

      // The map zooms with buttons (keyboard too) and moves with the arrow keys; reset shows the whole world.
      await openDashboard(page);
      const map = page.getByTestId('world-map').locator('svg[role="img"]');
      assert.equal(await map.getAttribute('viewBox'), '0 0 960 470');
      await page.getByRole('button', { name: 'Zoom in on the map' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Zoom in on the map' }).click();
      assert.equal(await map.getAttribute('data-zoom'), '2.25');
      const zoomed = await map.getAttribute('viewBox');
      await map.focus();
      await page.keyboard.press('ArrowRight');
      assert.notEqual(await map.getAttribute('viewBox'), zoomed, 'the arrow keys move the map');
      await assertNoHorizontalOverflow(page, 'zoomed map at 375 px');
      await saveScreenshot(page, 'explorer-map-zoomed-en-375');
      await page.getByRole('button', { name: 'Show the whole world' }).click();
      assert.equal(await map.getAttribute('viewBox'), '0 0 960 470');

      // Clearing the filters empties the controls too.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('tab', { name: 'Records' }).click();
      await page.getByRole('button', { name: 'Clear all filters' }).click();
      await page.waitForURL((url) => !url.searchParams.has('q') && !url.searchParams.has('transportMode'));
      await waitForCount(page, unfiltered);
      assert.equal(await page.getByRole('searchbox', { name: 'Search the text' }).inputValue(), '');
      assertClean(partyPage);
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
