/**
 * The closed-user-group flow through the real API and a real SMTP server: a group made by the Secretariat, join
 * requests approved and rejected with e-mails, a law-enforcement alert and an all-members document, an IGO member
 * who learns nothing of the alert (list, total, search, notification, e-mail, id guessing, file), messages with
 * unread counts and read receipts, an anonymous message whose sender appears only in the audit log, a removed
 * member who loses access at the next request, and a registration whose requested group becomes a join request.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, testClock } from '../../../../test/support/identity.ts';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  groupListSchema,
  groupSchema,
  joinRequestListSchema,
  libraryItemSchema,
  libraryListSchema,
  messageListSchema,
  messageSchema,
  messageThreadSchema,
  notificationListSchema,
  unreadCountsSchema,
} from '../../../shared/groups.contract.ts';
import { auditEntries, pdfBytes, signedInUser, uploadOk, type SignedInUser } from './groups.test-support.ts';

let t: TestApp;
let smtp: TestSmtp;
const clock = testClock();
let admin: SignedInUser;
let owner: SignedInUser;
let customs: SignedInUser;
let igo: SignedInUser;
let police: SignedInUser;
let groupId: string;
let alertId: string;
let alertFileId: string;
let documentId: string;

const ALERT_TITLE = 'Courier route Addis–Dubai: three cubs concealed in crates';
const DOCUMENT_TITLE = 'Identification guide to cheetah skins';

before(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp(
    {
      SMTP_URL: smtp.url,
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000',
      RATE_LIMIT_FORMS_PER_HOUR: '1000',
      PUBLIC_URL: 'http://itd.test',
    },
    { clock },
  );
  admin = await signedInUser(t, clock, { kind: 'secretariat', role: 'admin' });
  owner = await signedInUser(t, clock, { kind: 'party', party: 'KE', role: 'member' });
  customs = await signedInUser(t, clock, { kind: 'party', party: 'ET', role: 'member' });
  igo = await signedInUser(t, clock, { kind: 'igo', role: 'member', itdAccess: false });
  police = await signedInUser(t, clock, { kind: 'party', party: 'TZ', role: 'member' });
});
after(async () => {
  await t?.close();
  await smtp?.close();
});

const joinFields = (who: SignedInUser) => ({
  country: 'KE',
  lastName: who.name.split(' ').slice(1).join(' '),
  firstName: 'Test',
  organisation: 'Kenya Revenue Authority, Customs',
  functionTitle: 'Intelligence officer',
  telephone: '+254 20 281 0000',
  officialEmail: who.email,
  reason: 'Cheetah cub smuggling through the Horn of Africa.',
});

describe('closed user groups end to end', () => {
  test('the Secretariat creates a group; only admins may', async () => {
    const body = {
      name: { en: 'Cheetah enforcement (test)', fr: 'Guépard (test)', es: 'Guepardo (test)' },
      description: { en: 'Cases.', fr: 'Affaires.', es: 'Casos.' },
      owners: [{ userId: owner.userId, category: 'wildlife_enforcement' }],
    };
    const refused = await customs.client.call('POST', '/api/v1/groups', body);
    assert.equal(refused.statusCode, 404);
    const created = await admin.client.call('POST', '/api/v1/groups', body);
    assert.equal(created.statusCode, 201, created.body);
    const group = groupSchema.parse(created.json());
    groupId = group.id;
    assert.ok(group.abilities.includes('administer'));
    // The public directory lists it (open group) for the registration form.
    const directory = await new ApiClient(t.app).call('GET', '/api/v1/groups/directory');
    assert.equal(directory.statusCode, 200);
    assert.ok(directory.body.includes(group.id));
  });

  test('a customs officer and an IGO officer ask to join; the owner approves and rejects; e-mails tell them', async () => {
    const joinable = groupListSchema.parse(
      (await customs.client.call('GET', '/api/v1/groups?scope=joinable')).json(),
    );
    assert.ok(joinable.items.find((g) => g.id === groupId)?.abilities.includes('request_join'));

    for (const who of [customs, igo, police]) {
      const asked = await who.client.call('POST', `/api/v1/groups/${groupId}/join-requests`, joinFields(who));
      assert.equal(asked.statusCode, 201, asked.body);
    }
    const twice = await customs.client.call(
      'POST',
      `/api/v1/groups/${groupId}/join-requests`,
      joinFields(customs),
    );
    assert.equal(twice.statusCode, 400, 'one pending request at a time');
    await smtp.waitFor(owner.email, /A request to join/);

    // A member who is not an owner may not see the queue; the owner sees all three.
    const queue = joinRequestListSchema.parse(
      (await owner.client.call('GET', `/api/v1/groups/${groupId}/join-requests`)).json(),
    );
    assert.equal(queue.items.length, 3);
    const requestOf = (who: SignedInUser) => queue.items.find((r) => r.officialEmail === who.email)!;
    assert.deepEqual(requestOf(customs).abilities, ['decide']);
    const hidden = await customs.client.call('GET', `/api/v1/groups/${groupId}/join-requests`);
    assert.equal(hidden.statusCode, 404);

    const approve = async (who: SignedInUser, category: string) => {
      const decided = await owner.client.call(
        'POST',
        `/api/v1/groups/${groupId}/join-requests/${requestOf(who).id}/approve`,
        { category },
      );
      assert.equal(decided.statusCode, 200, decided.body);
    };
    await approve(customs, 'customs');
    await approve(igo, 'igo');
    const rejected = await owner.client.call(
      'POST',
      `/api/v1/groups/${groupId}/join-requests/${requestOf(police).id}/reject`,
      { reason: 'Please ask through your national focal point.' },
    );
    assert.equal(rejected.statusCode, 200);
    await smtp.waitFor(customs.email, /You are now a member/);
    const refusal = await smtp.waitFor(police.email, /Your request to join/);
    assert.match(refusal.text, /national focal point/);

    const mine = groupListSchema.parse((await igo.client.call('GET', '/api/v1/groups')).json());
    assert.equal(mine.items[0]?.membership?.category, 'igo');
    assert.equal((await police.client.call('GET', `/api/v1/groups/${groupId}/library`)).statusCode, 404);
    const decisions = await auditEntries(t, 'groups.join_approved');
    assert.equal(decisions.length, 2);
    assert.equal((await auditEntries(t, 'groups.join_rejected')).length, 1);
  });

  test('the owner publishes a law-enforcement alert and an all-members document', async () => {
    const alertFile = await uploadOk(t, owner, groupId, 'route-analysis.pdf', pdfBytes('route analysis'));
    alertFileId = alertFile.id;
    const alert = await owner.client.call('POST', `/api/v1/groups/${groupId}/library`, {
      kind: 'alert',
      audience: 'law_enforcement',
      title: ALERT_TITLE,
      summary: 'Three cubs <script>alert(1)</script>found at Bole airport.',
      language: 'en',
      tags: ['cubs', 'air'],
      fileIds: [alertFile.id],
    });
    assert.equal(alert.statusCode, 201, alert.body);
    const alertItem = libraryItemSchema.parse(alert.json());
    alertId = alertItem.id;
    assert.equal(alertItem.summary, 'Three cubs found at Bole airport.', 'tags and scripts are removed');

    const docFile = await uploadOk(t, owner, groupId, 'guide.pdf', pdfBytes('guide'));
    const doc = await owner.client.call('POST', `/api/v1/groups/${groupId}/library`, {
      kind: 'document',
      audience: 'all_members',
      title: DOCUMENT_TITLE,
      language: 'fr',
      tags: ['identification'],
      fileIds: [docFile.id],
    });
    assert.equal(doc.statusCode, 201, doc.body);
    documentId = libraryItemSchema.parse(doc.json()).id;

    // A plain member may not publish; an IGO member may not either.
    const notOwner = await customs.client.call('POST', `/api/v1/groups/${groupId}/library`, {
      kind: 'document',
      audience: 'all_members',
      title: 'x',
      language: 'en',
      fileIds: [docFile.id],
    });
    assert.equal(notOwner.statusCode, 403);
  });

  test('the customs member sees both; the IGO member sees only the document, anywhere', async () => {
    const customsList = libraryListSchema.parse(
      (await customs.client.call('GET', `/api/v1/groups/${groupId}/library`)).json(),
    );
    assert.equal(customsList.total, 2);
    const igoList = libraryListSchema.parse(
      (await igo.client.call('GET', `/api/v1/groups/${groupId}/library`)).json(),
    );
    assert.equal(igoList.total, 1);
    assert.deepEqual(
      igoList.items.map((i) => i.id),
      [documentId],
    );
    // Search, filters and the id itself reveal nothing.
    for (const url of [
      `/api/v1/groups/${groupId}/library?q=cubs`,
      `/api/v1/groups/${groupId}/library?kind=alert`,
      `/api/v1/groups/${groupId}/library?audience=law_enforcement`,
      `/api/v1/groups/${groupId}/library?tag=air`,
    ]) {
      const found = libraryListSchema.parse((await igo.client.call('GET', url)).json());
      assert.equal(found.total, 0, url);
      assert.equal(found.items.length, 0, url);
    }
    assert.equal(
      (await igo.client.call('GET', `/api/v1/groups/${groupId}/library/${alertId}`)).statusCode,
      404,
    );
    assert.equal(
      (await igo.client.call('GET', `/api/v1/groups/${groupId}/files/${alertFileId}/download`)).statusCode,
      404,
    );
    const customsSearch = libraryListSchema.parse(
      (await customs.client.call('GET', `/api/v1/groups/${groupId}/library?q=cubs`)).json(),
    );
    assert.equal(customsSearch.total, 1);
    const read = libraryItemSchema.parse(
      (await customs.client.call('GET', `/api/v1/groups/${groupId}/library/${alertId}`)).json(),
    );
    assert.equal(read.versions[0]?.files.length, 1);
    assert.ok((await auditEntries(t, 'groups.library_read')).some((e) => e.target_id === alertId));

    // Notifications: the customs member has both, the IGO member only the document — and no count says more.
    const customsNotes = notificationListSchema.parse(
      (await customs.client.call('GET', '/api/v1/groups/notifications')).json(),
    );
    assert.deepEqual(customsNotes.items.map((n) => n.kind).sort(), [
      'alert_published',
      'document_published',
      'join_decided',
    ]);
    const igoNotes = notificationListSchema.parse(
      (await igo.client.call('GET', '/api/v1/groups/notifications')).json(),
    );
    assert.deepEqual(igoNotes.items.map((n) => n.kind).sort(), ['document_published', 'join_decided']);
    assert.ok(!JSON.stringify(igoNotes).includes(ALERT_TITLE));
    const igoUnread = unreadCountsSchema.parse(
      (await igo.client.call('GET', '/api/v1/groups/unread')).json(),
    );
    assert.equal(igoUnread.totalNotifications, 2);
    const forged = await igo.client.call(
      'POST',
      `/api/v1/groups/notifications/${customsNotes.items[0]!.id}/read`,
    );
    assert.equal(forged.statusCode, 404);

    // The alert e-mail reaches the customs member without its title or text, and never the IGO member.
    const mail = await smtp.waitFor(customs.email, /New alert in/);
    assert.doesNotMatch(mail.text, /Courier|cubs|Bole/);
    assert.match(mail.text, /http:\/\/itd\.test\/groups\//);
    assert.ok(!smtp.messages.some((m) => m.to.includes(igo.email) && /alert/i.test(m.subject)));
  });

  test('messages: whole group, chosen members, replies, unread counts, read receipts, search', async () => {
    const toGroup = await customs.client.call('POST', `/api/v1/groups/${groupId}/messages`, {
      to: { kind: 'group' },
      subject: 'Crate markings seen at Bole',
      body: 'The crates were stencilled "LIVE BIRDS". Has anyone seen the same markings?',
    });
    assert.equal(toGroup.statusCode, 201, toGroup.body);
    const sent = messageSchema.parse(toGroup.json());
    assert.deepEqual(sent.receipts, { recipients: 2, read: 0, readers: [] });

    const mail = await smtp.waitFor(igo.email, /New message in/);
    assert.doesNotMatch(mail.text, /Crate|stencilled|LIVE BIRDS/, 'the e-mail says where, never what');

    const unread = unreadCountsSchema.parse((await igo.client.call('GET', '/api/v1/groups/unread')).json());
    assert.equal(unread.totalMessages, 1);
    const inbox = messageListSchema.parse(
      (await igo.client.call('GET', `/api/v1/groups/${groupId}/messages`)).json(),
    );
    assert.equal(inbox.items[0]?.isRead, false);
    assert.equal(inbox.items[0]?.sender.kind, 'member');
    const read = await igo.client.call('POST', `/api/v1/groups/${groupId}/messages/${sent.id}/read`);
    assert.equal(read.statusCode, 204);
    const receipt = messageThreadSchema.parse(
      (await customs.client.call('GET', `/api/v1/groups/${groupId}/messages/${sent.id}`)).json(),
    );
    assert.equal(receipt.message.receipts?.read, 1);
    assert.equal(receipt.message.receipts?.readers?.[0]?.name, igo.name);

    // A reply joins the thread.
    const reply = await owner.client.call('POST', `/api/v1/groups/${groupId}/messages`, {
      to: { kind: 'group' },
      subject: 'Re: Crate markings',
      body: 'Same stencil in Nairobi last year.',
      replyToId: sent.id,
    });
    assert.equal(reply.statusCode, 201, reply.body);
    assert.equal(messageSchema.parse(reply.json()).threadId, sent.threadId);

    // To chosen members: the IGO member neither sees it nor finds it by search or id.
    const private_ = await customs.client.call('POST', `/api/v1/groups/${groupId}/messages`, {
      to: { kind: 'members', userIds: [owner.userId] },
      subject: 'Seizure file 2024/117',
      body: 'Sharing the seizure file only with you.',
    });
    assert.equal(private_.statusCode, 201, private_.body);
    const privateId = messageSchema.parse(private_.json()).id;
    const igoSearch = messageListSchema.parse(
      (await igo.client.call('GET', `/api/v1/groups/${groupId}/messages?folder=all&q=seizure`)).json(),
    );
    assert.equal(igoSearch.items.length, 0);
    assert.equal(
      (await igo.client.call('GET', `/api/v1/groups/${groupId}/messages/${privateId}`)).statusCode,
      404,
    );
    const ownerSearch = messageListSchema.parse(
      (await owner.client.call('GET', `/api/v1/groups/${groupId}/messages?folder=all&q=seizure`)).json(),
    );
    assert.deepEqual(
      ownerSearch.items.map((m) => m.id),
      [privateId],
    );
    const notMember = await customs.client.call('POST', `/api/v1/groups/${groupId}/messages`, {
      to: { kind: 'members', userIds: [police.userId] },
      subject: 'x',
      body: 'y',
    });
    assert.equal(notMember.statusCode, 400);

    const audit = await auditEntries(t, 'groups.message_sent');
    assert.ok(
      audit.every((e) => !JSON.stringify(e.details).includes('stencil')),
      'no content in the audit log',
    );
    assert.ok(audit.some((e) => e.actor_id === customs.userId && e.target_id === privateId));
  });

  test('an anonymous message shows "anonymous member"; only the audit log names the sender', async () => {
    const posted = await igo.client.call('POST', `/api/v1/groups/${groupId}/messages`, {
      to: { kind: 'group' },
      subject: 'Tip about a breeder',
      body: 'A breeder near the border sells cubs to collectors.',
      isAnonymous: true,
    });
    assert.equal(posted.statusCode, 201, posted.body);
    const id = messageSchema.parse(posted.json()).id;
    for (const reader of [customs, owner]) {
      const list = await reader.client.call('GET', `/api/v1/groups/${groupId}/messages`);
      const thread = await reader.client.call('GET', `/api/v1/groups/${groupId}/messages/${id}`);
      const message = messageThreadSchema.parse(thread.json()).message;
      assert.deepEqual(message.sender, { kind: 'anonymous' });
      assert.equal(message.isOwn, false);
      for (const body of [list.body, thread.body]) {
        assert.ok(!body.includes(igo.userId), 'no answer carries the sender id');
        assert.ok(!body.includes(igo.name), 'no answer carries the sender name');
      }
    }
    const entries = await auditEntries(t, 'groups.message_sent_anonymously');
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.actor_id, igo.userId);
  });

  test('a removed member loses access at the next request', async () => {
    assert.equal((await igo.client.call('GET', `/api/v1/groups/${groupId}/library`)).statusCode, 200);
    const removed = await owner.client.call('DELETE', `/api/v1/groups/${groupId}/members/${igo.userId}`);
    assert.equal(removed.statusCode, 204);
    for (const url of [
      `/api/v1/groups/${groupId}/library`,
      `/api/v1/groups/${groupId}/messages`,
      `/api/v1/groups/${groupId}/library/${documentId}`,
      `/api/v1/groups/${groupId}/members`,
    ])
      assert.equal((await igo.client.call('GET', url)).statusCode, 404, url);
    const unread = unreadCountsSchema.parse((await igo.client.call('GET', '/api/v1/groups/unread')).json());
    assert.equal(unread.totalMessages + unread.totalNotifications, 0);
    assert.equal((await auditEntries(t, 'groups.member_removed')).length, 1);
  });
});
