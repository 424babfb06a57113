/**
 * The web shell end to end, on the real server and database: languages, the restricted banner, and the species
 * checklist (near-match search and the detail drawer), at desktop and phone widths, under the production CSP.
 *
 * Run: npx vite build && node --import tsx --test test/e2e/shell.e2e.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveScreenshot, useE2eEnvironment } from './harness.ts';

const environment = useE2eEnvironment();

/**
 * Waits until the drawer has finished sliding in, so the screenshot shows it at rest. Mantine starts the
 * transition from JavaScript a moment after opening, so "no running animation" alone can be true too early:
 * wait for the end state itself (fully opaque, not translated).
 */
async function waitForDrawerAtRest(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const content = document.querySelector('.mantine-Drawer-content');
    if (!content) return false;
    const style = getComputedStyle(content);
    const isUntransformed = style.transform === 'none' || style.transform === 'matrix(1, 0, 0, 1, 0, 0)';
    return isUntransformed && style.opacity === '1' && document.getAnimations().length === 0;
  });
}

test(
  'desktop: banner, language switch remembered, checklist near match and detail drawer',
  { timeout: 120_000 },
  async () => {
    const { baseUrl, openPage } = environment();
    const { page, problems } = await openPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });

    await page.goto(`${baseUrl}/`);
    await page
      .getByRole('heading', { level: 1, name: 'Fighting illegal trade in wild fauna and flora' })
      .waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const banner = page.getByRole('note');
    assert.ok(await banner.isVisible(), 'the restricted banner is visible');
    assert.match(await banner.innerText(), /restricted — confidential/i);
    assert.match(await banner.innerText(), /authorised use only/);

    // Switch to French: the whole interface, the banner and <html lang> follow.
    await page.locator('label', { hasText: 'Français' }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Lutter contre le commerce illégal de faune et de flore sauvages',
      })
      .waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.match(await banner.innerText(), /diffusion restreinte — confidentiel/i);

    // The choice survives a reload (localStorage `itd.language`), even though the browser prefers English.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Lutter contre le commerce illégal/ }).waitFor();
    assert.equal(await page.evaluate(() => window.localStorage.getItem('itd.language')), 'fr');
    await saveScreenshot(page, 'home-fr-1280');

    // The checklist, reached through the navigation.
    await page.getByRole('navigation').getByRole('link', { name: 'Liste des espèces' }).click();
    await page.getByRole('heading', { level: 1, name: 'Liste des espèces' }).waitFor();
    await page.getByTestId('taxon-row').first().waitFor(); // the alphabetical list with no query

    // A misspelt name resolves to the accepted one, and the page says how.
    const searchBox = page.getByRole('searchbox', { name: 'Rechercher dans la liste' });
    await searchBox.fill('Manis javanicus');
    await searchBox.press('Enter');
    const resolutionLine = page.getByTestId('resolution-line');
    await resolutionLine.waitFor();
    const resolutionText = await resolutionLine.innerText();
    assert.match(resolutionText, /Manis javanicus/);
    assert.match(resolutionText, /affichage de Manis javanica/);
    assert.match(resolutionText, /correspondance approchée/);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'Manis javanicus', 'the search is in the URL');

    const row = page.getByTestId('taxon-row').filter({ hasText: 'Manis javanica' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /Pangolin javanais/, 'the common name is shown in French');
    await saveScreenshot(page, 'species-fr-1280');

    // The detail drawer: classification, all common names, Appendix, author.
    await row.getByRole('button', { name: /Manis javanica/ }).click();
    const drawer = page.getByRole('dialog');
    const details = drawer.getByTestId('taxon-detail');
    await details.waitFor();
    const detailText = await details.innerText();
    assert.match(detailText, /Pangolin javanais/, 'French common name in the drawer');
    assert.match(detailText, /Sunda pangolin/i, 'English common name in the drawer');
    assert.match(detailText, /Pangolín malayo/, 'Spanish common name in the drawer');
    assert.match(detailText, /Pholidota/, 'the classification is shown');
    assert.match(await drawer.innerText(), /Desmarest, 1822/, 'the author is shown');
    assert.ok(new URL(page.url()).searchParams.has('taxon'), 'the open taxon is in the URL');
    await waitForDrawerAtRest(page);
    await saveScreenshot(page, 'species-drawer-fr-1280');

    // The CSP allows no <style> element; the app must not even try to create one (Mantine, scroll lock…).
    assert.equal(await page.locator('style').count(), 0, 'no <style> element in the document');

    assert.deepEqual(problems, [], 'no console errors, uncaught exceptions or CSP violations');
  },
);

test('phone (375 px): burger menu, checklist fits the screen', { timeout: 120_000 }, async () => {
  const { baseUrl, openPage } = environment();
  // A Spanish browser with no remembered choice: the interface starts in Spanish.
  const { page, problems } = await openPage({
    viewport: { width: 375, height: 800 },
    locale: 'es-ES',
    isMobile: true,
    hasTouch: true,
  });

  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { level: 1, name: /Luchar contra el comercio ilegal/ }).waitFor();
  assert.match(await page.getByRole('note').innerText(), /restringido — confidencial/i);

  await page.getByRole('button', { name: 'Abrir el menú' }).click();
  // Only the burger's navigation is visible at this width (the header one is display: none).
  await page.getByRole('navigation').getByRole('link', { name: 'Lista de especies' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lista de especies' }).waitFor();

  const searchBox = page.getByRole('searchbox', { name: 'Buscar en la lista' });
  await searchBox.fill('Manis javanicus');
  // No Enter here: the debounced search must fire on its own.
  await page.getByTestId('resolution-line').filter({ hasText: 'Manis javanica' }).waitFor();
  await page.getByTestId('taxon-row').filter({ hasText: 'Manis javanica' }).first().waitFor();

  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  assert.ok(widths.document <= widths.viewport, `no horizontal overflow (${JSON.stringify(widths)})`);
  await saveScreenshot(page, 'species-es-375');

  // Clear the search: the alphabetical list, also without overflow.
  await searchBox.fill('');
  await searchBox.press('Enter');
  await page.waitForURL((url) => !url.searchParams.has('q'));
  await page.getByTestId('taxon-row').nth(1).waitFor();
  const listWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(listWidth <= 375, `no horizontal overflow in the full list (${listWidth}px)`);
  await saveScreenshot(page, 'species-list-es-375');

  assert.deepEqual(problems, [], 'no console errors, uncaught exceptions or CSP violations');
});
