/**
 * Getting in, end to end on the real server, a real SMTP server and Chromium under the production CSP:
 * registration and e-mail verification, the first Secretariat admin's first sign-in (authenticator app,
 * recovery codes, terms), the review queue and approval, the new user's set-password link and first sign-in,
 * suspension (the person is shown out at their next click), the administration pages and an amendment of the
 * terms announced on the sign-in page; the sign-in and register pages on a 375 px phone. The account page and
 * signing out are in account.e2e.ts.
 *
 * Run: npx vite build && node --import tsx --test test/e2e/identity.e2e.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContextOptions } from 'playwright-core';
import { saveScreenshot, useE2eEnvironment, type WatchedPage, withFailureScreenshots } from './harness.ts';
import {
  acceptTerms,
  chooseOwnPassword,
  applicant,
  applicantName,
  assertNoHorizontalOverflow,
  enrolSecondFactor,
  field,
  fillApproval,
  fillNewTermsVersion,
  fillRegistrationForm,
  signInWithPassword,
} from './identity-steps.ts';
import { linkIn } from './mail-server.ts';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' };
const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 800 },
  isMobile: true,
  hasTouch: true,
};

/** Pages kept signed in by the first flow for the next ones (the tests of this file run in order). */
let signedIn: { admin: WatchedPage; person: WatchedPage } | undefined;

const environment = useE2eEnvironment();

test('phone (375 px): the sign-in and register pages fit the screen', { timeout: 120_000 }, () =>
  withFailureScreenshots(environment(), 'phone', async () => {
    const { baseUrl, openPage } = environment();
    const { page, problems } = await openPage({ ...PHONE, locale: 'en-GB' });
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel(field('E-mail address')).waitFor();
    await assertNoHorizontalOverflow(page, 'sign-in at 375 px');
    await saveScreenshot(page, 'sign-in-en-375');

    // The account links are in the burger menu at this width.
    await page.getByRole('button', { name: 'Open the menu' }).click();
    // Once the menu has opened (the button says so), not while it unfolds.
    await page.getByRole('button', { name: 'Close the menu' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Request access' }).click();
    await page.waitForURL((url) => url.pathname === '/register');
    await page.getByRole('heading', { level: 1, name: 'Request access' }).waitFor();
    await page.getByRole('combobox', { name: 'Country' }).waitFor();
    await assertNoHorizontalOverflow(page, 'register at 375 px');
    await saveScreenshot(page, 'register-en-375');

    // The same form in French: longer labels, still no overflow.
    await page.locator('label', { hasText: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demander un accès' }).waitFor();
    await assertNoHorizontalOverflow(page, 'register in French at 375 px');
    assert.equal(
      await page.getByRole('combobox', { name: 'Langue des courriels' }).inputValue(),
      'Français',
      'the language for e-mails follows the interface language until chosen',
    );
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await saveScreenshot(page, 'register-fr-375');

    assert.equal(await page.locator('style').count(), 0, 'no <style> element in the document');
    assert.deepEqual(problems, [], 'no console errors, uncaught exceptions or CSP violations');
  }),
);

test(
  'a person registers, is approved by the Secretariat, sets a password and signs in',
  { timeout: 300_000 },
  () =>
    withFailureScreenshots(environment(), 'registration', async () => {
      const { baseUrl, openPage, mail, firstAdmin } = environment();

      // 1. The registration form, in English.
      const person = await openPage(DESKTOP);
      const p = person.page;
      await p.goto(`${baseUrl}/register`);
      await p.getByRole('heading', { level: 1, name: 'Request access' }).waitFor();
      await saveScreenshot(p, 'register-en-1280');
      await fillRegistrationForm(p, applicant);
      await saveScreenshot(p, 'register-filled-en-1280');
      await p.getByRole('button', { name: 'Send my request' }).click();
      await p.getByRole('heading', { level: 1, name: 'Check your e-mail' }).waitFor();
      assert.match(
        await p.getByRole('status').innerText(),
        new RegExp(applicant.email.replace(/\./g, '\\.')),
      );
      await saveScreenshot(p, 'register-sent-en-1280');

      // 2. The link in the e-mail confirms the address.
      const verification = await mail.waitFor(applicant.email, /Confirm your e-mail address/);
      await p.goto(baseUrl + linkIn(verification, '/verify-email?token='));
      await p.getByText('Your address is confirmed').waitFor();
      await saveScreenshot(p, 'verify-email-en-1280');

      // 3. The first Secretariat admin signs in for the first time: authenticator app, recovery codes, terms.
      const credentials = await firstAdmin();
      const admin = await openPage(DESKTOP);
      const a = admin.page;
      await signInWithPassword(a, baseUrl, credentials.email, credentials.password, { screenshots: 'admin' });
      await enrolSecondFactor(a, { screenshots: 'admin' });
      await acceptTerms(a, '/change-password', { screenshots: 'admin' });
      // The password printed by the server was for one use: the admin chooses their own.
      await chooseOwnPassword(a, credentials.password, 'Secretariat-vetting-desk-passphrase', '/');
      await a.getByTestId('user-menu').waitFor();
      const adminNav = a.getByRole('navigation', { name: 'Administration' });

      // 4. The review queue: the request, with everything the reviewer needs, and approval.
      await adminNav.getByRole('link', { name: 'Registrations' }).click();
      await a.getByRole('heading', { level: 1, name: 'Registration requests' }).waitFor();
      const card = a.getByRole('article', { name: applicantName });
      await card.waitFor();
      const cardText = await card.innerText();
      assert.match(cardText, /Customs officer, wildlife desk · Kenya Revenue Authority · Kenya/);
      assert.match(cardText, /ITD access · group "Cheetah enforcement group"/);
      assert.match(cardText, /No endorsement from the Party's focal point/);
      assert.doesNotMatch(cardText, /Webmail address/, 'an official address carries no webmail warning');
      await saveScreenshot(a, 'admin-registrations-en-1280');

      await fillApproval(a, card, applicant.organisation);
      await saveScreenshot(a, 'admin-approve-en-1280');
      await card.getByRole('button', { name: 'Approve and send the invitation' }).click();
      await a.getByTestId('decision-notice').filter({ hasText: applicantName }).waitFor();
      await a.getByText('No requests match these filters.').waitFor();

      // 5. The approval e-mail carries a set-password link.
      const approval = await mail.waitFor(applicant.email, /approved/);
      await p.goto(baseUrl + linkIn(approval, '/reset-password/complete?token='));
      await p.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
      await p.getByLabel(field('New password')).fill(applicant.password);
      await p.getByLabel(field('New password again')).fill(applicant.password);
      await saveScreenshot(p, 'set-password-en-1280');
      await p.getByRole('button', { name: 'Save the password' }).click();
      await p.waitForURL(
        (url) => url.pathname === '/sign-in' && url.searchParams.get('reason') === 'password_set',
      );
      await p.getByText('Your password has been set. Sign in with it now.').waitFor();

      // 6. The person's first sign-in, through to the home page showing their name.
      await signInWithPassword(p, baseUrl, applicant.email, applicant.password);
      await enrolSecondFactor(p, { screenshots: 'member' });
      await acceptTerms(p, '/');
      const welcome = p.getByTestId('welcome');
      await welcome.waitFor();
      assert.match(await welcome.innerText(), /Amina Odhiambo \(Kenya Revenue Authority\)/);
      assert.match(await p.getByTestId('user-menu').innerText(), /Amina Odhiambo/);
      assert.equal(
        await p.getByRole('navigation', { name: 'Administration' }).count(),
        0,
        'a member sees no administration links',
      );
      await saveScreenshot(p, 'home-signed-in-en-1280');

      assert.equal(await a.locator('style').count(), 0, 'no <style> element in the document');
      assert.deepEqual(admin.problems, [], 'admin: no console errors, uncaught exceptions or CSP violations');
      assert.deepEqual(
        person.problems,
        [],
        'person: no console errors, uncaught exceptions or CSP violations',
      );
      signedIn = { admin, person };
    }),
);

test('a suspended user is shown out at their next click', { timeout: 120_000 }, () =>
  withFailureScreenshots(environment(), 'suspension', async () => {
    const { mail } = environment();
    assert.ok(signedIn, 'needs the signed-in admin and person of the previous test');
    const { admin, person } = signedIn;
    const a = admin.page;
    const p = person.page;

    await a.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Users' }).click();
    await a.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const row = a.getByTestId('user-row').filter({ hasText: applicant.email });
    await row.waitFor();
    await row.getByRole('button', { name: `Suspend ${applicantName}` }).click();
    const dialog = a.getByRole('dialog');
    await dialog.getByLabel(field('Reason')).fill('Left the customs service; access no longer needed.');
    await a.waitForFunction(() => document.getAnimations().length === 0);
    await saveScreenshot(a, 'admin-users-suspend-en-1280');
    await dialog.getByRole('button', { name: 'Suspend', exact: true }).click();
    await a.getByText(`${applicantName} has been suspended.`).waitFor();
    await row.getByText('Suspended', { exact: true }).waitFor();
    await saveScreenshot(a, 'admin-users-en-1280');

    // The person clicks on: their session is gone, so they land on the sign-in page with the reason.
    await p
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Species checklist' })
      .click();
    await p.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('reason') === 'ended');
    assert.equal(new URL(p.url()).searchParams.get('from'), '/species', 'where they were going is kept');
    await p.getByText('Your session has ended. Sign in again to continue.').waitFor();
    assert.equal(await p.getByTestId('user-menu').count(), 0, 'the header no longer shows the person');
    await saveScreenshot(p, 'suspended-signed-out-en-1280');
    await mail.waitFor(applicant.email, /suspended/);

    // Signing in again is refused with the generic answer.
    await p.getByLabel(field('E-mail address')).fill(applicant.email);
    await p.getByLabel(field('Password')).fill(applicant.password);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await p.getByRole('alert').filter({ hasNotText: 'Your session has ended' }).waitFor();
    assert.equal(new URL(p.url()).pathname, '/sign-in');

    assert.deepEqual(admin.problems, [], 'admin: no console errors, uncaught exceptions or CSP violations');
    // The browser logs each refused request (the session check that found the session gone, the refused
    // sign-in) as "Failed to load resource … 401": those are the behaviour under test. Nothing else may appear.
    const unexpected = person.problems.filter(
      (line) => !/the server responded with a status of 401/.test(line),
    );
    assert.deepEqual(
      unexpected,
      [],
      'person: no other console errors, uncaught exceptions or CSP violations',
    );
  }),
);

test('administration pages, and an amendment of the terms announced at sign-in', { timeout: 180_000 }, () =>
  withFailureScreenshots(environment(), 'administration', async () => {
    const { baseUrl, openPage } = environment();
    assert.ok(signedIn, 'needs the signed-in admin of the first test');
    const { admin } = signedIn;
    const a = admin.page;
    const adminNav = a.getByRole('navigation', { name: 'Administration' });

    await adminNav.getByRole('link', { name: 'Organisations' }).click();
    await a.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    const created = a.getByTestId('organisation-row').filter({ hasText: applicant.organisation });
    await created.waitFor();
    assert.match(await created.innerText(), /Party authority\s+Kenya\s+Customs\s+1/);
    await saveScreenshot(a, 'admin-organisations-en-1280');

    // A new version of the terms, announced with a summary in the three languages.
    await adminNav.getByRole('link', { name: 'Terms of use' }).click();
    await a.getByRole('heading', { level: 1, name: 'Terms of use' }).waitFor();
    await a.getByTestId('terms-version').filter({ hasText: 'In force' }).waitFor();
    await fillNewTermsVersion(a);
    await saveScreenshot(a, 'admin-terms-en-1280');
    await a.getByRole('button', { name: 'Publish the new version' }).click();

    // The admin's own session must accept the new version before seeing data again: sent to the terms, then back.
    await a.waitForURL((url) => url.pathname === '/terms');
    await a.getByTestId('terms-version').filter({ hasText: 'version 2' }).waitFor();
    await acceptTerms(a, '/admin/terms');
    await a
      .getByTestId('terms-version')
      .filter({ hasText: 'Version 2' })
      .filter({ hasText: 'In force' })
      .waitFor();

    // Anyone opening the sign-in page now reads what changed.
    const visitor = await openPage(DESKTOP);
    await visitor.page.goto(`${baseUrl}/sign-in`);
    const amendment = visitor.page.getByTestId('terms-amendment');
    await amendment.waitFor();
    assert.match(await amendment.innerText(), /Version 2 of the terms of use/);
    assert.match(await amendment.innerText(), /New section 7: whom to contact about these terms\./);
    await saveScreenshot(visitor.page, 'sign-in-amended-en-1280');

    assert.equal(await a.locator('style').count(), 0, 'no <style> element in the document');
    assert.deepEqual(admin.problems, [], 'admin: no console errors, uncaught exceptions or CSP violations');
    assert.deepEqual(
      visitor.problems,
      [],
      'visitor: no console errors, uncaught exceptions or CSP violations',
    );
  }),
);
