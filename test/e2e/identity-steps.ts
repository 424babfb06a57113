/**
 * Steps of the identity flows in the browser, shared by the identity tests: signing in with the password, the
 * authenticator app (TOTP computed here with otpauth from the key shown on the page), the recovery codes and
 * the terms of use.
 */
import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { saveScreenshot } from './harness.ts';

/** The current code of an authenticator app holding this key. */
export function totpCode(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret.replace(/\s+/g, '')) }).generate();
}

/** Label text of a field, with or without Mantine's "required" asterisk. */
export function field(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

export interface SignInOptions {
  /** Saves screenshots of each step under this prefix. */
  screenshots?: string;
}

/** E-mail and password on /sign-in; ends on the second-factor page. */
export async function signInWithPassword(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  options: SignInOptions = {},
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel(field('E-mail address')).fill(email);
  await page.getByLabel(field('Password')).fill(password);
  if (options.screenshots) await saveScreenshot(page, `${options.screenshots}-sign-in-1280`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in/second-factor');
}

/**
 * First sign-in: adds the platform to the "app" (reads the key), confirms with a code, saves the recovery codes
 * and continues. Returns the key and the codes.
 */
export async function enrolSecondFactor(
  page: Page,
  options: SignInOptions = {},
): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.getByRole('heading', { level: 1, name: 'Set up your authenticator app' }).waitFor();
  const qr = page.getByRole('img', { name: /QR code/ });
  await qr.waitFor();
  assert.match(
    (await qr.getAttribute('src')) ?? '',
    /^data:image\/svg\+xml/,
    'the QR code is an SVG data: URL',
  );
  assert.ok(
    await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0),
    'the QR code image is shown (allowed by the CSP)',
  );
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  assert.match(secret, /^[A-Z2-7]{16,}$/, 'the key is shown as base32 text');
  if (options.screenshots) await saveScreenshot(page, `${options.screenshots}-second-factor-enrol-1280`);

  await page.getByLabel(field('6-digit code')).fill(totpCode(secret));
  await page.getByRole('button', { name: 'Confirm' }).click();

  await page.getByRole('heading', { level: 1, name: 'Your recovery codes' }).waitFor();
  const recoveryCodes = (await page.getByTestId('recovery-codes').locator('code').allTextContents()).map(
    (code) => code.trim(),
  );
  assert.equal(recoveryCodes.length, 10, 'ten recovery codes are shown');
  assert.equal(new Set(recoveryCodes).size, 10, 'the recovery codes are all different');
  const continueButton = page.getByRole('button', { name: 'Continue' });
  assert.ok(await continueButton.isDisabled(), 'cannot continue before confirming the codes are saved');
  const download = page.getByRole('link', { name: 'Download as a text file' });
  assert.match((await download.getAttribute('href')) ?? '', /^blob:/, 'the codes can be downloaded');
  if (options.screenshots) await saveScreenshot(page, `${options.screenshots}-recovery-codes-1280`);

  await page.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
  await continueButton.click();
  await page.waitForURL((url) => url.pathname === '/terms');
  return { secret, recoveryCodes };
}

/** The terms of use at sign-in: the text, its version and citation, and "I accept"; ends where `to` says. */
export async function acceptTerms(page: Page, to: string, options: SignInOptions = {}): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Terms of use' }).waitFor();
  const accept = page.getByRole('button', { name: 'I accept the terms of use' });
  await accept.waitFor();
  assert.match(await page.getByTestId('terms-version').innerText(), /version \d+, published/);
  assert.match(await page.getByTestId('terms-citation').innerText(), /^CITES Illegal Trade Database, /);
  assert.match(await page.locator('.itd-terms-text').innerText(), /Terms of use of ITD Platform/);
  if (options.screenshots) await saveScreenshot(page, `${options.screenshots}-terms-1280`);
  await accept.click();
  await page.waitForURL((url) => url.pathname === to);
}

/** Fails with the page's own words when the page shows an error instead of what the test waits for. */
export async function visibleAlerts(page: Page): Promise<string> {
  const alerts = await page.getByRole('alert').allInnerTexts();
  return alerts.join(' | ');
}

/** No horizontal scrolling at this width: nothing sticks out of the viewport. */
export async function assertNoHorizontalOverflow(page: Page, what: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  assert.ok(
    widths.document <= widths.viewport,
    `${what}: no horizontal overflow (${JSON.stringify(widths)})`,
  );
}
