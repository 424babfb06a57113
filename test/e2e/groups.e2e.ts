/**
 * Closed user groups end to end, on the real server, a real SMTP server and Chromium under the production CSP:
 * the Secretariat creates the cheetah group; a customs officer and an officer of an intergovernmental
 * organisation (IGO) ask to join and the owner approves them with their categories (each told by e-mail); the
 * owner publishes a law-enforcement-only alert and an all-members document; the customs member sees both, the
 * IGO member sees only the document, and nothing on the IGO member's screens (library, counts, search, latest
 * alerts, notifications, a direct address, a file link) betrays the alert; a member writes anonymously, the
 * message arrives without reloading, and the others see "anonymous member". Pages at 1280 and 375 px.
 *
 * Run: npx vite build && node --import tsx --test test/e2e/groups.e2e.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveScreenshot, useE2eEnvironment, type WatchedPage, withFailureScreenshots } from './harness.ts';
import { assertNoHorizontalOverflow, field } from './identity-steps.ts';
import {
  DESKTOP,
  nameOf,
  type Person,
  registerAndApprove,
  signInFirstAdmin,
  unexpectedProblems,
} from './groups-steps.ts';

const customsOfficer: Person = {
  firstName: 'Wanjiru',
  lastName: 'Kamau',
  countryQuery: 'keny',
  countryName: 'Kenya',
  organisation: 'Kenya Revenue Authority',
  functionTitle: 'Customs, wildlife desk officer',
  telephone: '+254 20 281 7000',
  email: 'wanjiru.kamau@kra.example.org',
  password: 'Cheetah-cubs-seized-at-Namanga',
  justification: 'I profile air cargo for live-animal smuggling at Jomo Kenyatta International Airport.',
  organisationKind: 'party',
};
const igoOfficer: Person = {
  firstName: 'Louis',
  lastName: 'Marchand',
  countryQuery: 'fran',
  countryName: 'France',
  organisation: 'Intergovernmental Wildlife Crime Bureau',
  functionTitle: 'Analyst, environmental security',
  telephone: '+33 4 72 44 70 00',
  email: 'louis.marchand@iwcb.example.org',
  password: 'Analyst-reads-the-open-library',
  justification: 'I analyse trafficking routes for member countries and publish regional assessments.',
  organisationKind: 'igo',
};

const GROUP = 'Cheetah enforcement group';
const ALERT_TITLE = 'Alert: cheetah cubs moved through Mombasa in livestock trucks';
const ALERT_WORD = 'Mombasa';
const DOCUMENT_TITLE = 'Guide to identifying cheetah, leopard and serval skins';
const ANONYMOUS_SUBJECT = 'Tip about a breeder selling cubs online';

interface Cast {
  admin: WatchedPage;
  customs: WatchedPage;
  igo: WatchedPage;
  groupId: string;
  alertId: string;
  alertFilePath: string;
}
let cast: Cast | undefined;

const environment = useE2eEnvironment();

async function openGroup(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/groups`);
  const card = page.getByRole('article', { name: GROUP });
  await card.getByRole('link', { name: 'Open' }).click();
  await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
}

function tab(page: Page, name: string) {
  // The inbox link carries the unread count as a badge ("Inbox 2").
  return page
    .getByRole('navigation', { name: 'Group sections' })
    .getByRole('link', { name: new RegExp(`^${name}\\s*\\d*$`) });
}

async function askToJoin(page: Page, person: Person, reason: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Groups/ })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Closed user groups' }).waitFor();
  const card = page.getByRole('article', { name: GROUP });
  await card.getByRole('button', { name: 'Ask to join' }).click();
  // Prefilled from the account: the person only adds what the account does not hold.
  assert.equal(await card.getByLabel(field('First name')).inputValue(), person.firstName);
  assert.equal(await card.getByLabel(field('Official e-mail address')).inputValue(), person.email);
  assert.equal(await card.getByLabel(field('Organisation')).inputValue(), person.organisation);
  await card.getByLabel(field('Function (job title)')).fill(person.functionTitle);
  await card.getByLabel(field('Telephone')).fill(person.telephone);
  await card.getByLabel(field('Why do you want to join?')).fill(reason);
  if (person.organisationKind === 'igo') {
    await card.getByRole('combobox', { name: 'Country' }).fill(person.countryQuery);
    await page.getByRole('option', { name: person.countryName }).click();
  }
  await saveScreenshot(page, `groups-join-form-${person.organisationKind}-1280`);
  await card.getByRole('button', { name: 'Send my request' }).click();
  await card.getByRole('status').filter({ hasText: 'has been sent' }).waitFor();
}

async function approve(page: Page, person: Person, category: string): Promise<void> {
  await tab(page, 'Join requests').click();
  await page.getByRole('heading', { name: 'Join requests' }).waitFor();
  const card = page.getByRole('article', { name: nameOf(person) });
  await card.waitFor();
  assert.match(await card.innerText(), new RegExp(person.organisation));
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await card.getByRole('combobox', { name: 'Member category' }).click();
  await page.getByRole('option', { name: category, exact: true }).click();
  await saveScreenshot(page, `groups-requests-${person.organisationKind}-1280`);
  await card.getByRole('button', { name: `Approve as ${category}` }).click();
  await page
    .getByTestId('join-decision-notice')
    .filter({ hasText: nameOf(person) })
    .waitFor();
}

async function publish(
  page: Page,
  item: { kind: 'Alert' | 'Document'; audience: string; title: string; summary: string; tag: string },
): Promise<string> {
  await tab(page, 'Library').click();
  await page.getByRole('link', { name: 'Publish a document or an alert' }).click();
  await page.getByRole('radio', { name: item.kind }).check();
  await page.getByRole('radio', { name: item.audience }).check();
  await page.getByLabel(field('Title')).fill(item.title);
  await page.getByLabel(field('Summary')).fill(item.summary);
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.fill(item.tag);
  await tags.press('Enter');
  await page.locator('input[type="file"]').setInputFiles({
    name: `${item.tag}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`${item.title}\n\n${item.summary}\n`, 'utf8'),
  });
  await page.getByTestId('chosen-files').getByText(`${item.tag}.txt`).waitFor();
  await saveScreenshot(page, `groups-publish-${item.kind.toLowerCase()}-1280`);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('published') === '1');
  await page.getByRole('heading', { name: item.title }).waitFor();
  const id = /\/library\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname)?.[1];
  assert.ok(id, 'the new item has an address');
  return id;
}

test(
  'the Secretariat creates the cheetah group; a customs officer and an IGO officer join it',
  { timeout: 600_000 },
  () =>
    withFailureScreenshots(environment(), 'groups-join', async () => {
      const env = environment();
      const { baseUrl, mail } = env;
      const admin = await signInFirstAdmin(env);
      const a = admin.page;
      const customs = await registerAndApprove(env, a, customsOfficer);
      const igo = await registerAndApprove(env, a, igoOfficer);

      // 1. The Secretariat admin creates the group and is its owner.
      await a
        .getByRole('navigation', { name: 'Administration' })
        .getByRole('link', { name: 'Groups' })
        .click();
      await a.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
      await a.getByLabel(field('Name — English')).fill(GROUP);
      await a.getByLabel(field('Name — Français')).fill('Groupe de lutte guépard');
      await a.getByLabel(field('Name — Español')).fill('Grupo de control guepardo');
      await a
        .getByLabel(field('Description — English'))
        .fill('Customs, police and wildlife officers working on the illegal trade in cheetahs.');
      const owners = a.getByRole('combobox', { name: 'Owners' });
      const adminEmail = (await env.firstAdmin()).email;
      await owners.fill(adminEmail);
      await a.getByRole('option', { name: new RegExp(adminEmail.replace(/[.]/g, '\\.')) }).click();
      await a.getByTestId('chosen-owner').waitFor();
      await saveScreenshot(a, 'groups-admin-new-1280');
      await a.getByRole('button', { name: 'Create the group' }).click();
      await a
        .getByTestId('group-admin-notice')
        .filter({ hasText: `${GROUP} has been created.` })
        .waitFor();
      await a.getByTestId('group-row').filter({ hasText: GROUP }).waitFor();
      await saveScreenshot(a, 'groups-admin-1280');

      // Someone registering is offered the open group by name.
      const visitor = await env.openPage(DESKTOP);
      await visitor.page.goto(`${baseUrl}/register`);
      const groupsBox = visitor.page.getByRole('combobox', { name: 'Closed user groups' });
      await groupsBox.fill('Chee');
      await visitor.page.getByRole('option', { name: GROUP }).waitFor();
      assert.deepEqual(visitor.problems, [], 'visitor: no console errors or CSP violations');
      await visitor.page.context().close();

      // 2. Both officers ask to join with the form prefilled from their accounts.
      await askToJoin(customs.page, customsOfficer, 'I seize live cheetahs bound for the Gulf at JKIA.');
      await askToJoin(igo.page, igoOfficer, 'Our regional assessment covers the cheetah trade routes.');
      await saveScreenshot(customs.page, 'groups-my-groups-pending-1280');

      // 3. The owner approves each with their category; each is told by e-mail.
      await openGroup(a, baseUrl);
      await approve(a, customsOfficer, 'Customs');
      await approve(a, igoOfficer, 'Intergovernmental organisation');
      const customsMail = await mail.waitFor(customsOfficer.email, /./);
      assert.match(customsMail.subject + customsMail.text, /Cheetah enforcement group/);
      const igoMail = await mail.waitFor(igoOfficer.email, /./);
      assert.match(igoMail.subject + igoMail.text, /Cheetah enforcement group/);

      await tab(a, 'Members').click();
      const rows = a.getByTestId('member-row');
      await rows.filter({ hasText: nameOf(igoOfficer) }).waitFor();
      assert.equal(await rows.count(), 3, 'the owner and the two new members');
      await saveScreenshot(a, 'groups-members-1280');

      const groupId = /\/groups\/([0-9a-f-]{36})/.exec(new URL(a.url()).pathname)?.[1];
      assert.ok(groupId, 'the group has an address');
      cast = { admin, customs, igo, groupId, alertId: '', alertFilePath: '' };
      for (const [who, watched] of Object.entries({ admin, customs, igo })) {
        assert.equal(await watched.page.locator('style').count(), 0, `${who}: no <style> element`);
        assert.deepEqual(watched.problems, [], `${who}: no console errors or CSP violations`);
      }
    }),
);

test(
  'a law-enforcement-only alert and an all-members document: the IGO member sees no trace of the alert',
  { timeout: 300_000 },
  () =>
    withFailureScreenshots(environment(), 'groups-library', async () => {
      const { baseUrl } = environment();
      assert.ok(cast, 'needs the group and members of the first test');
      const { admin, customs, igo, groupId } = cast;
      const a = admin.page;

      // 1. The owner publishes both.
      const alertId = await publish(a, {
        kind: 'Alert',
        audience: 'Law-enforcement members only',
        title: ALERT_TITLE,
        summary: `Two trucks stopped near ${ALERT_WORD} carried six cubs under a false floor.`,
        tag: 'livestock-trucks',
      });
      const alertFilePath = await a.getByTestId('files').getByRole('link').first().getAttribute('href');
      assert.ok(alertFilePath, 'the alert has a file link');
      await saveScreenshot(a, 'groups-library-item-alert-1280');
      await publish(a, {
        kind: 'Document',
        audience: 'All members',
        title: DOCUMENT_TITLE,
        summary: 'Spot patterns, tear lines and tanning marks that tell the skins apart.',
        tag: 'identification',
      });
      cast.alertId = alertId;
      cast.alertFilePath = alertFilePath;

      // 2. The customs member sees both, is notified of the alert, and finds it by searching.
      const c = customs.page;
      await c.goto(`${baseUrl}/groups`);
      await c.getByTestId('notifications').getByText(ALERT_TITLE).waitFor();
      await c.getByRole('article', { name: GROUP }).waitFor();
      await saveScreenshot(c, 'groups-my-groups-customs-1280');
      await openGroup(c, baseUrl);
      await c.getByTestId('latest-alerts').getByText(ALERT_TITLE).waitFor();
      await saveScreenshot(c, 'groups-home-customs-1280');
      await tab(c, 'Library').click();
      await c.getByTestId('library-row').filter({ hasText: ALERT_TITLE }).waitFor();
      await c.getByTestId('library-row').filter({ hasText: DOCUMENT_TITLE }).waitFor();
      assert.equal(await c.getByTestId('library-total').innerText(), '2 items');
      await saveScreenshot(c, 'groups-library-customs-1280');
      await c.getByRole('searchbox', { name: 'Search the library' }).fill(ALERT_WORD);
      await c.getByTestId('library-total').filter({ hasText: '1 item' }).waitFor();
      assert.equal(await c.getByTestId('library-row').count(), 1);

      // 3. The IGO member sees the document only, and nothing that reveals the alert.
      const i = igo.page;
      await i.goto(`${baseUrl}/groups`);
      await i.getByRole('article', { name: GROUP }).waitFor();
      await i.getByTestId('notifications').or(i.getByText('No notifications.')).first().waitFor();
      await saveScreenshot(i, 'groups-my-groups-igo-1280');
      await openGroup(i, baseUrl);
      await i.getByTestId('latest-alerts').or(i.getByText('No alerts.')).first().waitFor();
      await i.getByText('No alerts.').waitFor();
      await tab(i, 'Library').click();
      await i.getByTestId('library-row').filter({ hasText: DOCUMENT_TITLE }).waitFor();
      assert.equal(await i.getByTestId('library-row').count(), 1, 'only the document is listed');
      assert.equal(await i.getByTestId('library-total').innerText(), '1 item', 'the count ignores the alert');
      await i.getByRole('combobox', { name: 'Kind' }).click();
      await i.getByRole('option', { name: 'Alert', exact: true }).click();
      await i.getByText('No items match.').waitFor();
      assert.equal(await i.getByTestId('library-total').innerText(), '0 items');
      await i.getByRole('combobox', { name: 'Kind' }).click();
      await i.getByRole('option', { name: 'Documents and alerts' }).click();
      await i.getByRole('searchbox', { name: 'Search the library' }).fill(ALERT_WORD);
      await i.getByText('No items match.').waitFor();
      assert.equal(await i.getByTestId('library-total').innerText(), '0 items', 'no search hit');
      await saveScreenshot(i, 'groups-library-igo-search-1280');
      await i.getByRole('searchbox', { name: 'Search the library' }).fill('');
      await i.getByTestId('library-row').filter({ hasText: DOCUMENT_TITLE }).waitFor();
      await saveScreenshot(i, 'groups-library-igo-1280');

      // Counts and notifications, as the API gives them to the page.
      const seen = await i.evaluate(async () => {
        const [unread, notifications] = await Promise.all([
          fetch('/api/v1/groups/unread').then((response) => response.json() as Promise<unknown>),
          fetch('/api/v1/groups/notifications').then((response) => response.text()),
        ]);
        return { unread, notifications };
      });
      assert.ok(!seen.notifications.includes(ALERT_TITLE), 'no notification names the alert');
      assert.ok(!seen.notifications.includes(alertId), 'no notification points to the alert');
      const customsSeen = await c.evaluate(() =>
        fetch('/api/v1/groups/notifications').then((response) => response.text()),
      );
      assert.ok(customsSeen.includes(alertId), 'the customs member was notified of the alert');
      const igoNotifications = (JSON.parse(seen.notifications) as { items: { isRead: boolean }[] }).items;
      const igoUnread = seen.unread as { totalNotifications: number };
      assert.equal(
        igoUnread.totalNotifications,
        igoNotifications.filter((notification) => !notification.isRead).length,
        'the unread count counts only notifications the IGO member can see',
      );
      await i.goto(`${baseUrl}/groups`);
      const notificationsText = await i.locator('main').innerText();
      assert.ok(!notificationsText.includes(ALERT_TITLE), 'my groups page does not name the alert');

      // A direct address to the alert, and to its file, is "not found" like something that does not exist.
      await i.goto(`${baseUrl}/groups/${groupId}/library/${alertId}`);
      await i.getByText('This item does not exist or you may not see it.').waitFor();
      await saveScreenshot(i, 'groups-alert-not-found-igo-1280');
      const fileStatus = await i.evaluate(async (path) => (await fetch(path)).status, alertFilePath);
      assert.equal(fileStatus, 404, "the alert's file is not found either");

      for (const [who, watched] of Object.entries({ admin, customs })) {
        assert.equal(await watched.page.locator('style').count(), 0, `${who}: no <style> element`);
        assert.deepEqual(watched.problems, [], `${who}: no console errors or CSP violations`);
      }
      assert.deepEqual(
        unexpectedProblems(igo.problems, true),
        [],
        'igo: no console errors or CSP violations other than the 404s asked for',
      );
    }),
);

test(
  'a member writes anonymously: the message arrives live and shows "anonymous member"',
  { timeout: 300_000 },
  () =>
    withFailureScreenshots(environment(), 'groups-messages', async () => {
      const { baseUrl } = environment();
      assert.ok(cast, 'needs the group and members of the first test');
      const { admin, customs, igo } = cast;
      const c = customs.page;
      const i = igo.page;

      // The IGO member waits on the inbox; the new message must appear there without a reload.
      await openGroup(i, baseUrl);
      await tab(i, 'Inbox').click();
      await i.getByRole('heading', { name: 'Inbox' }).waitFor();
      const reloads: string[] = [];
      i.on('framenavigated', (frame) => {
        if (frame === i.mainFrame()) reloads.push(frame.url());
      });

      await openGroup(c, baseUrl);
      await tab(c, 'Write').click();
      await c.getByRole('radio', { name: 'The whole group' }).check();
      await c.getByLabel(field('Subject')).fill(ANONYMOUS_SUBJECT);
      await c
        .getByLabel(field('Message'))
        .fill('A breeder near Nanyuki advertises cubs on a social network.\nListing saved as evidence.');
      await c.getByRole('checkbox', { name: 'Post anonymously' }).check();
      await c.locator('input[type="file"]').setInputFiles({
        name: 'listing.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Listing text, captured on the platform the breeder uses.\n', 'utf8'),
      });
      await c.getByTestId('chosen-files').getByText('listing.txt').waitFor();
      await saveScreenshot(c, 'groups-compose-1280');
      await c.getByRole('button', { name: 'Send', exact: true }).click();
      await c.getByRole('heading', { name: ANONYMOUS_SUBJECT }).waitFor();
      assert.match(await c.getByTestId('sender').first().innerText(), /you \(anonymously\)/);

      const row = i.getByTestId('message-row').filter({ hasText: ANONYMOUS_SUBJECT });
      await row.waitFor({ timeout: 30_000 });
      assert.deepEqual(reloads, [], 'the message appeared without reloading the page');
      assert.match(await row.innerText(), /anonymous member/);
      assert.doesNotMatch(await row.innerText(), /Wanjiru|Kamau|Kenya Revenue/);
      await saveScreenshot(i, 'groups-inbox-igo-1280');
      await row.getByRole('link', { name: ANONYMOUS_SUBJECT }).click();
      const message = i.getByTestId('thread-message');
      await message.waitFor();
      assert.match(await message.innerText(), /From: anonymous member/);
      assert.doesNotMatch(await message.innerText(), /Wanjiru|Kamau|Kenya Revenue/);
      await message.getByRole('link', { name: 'Download listing.txt' }).waitFor();
      await saveScreenshot(i, 'groups-thread-igo-1280');

      // The owner sees the same; the sender's receipts count the reader.
      const a = admin.page;
      await openGroup(a, baseUrl);
      await tab(a, 'Inbox').click();
      const ownerRow = a.getByTestId('message-row').filter({ hasText: ANONYMOUS_SUBJECT });
      await ownerRow.waitFor();
      assert.match(await ownerRow.innerText(), /anonymous member/);
      await c.reload();
      await c
        .getByTestId('receipts')
        .filter({ hasText: /Read by [12] of 2/ })
        .waitFor();
      await saveScreenshot(c, 'groups-thread-sender-1280');

      for (const [who, watched] of Object.entries({ admin, customs })) {
        assert.deepEqual(watched.problems, [], `${who}: no console errors or CSP violations`);
      }
      assert.deepEqual(
        unexpectedProblems(igo.problems, true),
        [],
        'igo: no console errors or CSP violations',
      );
    }),
);

test(
  'owner tools: a category is changed, a member is removed and loses the group at once',
  { timeout: 180_000 },
  () =>
    withFailureScreenshots(environment(), 'groups-owner-tools', async () => {
      const { baseUrl } = environment();
      assert.ok(cast, 'needs the group and members of the first test');
      const { admin, igo, groupId } = cast;
      const a = admin.page;
      await a.goto(`${baseUrl}/groups/${groupId}/members`);
      await a.getByRole('combobox', { name: `Category of ${nameOf(customsOfficer)}` }).click();
      await a.getByRole('option', { name: 'Police', exact: true }).click();
      await a.getByText(`The category of ${nameOf(customsOfficer)} is now Police.`).waitFor();

      const igoRow = a.getByTestId('member-row').filter({ hasText: nameOf(igoOfficer) });
      await igoRow.getByRole('button', { name: `Remove ${nameOf(igoOfficer)}` }).click();
      await igoRow.getByRole('button', { name: 'Remove', exact: true }).click();
      await a.getByText(`${nameOf(igoOfficer)} has been removed from the group.`).waitFor();
      await a
        .getByTestId('member-row')
        .filter({ hasText: nameOf(igoOfficer) })
        .waitFor({ state: 'detached' });
      assert.equal(await a.getByTestId('member-row').count(), 2);
      await saveScreenshot(a, 'groups-members-after-1280');

      // The removed member's next visit shows the group as one they may ask to join, nothing of its content.
      const i = igo.page;
      await i.goto(`${baseUrl}/groups/${groupId}`);
      await i.getByTestId('not-a-member').waitFor();
      assert.equal(await i.getByRole('navigation', { name: 'Group sections' }).count(), 0);
      const status = await i.evaluate(
        async (path) => (await fetch(path)).status,
        `/api/v1/groups/${groupId}/library`,
      );
      assert.equal(status, 404, 'the library is refused at once');
      await i.goto(`${baseUrl}/groups`);
      await i.getByText('You are not a member of any group yet.').waitFor();
      await saveScreenshot(i, 'groups-removed-member-1280');
      assert.deepEqual(admin.problems, [], 'admin: no console errors or CSP violations');
    }),
);

test('phone (375 px): the group pages fit the screen', { timeout: 120_000 }, () =>
  withFailureScreenshots(environment(), 'groups-phone', async () => {
    const { baseUrl } = environment();
    assert.ok(cast, 'needs the group and members of the first test');
    const { customs, groupId, admin } = cast;
    const pages: [Page, string, string][] = [
      [customs.page, '/groups', 'groups-my-groups'],
      [customs.page, `/groups/${groupId}`, 'groups-home'],
      [customs.page, `/groups/${groupId}/messages`, 'groups-inbox'],
      [customs.page, `/groups/${groupId}/compose`, 'groups-compose'],
      [customs.page, `/groups/${groupId}/library`, 'groups-library'],
      [customs.page, `/groups/${groupId}/library/${cast.alertId}`, 'groups-library-item'],
      [admin.page, `/groups/${groupId}/members`, 'groups-members'],
      [admin.page, '/admin/groups', 'groups-admin'],
    ];
    for (const [page, path, name] of pages) {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(baseUrl + path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page
        .getByText('Loading…')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await assertNoHorizontalOverflow(page, `${path} at 375 px`);
      await saveScreenshot(page, `${name}-375`);
    }
    // The longer French words still fit.
    const c = customs.page;
    await c.goto(`${baseUrl}/groups/${groupId}/library`);
    await c.locator('label', { hasText: 'Français' }).click();
    await c.getByRole('heading', { level: 2, name: 'Bibliothèque' }).waitFor();
    await c.getByTestId('library-total').filter({ hasText: '2 éléments' }).waitFor();
    await assertNoHorizontalOverflow(c, 'the library in French at 375 px');
    await saveScreenshot(c, 'groups-library-fr-375');
    await c.locator('label', { hasText: 'English' }).click();

    assert.deepEqual(customs.problems, [], 'customs: no console errors or CSP violations');
    assert.deepEqual(admin.problems, [], 'admin: no console errors or CSP violations');
  }),
);
