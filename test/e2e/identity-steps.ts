/**
 * Steps of the identity flows in the browser, shared by the identity tests: signing in with the password, the
 * authenticator app (TOTP computed here with otpauth from the key shown on the page), the recovery codes and
 * the terms of use.
 */
import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import type { Locator, Page } from 'playwright-core';
import { saveScreenshot } from './harness.ts';

/** The person who asks for access in the identity tests. */
export const applicant = {
  firstName: 'Amina',
  lastName: 'Odhiambo',
  organisation: 'Kenya Revenue Authority',
  functionTitle: 'Customs officer, wildlife desk',
  telephone: '+254 20 281 7000',
  email: 'amina.odhiambo@kra.example.org',
  group: 'Cheetah enforcement group',
  justification: 'I investigate ivory and pangolin scale seizures at Jomo Kenyatta International Airport.',
  password: 'Scales-seized-at-JKIA-in-March',
};
export const applicantName = `${applicant.firstName} ${applicant.lastName}`;

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

/**
 * The sign-in step of someone who received a one-time password: they choose their own, then go on to `to`.
 */
export async function chooseOwnPassword(
  page: Page,
  current: string,
  next: string,
  to: string,
): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/change-password');
  await page.getByRole('heading', { level: 1, name: 'Choose your own password' }).waitFor();
  await page.getByLabel(field('Current password')).fill(current);
  await page.getByLabel(field('New password')).fill(next);
  await page.getByLabel(field('New password again')).fill(next);
  await page.getByRole('button', { name: 'Change the password' }).click();
  await page.waitForURL((url) => url.pathname === to);
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

/** Fills every field of the registration form (in English) for this person, without sending it. */
export async function fillRegistrationForm(page: Page, person: typeof applicant): Promise<void> {
  await page.getByRole('combobox', { name: 'Country' }).fill('keny');
  await page.getByRole('option', { name: 'Kenya' }).click();
  await page.getByLabel(field('First name')).fill(person.firstName);
  await page.getByLabel(field('Last name')).fill(person.lastName);
  await page.getByLabel(field('Organisation')).fill(person.organisation);
  await page.getByLabel(field('Function (job title)')).fill(person.functionTitle);
  await page.getByLabel(field('Official e-mail address')).fill(person.email);
  await page.getByLabel(field('Telephone')).fill(person.telephone);
  await page.getByRole('checkbox', { name: 'The Illegal Trade Database (ITD)' }).check();
  const groups = page.getByRole('combobox', { name: 'Closed user groups' });
  await groups.fill(person.group);
  await groups.press('Enter');
  await page.getByLabel(field('Why do you need access?')).fill(person.justification);
}

/**
 * In a request's card of the review queue: approval into a new Party organisation named as requested, with the
 * role "member" (checking that only a Party body's roles are offered) and the ITD access preset from the request.
 */
export async function fillApproval(page: Page, card: Locator, organisation: string): Promise<void> {
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await card.getByRole('radio', { name: 'A new organisation' }).check();
  assert.equal(await card.getByLabel(field('Name')).inputValue(), organisation);
  assert.equal(await card.getByRole('combobox', { name: 'Party' }).inputValue(), 'Kenya');
  await card.getByLabel(field('Type of authority')).fill('Customs');
  await card.getByRole('combobox', { name: 'Role' }).click();
  assert.deepEqual(
    await page.getByRole('listbox').getByRole('option').allInnerTexts(),
    ['Focal point', 'Reporter', 'Member'],
    'only the roles of a Party body are offered',
  );
  await page.getByRole('option', { name: 'Member' }).click();
  assert.ok(
    await card.getByRole('checkbox', { name: 'Give access to the Illegal Trade Database' }).isChecked(),
    'ITD access is preset from the request',
  );
}

/** On /admin/terms: version 2, from the text in force plus a section, announced with a summary in each language. */
export async function fillNewTermsVersion(page: Page): Promise<void> {
  const english = page.getByLabel(field('Text — English'));
  await english.waitFor();
  assert.match(
    await english.inputValue(),
    /^Terms of use of ITD Platform — version 1/,
    'starts from the text in force',
  );
  await english.fill(
    (await english.inputValue()).replace('version 1', 'version 2') +
      '\n\n7. Contact. Questions about these terms go to the CITES Secretariat.',
  );
  await page.getByLabel(field('Summary — English')).fill('New section 7: whom to contact about these terms.');
  await page
    .getByLabel(field('Summary — Français'))
    .fill('Nouvelle section 7 : qui contacter au sujet de ces conditions.');
  await page
    .getByLabel(field('Summary — Español'))
    .fill('Nueva sección 7: a quién dirigirse sobre estas condiciones.');
}
