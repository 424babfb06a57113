/**
 * Steps of the explorer's browser tests: signing in a seeded reader, opening the explorer, and reading what the
 * page shows (the result count, the trend's figures, the map's counts).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { WatchedPage } from './harness.ts';
import { acceptTerms, chooseOwnPassword, enrolSecondFactor, signInWithPassword } from './identity-steps.ts';

/** First sign-in of a seeded user: password, authenticator enrolment, terms, own password; ends on the home page. */
export async function signInFirstTime(page: Page, baseUrl: string, email: string, password: string) {
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
export async function openExplorerFromNavigation(page: Page) {
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

export async function resultCount(page: Page): Promise<string> {
  const count = page.getByTestId('result-count');
  await page.waitForFunction(() =>
    /\d+ matching record/.test(document.querySelector('[data-testid="result-count"]')?.textContent ?? ''),
  );
  return count.innerText();
}

/** The trend's figures (year → seizures), from the table folded under the chart; years without seizures left out. */
export async function trendFigures(page: Page): Promise<Map<string, number>> {
  const table = page.getByTestId('trend-figures');
  await table.waitFor({ state: 'attached' });
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return new Map(rows.filter(([, count]) => count !== '0').map(([year, count]) => [year!, Number(count)]));
}

export async function mapCount(page: Page, country: string): Promise<number> {
  const shape = page.getByTestId('world-map').locator(`path[data-country="${country}"]`).first();
  return Number(await shape.getAttribute('data-count'));
}

export async function openDashboard(page: Page) {
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await page.getByTestId('trend-chart').locator('canvas').waitFor();
  await page.getByTestId('world-map').waitFor();
}

/** No console errors, uncaught exceptions or CSP violations, except the 404 the test asked for on purpose. */
export function assertClean(watched: WatchedPage, expected404: string | null = null) {
  const problems = watched.problems.filter(
    (problem) => expected404 === null || !(problem.includes('404') && problem.endsWith(`${expected404})`)),
  );
  assert.deepEqual(problems, [], 'no console errors, uncaught exceptions or CSP violations');
}

/** Waits until the page counts exactly this many matching records. */
export async function waitForCount(page: Page, count: number) {
  const text = `${count} matching record${count === 1 ? '' : 's'}`;
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="result-count"]')?.textContent === expected,
    text,
  );
}
