/**
 * Steps of the reports browser test: a Party reporter made through the real front door (registration, e-mail
 * verification, the Secretariat's approval through the API from the admin's signed-in page, the set-password link),
 * and the signed-in admin it needs.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2eEnvironment } from './harness.ts';
import {
  acceptTerms,
  chooseOwnPassword,
  enrolSecondFactor,
  field,
  signInWithPassword,
} from './identity-steps.ts';
import { linkIn } from './mail-server.ts';

export const reporter = {
  firstName: 'Wanjiku',
  lastName: 'Kamau',
  organisation: 'Kenya Wildlife Service',
  email: 'wanjiku.kamau@kws.example.org',
  password: 'Ivory-tusks-counted-at-Mombasa-port',
};

/** The first Secretariat admin, signed in for the first time on this page (ends on the home page). */
export async function signInFirstAdmin(env: E2eEnvironment, page: Page): Promise<void> {
  const credentials = await env.firstAdmin();
  await signInWithPassword(page, env.baseUrl, credentials.email, credentials.password);
  await enrolSecondFactor(page);
  await acceptTerms(page, '/change-password');
  await chooseOwnPassword(page, credentials.password, 'Secretariat-reports-desk-passphrase', '/');
}

/**
 * Registers the reporter, confirms the address, has the signed-in admin approve them as a Kenyan reporter with ITD
 * access, sets their password from the e-mailed link and signs them in on `page` (ends on the home page).
 */
export async function makeReporter(env: E2eEnvironment, admin: Page, page: Page): Promise<void> {
  const registered = await fetch(`${env.baseUrl}/api/v1/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      country: 'KE',
      lastName: reporter.lastName,
      firstName: reporter.firstName,
      organisation: reporter.organisation,
      functionTitle: 'Wildlife trade data officer',
      telephone: '+254 20 237 9407',
      email: reporter.email,
      requestsItdAccess: true,
      requestedGroups: [],
      justification: 'I prepare Kenya’s annual illegal trade report.',
      language: 'en',
    }),
  });
  assert.equal(registered.status, 202);
  const verification = await env.mail.waitFor(reporter.email, /Confirm your e-mail address/);
  const token = new URL(env.baseUrl + linkIn(verification, '/verify-email?token=')).searchParams.get('token');
  const verified = await fetch(`${env.baseUrl}/api/v1/registrations/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  assert.equal(verified.status, 200);

  // The approval itself is tested page by page in identity.e2e.ts; here the admin's page calls the same API.
  const approved = await admin.evaluate(async (email) => {
    const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
    const list = (await (await fetch('/api/v1/registrations?status=pending_review')).json()) as {
      items: { id: string; email: string }[];
    };
    const request = list.items.find((item) => item.email === email);
    if (!request) return 'no request';
    const response = await fetch(`/api/v1/registrations/${request.id}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({
        newOrganisation: { name: 'Kenya Wildlife Service', kind: 'party', party: 'KE', authorityType: null },
        role: 'reporter',
        itdAccess: true,
      }),
    });
    return response.status;
  }, reporter.email);
  assert.equal(approved, 200);

  const approval = await env.mail.waitFor(reporter.email, /approved/);
  await page.goto(env.baseUrl + linkIn(approval, '/reset-password/complete?token='));
  await page.getByLabel(field('New password')).fill(reporter.password);
  await page.getByLabel(field('New password again')).fill(reporter.password);
  await page.getByRole('button', { name: 'Save the password' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await signInWithPassword(page, env.baseUrl, reporter.email, reporter.password);
  await enrolSecondFactor(page);
  await acceptTerms(page, '/');
}
