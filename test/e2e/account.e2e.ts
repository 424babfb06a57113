/**
 * The account page and signing out, on the real server, SMTP server and Chromium under the production CSP: the
 * first Secretariat admin signs in for the first time, sees their details and sessions, creates a personal API
 * token (shown once), replaces the one-time password, then signs out.
 *
 * Run: npx vite build && node --import tsx --test test/e2e/account.e2e.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { saveScreenshot, useE2eEnvironment, type WatchedPage, withFailureScreenshots } from './harness.ts';
import {
  acceptTerms,
  chooseOwnPassword,
  enrolSecondFactor,
  field,
  signInWithPassword,
} from './identity-steps.ts';

const FIRST_OWN_PASSWORD = 'Secretariat-vetting-desk-passphrase';
const NEW_PASSWORD = 'Second-passphrase-for-the-vetting-desk';

/** The admin's page, signed in by the first test for the next ones (the tests of this file run in order). */
let admin: WatchedPage | undefined;

const environment = useE2eEnvironment();

test('my account: details, sessions, and an API token shown once', { timeout: 120_000 }, () =>
  withFailureScreenshots(environment(), 'account', async () => {
    const { baseUrl, openPage, firstAdmin } = environment();
    admin = await openPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const a = admin.page;
    const credentials = await firstAdmin();
    await signInWithPassword(a, baseUrl, credentials.email, credentials.password);
    await enrolSecondFactor(a);
    await acceptTerms(a, '/change-password');
    // No data before the one-time password is replaced.
    await chooseOwnPassword(a, credentials.password, FIRST_OWN_PASSWORD, '/');

    await a.getByTestId('user-menu').click();
    await a.getByRole('menuitem', { name: 'My account' }).click();
    await a.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await a.getByRole('cell', { name: credentials.email }).waitFor();
    await a.getByText('This browser').waitFor();
    await a.getByLabel(field('Name')).fill('Seizure analysis notebook');
    await a.getByRole('button', { name: 'Create the token' }).click();
    const secret = a.getByTestId('new-token');
    await secret.waitFor();
    assert.ok((await secret.innerText()).trim().length >= 20, 'the token is shown');
    await saveScreenshot(a, 'account-en-1280');
    // Once copied, the secret is gone from the page for good; the token stays in the list, revocable.
    await a.getByRole('button', { name: 'I have copied it' }).click();
    const revoke = a.getByRole('button', { name: 'Revoke the token Seizure analysis notebook' });
    await revoke.waitFor();
    // The list can show the token a moment before the secret's panel is gone.
    await secret.waitFor({ state: 'detached', timeout: 5000 });
    assert.equal(await secret.count(), 0, 'the secret is no longer shown');
    await revoke.click();
    await a.getByText('Revoked', { exact: true }).waitFor();

    assert.equal(await a.locator('style').count(), 0, 'no <style> element in the document');
    assert.deepEqual(admin.problems, [], 'no console errors, uncaught exceptions or CSP violations');
  }),
);

test('changing the password from my account', { timeout: 60_000 }, () =>
  withFailureScreenshots(environment(), 'password', async () => {
    assert.ok(admin, 'needs the signed-in admin of the first test');
    const a = admin.page;
    await a.getByLabel(field('Current password')).fill(FIRST_OWN_PASSWORD);
    await a.getByLabel(field('New password')).fill(NEW_PASSWORD);
    await a.getByLabel(field('New password again')).fill(NEW_PASSWORD);
    await a.getByRole('button', { name: 'Change the password' }).click();
    await a.getByText('Your password has been changed.').waitFor();
    await saveScreenshot(a, 'account-password-changed-en-1280');

    // The change renews the session (and its CSRF token): the next change of state must still go through.
    await a.getByLabel(field('Name')).fill('After the password change');
    await a.getByRole('button', { name: 'Create the token' }).click();
    await a.getByTestId('new-token').waitFor();
    assert.deepEqual(admin.problems, [], 'no console errors, uncaught exceptions or CSP violations');
  }),
);

test('signing out ends the session; a guarded page then asks to sign in', { timeout: 60_000 }, () =>
  withFailureScreenshots(environment(), 'sign-out', async () => {
    const { baseUrl } = environment();
    assert.ok(admin, 'needs the signed-in admin of the first test');
    const a = admin.page;
    await a.goto(`${baseUrl}/`);
    await a.getByTestId('user-menu').click();
    await a.getByRole('menuitem', { name: 'Sign out' }).click();
    await a.waitForURL(
      (url) => url.pathname === '/sign-in' && url.searchParams.get('reason') === 'signed_out',
    );
    await a.getByText('You have signed out.').waitFor();
    assert.equal(await a.getByRole('navigation', { name: 'Administration' }).count(), 0);

    await a.goto(`${baseUrl}/admin/users`);
    await a.waitForURL(
      (url) => url.pathname === '/sign-in' && url.searchParams.get('from') === '/admin/users',
    );
    // Asked directly, the server no longer knows the session either.
    const status = await a.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    assert.equal(status, 401, 'the session is closed on the server');
  }),
);
