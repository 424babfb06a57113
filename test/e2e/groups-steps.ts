/**
 * Steps of the closed-user-group browser test: people are made the way they are in production (registration,
 * e-mail confirmation, approval by the Secretariat, own password, authenticator app, terms), then use the groups
 * pages. Built on identity-steps.ts.
 */
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { E2eEnvironment, WatchedPage } from './harness.ts';
import {
  acceptTerms,
  chooseOwnPassword,
  enrolSecondFactor,
  field,
  signInWithPassword,
} from './identity-steps.ts';
import { linkIn } from './mail-server.ts';

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 800 },
  isMobile: true,
  hasTouch: true,
  locale: 'en-GB',
};

export interface Person {
  firstName: string;
  lastName: string;
  countryQuery: string;
  countryName: string;
  organisation: string;
  functionTitle: string;
  telephone: string;
  email: string;
  password: string;
  justification: string;
  /** The kind of organisation the Secretariat files the person under. */
  organisationKind: 'party' | 'igo';
}

export const nameOf = (person: Person) => `${person.firstName} ${person.lastName}`;

/** The first Secretariat admin's first sign-in: authenticator app, terms, own password; ends on /. */
export async function signInFirstAdmin(env: E2eEnvironment): Promise<WatchedPage> {
  const credentials = await env.firstAdmin();
  const admin = await env.openPage(DESKTOP);
  await signInWithPassword(admin.page, env.baseUrl, credentials.email, credentials.password);
  await enrolSecondFactor(admin.page);
  await acceptTerms(admin.page, '/change-password');
  await chooseOwnPassword(admin.page, credentials.password, 'Secretariat-groups-desk-passphrase', '/');
  await admin.page.getByTestId('user-menu').waitFor();
  return admin;
}

/**
 * A person registers (ITD access not asked), confirms the address, is approved by the admin into a new
 * organisation of their kind, sets a password and signs in for the first time. Returns their page, on /.
 */
export async function registerAndApprove(
  env: E2eEnvironment,
  admin: Page,
  person: Person,
  options: BrowserContextOptions = DESKTOP,
): Promise<WatchedPage> {
  const { baseUrl, mail } = env;
  const watched = await env.openPage(options);
  const p = watched.page;
  await p.goto(`${baseUrl}/register`);
  await p.getByRole('heading', { level: 1, name: 'Request access' }).waitFor();
  await p.getByRole('combobox', { name: 'Country' }).fill(person.countryQuery);
  await p.getByRole('option', { name: person.countryName }).click();
  await p.getByLabel(field('First name')).fill(person.firstName);
  await p.getByLabel(field('Last name')).fill(person.lastName);
  await p.getByLabel(field('Organisation')).fill(person.organisation);
  await p.getByLabel(field('Function (job title)')).fill(person.functionTitle);
  await p.getByLabel(field('Official e-mail address')).fill(person.email);
  await p.getByLabel(field('Telephone')).fill(person.telephone);
  await p.getByLabel(field('Why do you need access?')).fill(person.justification);
  await p.getByRole('button', { name: 'Send my request' }).click();
  await p.getByRole('heading', { level: 1, name: 'Check your e-mail' }).waitFor();
  const verification = await mail.waitFor(person.email, /Confirm your e-mail address/);
  await p.goto(baseUrl + linkIn(verification, '/verify-email?token='));
  await p.getByText('Your address is confirmed').waitFor();

  await admin.goto(`${baseUrl}/admin/registrations`);
  const card = admin.getByRole('article', { name: nameOf(person) });
  await card.waitFor();
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await card.getByRole('radio', { name: 'A new organisation' }).check();
  if (person.organisationKind === 'igo') {
    await card.getByRole('combobox', { name: 'Kind' }).click();
    await admin.getByRole('option', { name: 'Intergovernmental organisation' }).click();
  } else {
    await card.getByLabel(field('Type of authority')).fill(person.functionTitle.split(',')[0] ?? 'Customs');
  }
  await card.getByRole('button', { name: 'Approve and send the invitation' }).click();
  await admin
    .getByTestId('decision-notice')
    .filter({ hasText: nameOf(person) })
    .waitFor();

  const approval = await mail.waitFor(person.email, /approved/);
  await p.goto(baseUrl + linkIn(approval, '/reset-password/complete?token='));
  await p.getByLabel(field('New password')).fill(person.password);
  await p.getByLabel(field('New password again')).fill(person.password);
  await p.getByRole('button', { name: 'Save the password' }).click();
  await p.waitForURL((url) => url.pathname === '/sign-in');
  await signInWithPassword(p, baseUrl, person.email, person.password);
  await enrolSecondFactor(p);
  await acceptTerms(p, '/');
  await p.getByTestId('welcome').waitFor();
  return watched;
}

/** Console errors other than the 404 answers a test provokes on purpose. */
export function unexpectedProblems(problems: string[], allowed404 = false): string[] {
  return problems.filter((line) => !(allowed404 && /the server responded with a status of 404/.test(line)));
}

/** Every text of the page, for "nothing on this page mentions X" checks. */
export async function pageText(page: Page): Promise<string> {
  const text = await page.locator('body').innerText();
  assert.ok(text.length > 0, 'the page shows something');
  return text;
}
