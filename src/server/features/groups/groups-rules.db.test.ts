/**
 * The rules of confidential groups (write only to the whole group or the owners; members cannot list each other,
 * not even through read receipts or the "To" line), the public directory, the Secretariat's management of
 * groups and members, and a registration whose requested group becomes a join request when approved.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, testClock } from '../../../../test/support/identity.ts';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  groupDirectorySchema,
  groupSchema,
  joinRequestListSchema,
  memberListSchema,
  messageSchema,
  messageThreadSchema,
} from '../../../shared/groups.contract.ts';
import { registrationListSchema } from '../../../shared/registration.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { FRONT_DOOR } from '../identity/sessions.service.ts';
import { addMember, makeGroup, signedInUser, type SignedInUser } from './groups.test-support.ts';
import { CHEETAH_GROUP, seedCheetahGroup } from './seed-cheetah-group.ts';

let t: TestApp;
let smtp: TestSmtp;
const clock = testClock();
let admin: SignedInUser;
let owner: SignedInUser;
let first: SignedInUser;
let second: SignedInUser;
let secret: string;

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
  owner = await signedInUser(t, clock);
  first = await signedInUser(t, clock);
  second = await signedInUser(t, clock, { kind: 'igo', itdAccess: false });
  secret = await makeGroup(t, { isConfidential: true, name: 'Confidential task force (test)' });
  await addMember(t, secret, owner, 'police', true);
  await addMember(t, secret, first, 'customs');
  await addMember(t, secret, second, 'igo');
});
after(async () => {
  await t?.close();
  await smtp?.close();
});

describe('confidential groups', () => {
  test('members write only to the whole group or the owners', async () => {
    const toMembers = await first.client.call('POST', `/api/v1/groups/${secret}/messages`, {
      to: { kind: 'members', userIds: [second.userId] },
      subject: 'Just us',
      body: 'Private.',
    });
    assert.equal(toMembers.statusCode, 400);
    assert.match(toMembers.body, /confidential group/);
    const toOwners = await first.client.call('POST', `/api/v1/groups/${secret}/messages`, {
      to: { kind: 'owners' },
      subject: 'For the owners',
      body: 'Owners only.',
    });
    assert.equal(toOwners.statusCode, 201, toOwners.body);
    const ownersMessage = messageSchema.parse(toOwners.json());
    assert.equal(ownersMessage.receipts?.recipients, 1);
    assert.equal(
      (await second.client.call('GET', `/api/v1/groups/${secret}/messages/${ownersMessage.id}`)).statusCode,
      404,
      'a member who is not an owner does not read messages to the owners',
    );
    const toGroup = await first.client.call('POST', `/api/v1/groups/${secret}/messages`, {
      to: { kind: 'group' },
      subject: 'For all',
      body: 'Everyone.',
    });
    assert.equal(toGroup.statusCode, 201);
    const groupMessage = messageSchema.parse(toGroup.json());
    assert.equal(groupMessage.receipts?.recipients, 2);
    await second.client.call('POST', `/api/v1/groups/${secret}/messages/${groupMessage.id}/read`);
    const receipts = messageThreadSchema.parse(
      (await first.client.call('GET', `/api/v1/groups/${secret}/messages/${groupMessage.id}`)).json(),
    ).message.receipts;
    assert.equal(receipts?.read, 1);
    assert.equal(receipts?.readers, null, 'receipts do not list the members of a confidential group');
    const asReceived = await second.client.call(
      'GET',
      `/api/v1/groups/${secret}/messages/${groupMessage.id}`,
    );
    assert.ok(!asReceived.body.includes(owner.name), 'the "To" line of a group message lists nobody');
  });

  test('members see only the owners; owners see everyone', async () => {
    const group = groupSchema.parse((await first.client.call('GET', `/api/v1/groups/${secret}`)).json());
    assert.equal(group.memberCount, null);
    assert.ok(!group.abilities.includes('list_members'));
    assert.ok(!group.abilities.includes('write_to_members'));
    const seenByMember = memberListSchema.parse(
      (await first.client.call('GET', `/api/v1/groups/${secret}/members`)).json(),
    );
    assert.deepEqual(seenByMember.items.map((m) => m.userId).sort(), [first.userId, owner.userId].sort());
    const seenByOwner = memberListSchema.parse(
      (await owner.client.call('GET', `/api/v1/groups/${secret}/members`)).json(),
    );
    assert.equal(seenByOwner.items.length, 3);
  });

  test('owners change a category; a group keeps an owner; the Secretariat archives', async () => {
    const changed = await owner.client.call('POST', `/api/v1/groups/${secret}/members/${first.userId}`, {
      category: 'wildlife_enforcement',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const lastOwner = await owner.client.call('DELETE', `/api/v1/groups/${secret}/members/${owner.userId}`);
    assert.equal(lastOwner.statusCode, 400);
    const notAdmin = await owner.client.call('POST', `/api/v1/groups/${secret}`, { status: 'archived' });
    assert.equal(notAdmin.statusCode, 404);
    const archived = await admin.client.call('POST', `/api/v1/groups/${secret}`, { status: 'archived' });
    assert.equal(archived.statusCode, 200, archived.body);
    const refused = await first.client.call('POST', `/api/v1/groups/${secret}/messages`, {
      to: { kind: 'group' },
      subject: 'x',
      body: 'y',
    });
    assert.equal(refused.statusCode, 400, 'an archived group takes no new messages');
    assert.equal((await first.client.call('GET', `/api/v1/groups/${secret}/messages`)).statusCode, 200);
  });
});

describe('the directory and registration', () => {
  test('the public directory lists open groups only', async () => {
    const cheetah = await withActor(t.database.db, FRONT_DOOR, (tx) =>
      seedCheetahGroup(tx, { ownerUserId: owner.userId, ownerCategory: 'wildlife_enforcement' }),
    );
    assert.equal(cheetah.created, true);
    const again = await withActor(t.database.db, FRONT_DOOR, (tx) =>
      seedCheetahGroup(tx, { ownerUserId: owner.userId }),
    );
    assert.deepEqual(again, { groupId: cheetah.groupId, created: false });
    const directory = groupDirectorySchema.parse(
      (await new ApiClient(t.app).call('GET', '/api/v1/groups/directory')).json(),
    );
    assert.ok(directory.items.some((g) => g.name.fr === CHEETAH_GROUP.name.fr));
    assert.ok(!directory.items.some((g) => g.id === secret), 'a confidential group is never listed publicly');
    // Anonymous callers reach nothing else.
    assert.equal(
      (await new ApiClient(t.app).call('GET', `/api/v1/groups/${cheetah.groupId}`)).statusCode,
      401,
    );
  });

  test('an approved registration turns its requested group into a join request for the owners', async () => {
    const anonymous = new ApiClient(t.app);
    const email = 'amina.diallo@douanes.example.org';
    const submitted = await anonymous.call('POST', '/api/v1/registrations', {
      country: 'SN',
      lastName: 'Diallo',
      firstName: 'Amina',
      organisation: 'Direction générale des douanes',
      functionTitle: 'Cheffe de brigade',
      telephone: '+221 33 889 7400',
      email,
      requestsItdAccess: false,
      requestedGroups: ['  cheetah (ACINONYX JUBATUS) enforcement group ', 'A group that does not exist'],
      justification: 'Contrôles à l’aéroport Blaise-Diagne.',
      language: 'fr',
    });
    assert.equal(submitted.statusCode, 202);
    // Skip the e-mail link (tested by the registration suite): mark it verified directly.
    await t.database.db
      .updateTable('registrations')
      .set({ status: 'pending_review' })
      .where('email', '=', email)
      .execute();
    const queue = registrationListSchema.parse(
      (await admin.client.call('GET', '/api/v1/registrations')).json(),
    );
    const registration = queue.items.find((r) => r.email === email)!;
    const approved = await admin.client.call('POST', `/api/v1/registrations/${registration.id}/approve`, {
      newOrganisation: {
        name: 'Douanes sénégalaises (test)',
        kind: 'party',
        party: 'SN',
        authorityType: 'customs',
      },
      role: 'member',
      itdAccess: false,
    });
    assert.equal(approved.statusCode, 200, approved.body);

    const cheetah = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('name_en', '=', CHEETAH_GROUP.name.en)
      .executeTakeFirstOrThrow();
    const requests = joinRequestListSchema.parse(
      (await owner.client.call('GET', `/api/v1/groups/${cheetah.id}/join-requests`)).json(),
    );
    const filed = requests.items.find((r) => r.officialEmail === email);
    assert.ok(filed);
    assert.equal(filed.fromRegistration, true);
    assert.equal(filed.firstName, 'Amina');
    await smtp.waitFor(owner.email, /A request to join/);
    const decided = await owner.client.call(
      'POST',
      `/api/v1/groups/${cheetah.id}/join-requests/${filed.id}/approve`,
      {
        category: 'customs',
      },
    );
    assert.equal(decided.statusCode, 200, decided.body);
    const welcome = await smtp.waitFor(email, /membre de/);
    assert.match(welcome.text, /Guépard|guépard/);
  });
});
