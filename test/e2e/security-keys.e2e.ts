/**
 * A security key as the second factor, on the real server and Chromium with its WebAuthn virtual authenticator
 * (through the DevTools protocol): the first Secretariat admin enrols a key from the account page, names it, sees
 * it listed, signs out, and signs in again with the key instead of a code. The browser uses `localhost`, which
 * the server takes as the key's relying party (PUBLIC_URL).
 *
 * Run: npx vite build && node --import tsx --test test/e2e/security-keys.e2e.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { saveScreenshot, useE2eEnvironment, withFailureScreenshots } from './harness.ts';
import {
  acceptTerms,
  chooseOwnPassword,
  enrolSecondFactor,
  field,
  signInWithPassword,
} from './identity-steps.ts';

const OWN_PASSWORD = 'Secretariat-security-key-passphrase';
const KEY_NAME = 'Blue USB key';

const environment = useE2eEnvironment({ host: 'localhost' });

test('enrol a security key from my account, then sign in with it', { timeout: 180_000 }, () =>
  withFailureScreenshots(environment(), 'security-key', async () => {
    const { baseUrl, openPage, firstAdmin } = environment();
    const { page, problems } = await openPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'usb',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    const credentials = await firstAdmin();
    await signInWithPassword(page, baseUrl, credentials.email, credentials.password);
    await enrolSecondFactor(page);
    await acceptTerms(page, '/change-password');
    await chooseOwnPassword(page, credentials.password, OWN_PASSWORD, '/');

    // Enrol: name the key, the browser's ceremony runs against the virtual authenticator, the key is listed.
    await page.goto(`${baseUrl}/account`);
    await page.getByRole('heading', { level: 2, name: 'Security keys and passkeys' }).waitFor();
    await page.getByText('No security key yet.').waitFor();
    await page.getByLabel(field('Name of the key')).fill(KEY_NAME);
    await page.getByRole('button', { name: 'Add a security key' }).click();
    await page.getByText(`The key “${KEY_NAME}” is added.`).waitFor();
    const listed = page.getByTestId('security-keys').getByText(KEY_NAME, { exact: true });
    await listed.waitFor();
    await saveScreenshot(page, 'account-security-key-en-1280');
    const { credentials: held } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    assert.equal(held.length, 1, 'the authenticator holds one credential for the platform');
    assert.equal(held[0]!.rpId, 'localhost');

    // Sign out, then in again: password, then the key instead of the code.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await signInWithPassword(page, baseUrl, credentials.email, OWN_PASSWORD);
    await page.getByRole('button', { name: 'Use my security key' }).click();
    // The key did the second factor: next come the terms, as at every sign-in.
    await acceptTerms(page, '/');
    const session = await page.evaluate(async () => {
      const response = await fetch('/api/v1/auth/session');
      return { status: response.status, body: (await response.json()) as { next: string } };
    });
    assert.equal(session.status, 200, 'signed in with the key');
    assert.equal(session.body.next, 'done', 'fully signed in');

    // The key's use is shown on the account page.
    await page.goto(`${baseUrl}/account`);
    await page
      .getByTestId('security-keys')
      .getByText(/last used (?!never)/)
      .waitFor();
    assert.deepEqual(problems, [], 'no console errors, uncaught exceptions or CSP violations');
  }),
);
