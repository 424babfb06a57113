/**
 * A confidential group's existence may itself be sensitive (DESIGN §2, ADR 0005): a non-member learns nothing of
 * it — its id is a 404 like a missing group's, it is absent from every list and count, and a join request to it is
 * a 404 (joining is by invitation or through the Secretariat). Members and Secretariat admins still see it. Both
 * walls are tested: through the HTTP app, and row-level security alone (a direct select as the user).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { testClock } from '../../../../test/support/identity.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import type { UserActor } from '../../../shared/actor.ts';
import {
  groupListSchema,
  groupSchema,
  notificationListSchema,
  unreadCountsSchema,
} from '../../../shared/groups.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { findUserForActor } from '../identity/identity.repo.ts';
import { actorOf } from '../identity/sessions.service.ts';
import { addMember, makeGroup, signedInUser, type SignedInUser } from './groups.test-support.ts';

let t: TestApp;
const clock = testClock();
let admin: SignedInUser;
let owner: SignedInUser;
let member: SignedInUser;
let outsiders: { label: string; user: SignedInUser }[];
let secret: string;
let open: string;
const SECRET_NAME = `Undercover pangolin operation ${randomUUID().slice(0, 6)}`;

const joinFields = (who: SignedInUser) => ({
  country: 'KE',
  lastName: 'Outsider',
  firstName: 'Test',
  organisation: 'Somewhere',
  functionTitle: 'Officer',
  telephone: '+254 20 281 0000',
  officialEmail: who.email,
  reason: 'I heard of it.',
});

async function actorFor(user: SignedInUser): Promise<UserActor> {
  const record = await t.database.db.transaction().execute((tx) => findUserForActor(tx, { id: user.userId }));
  assert.ok(record);
  return actorOf(record);
}

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  admin = await signedInUser(t, clock, { kind: 'secretariat', role: 'admin' });
  owner = await signedInUser(t, clock);
  member = await signedInUser(t, clock);
  outsiders = [
    { label: 'a user of another Party', user: await signedInUser(t, clock, { party: 'FR' }) },
    {
      label: 'a user without ITD access',
      user: await signedInUser(t, clock, { kind: 'igo', itdAccess: false }),
    },
    { label: 'a member of another group', user: await signedInUser(t, clock) },
  ];
  secret = await makeGroup(t, { isConfidential: true, name: SECRET_NAME });
  open = await makeGroup(t);
  await addMember(t, secret, owner, 'police', true);
  await addMember(t, secret, member, 'customs');
  await addMember(t, open, owner, 'police', true);
  await addMember(t, open, outsiders[2]!.user, 'customs');
  // Something to count: a message to the whole confidential group, unread by the owner.
  const sent = await member.client.call('POST', `/api/v1/groups/${secret}/messages`, {
    to: { kind: 'group' },
    subject: 'Routes',
    body: 'Seen at the border.',
  });
  assert.equal(sent.statusCode, 201, sent.body);
});
after(async () => {
  await t?.close();
});

describe('a confidential group is unknown to non-members', () => {
  test('its id is a 404 like a missing group, for the group and everything in it', async () => {
    for (const { label, user } of outsiders) {
      const missing = await user.client.call('GET', `/api/v1/groups/${randomUUID()}`);
      for (const path of ['', '/members', '/messages', '/library', '/join-requests']) {
        const response = await user.client.call('GET', `/api/v1/groups/${secret}${path}`);
        assert.equal(response.statusCode, 404, `${label}: GET ${path || '/'}`);
        assert.equal(response.json<{ code: string }>().code, missing.json<{ code: string }>().code, label);
        assert.ok(!response.body.includes(SECRET_NAME), label);
      }
    }
  });

  test('absent from every list scope and from the counts', async () => {
    for (const { label, user } of outsiders) {
      for (const scope of ['mine', 'joinable', 'all']) {
        const response = await user.client.call('GET', `/api/v1/groups?scope=${scope}`);
        assert.equal(response.statusCode, 200, response.body);
        const list = groupListSchema.parse(response.json());
        assert.ok(!list.items.some((g) => g.id === secret), `${label}: scope=${scope}`);
        assert.ok(!list.items.some((g) => g.isConfidential), `${label}: scope=${scope}`);
        assert.ok(!response.body.includes(SECRET_NAME), `${label}: scope=${scope}`);
      }
      const unread = unreadCountsSchema.parse(
        (await user.client.call('GET', '/api/v1/groups/unread')).json(),
      );
      assert.ok(!unread.groups.some((g) => g.groupId === secret), `${label}: unread`);
      const notes = notificationListSchema.parse(
        (await user.client.call('GET', '/api/v1/groups/notifications')).json(),
      );
      assert.ok(!notes.items.some((n) => n.groupId === secret), `${label}: notifications`);
      const directory = await user.client.call('GET', '/api/v1/groups/directory');
      assert.ok(!directory.body.includes(secret), `${label}: directory`);
    }
  });

  test('a join request to it is a 404 and files nothing', async () => {
    for (const { label, user } of outsiders) {
      const asked = await user.client.call(
        'POST',
        `/api/v1/groups/${secret}/join-requests`,
        joinFields(user),
      );
      assert.equal(asked.statusCode, 404, `${label}: ${asked.body}`);
    }
    const filed = await t.database.db
      .selectFrom('group_join_requests')
      .select('id')
      .where('group_id', '=', secret)
      .execute();
    assert.equal(filed.length, 0);
    // An open group is still joinable by the same people.
    const joinable = groupListSchema.parse(
      (await outsiders[0]!.user.client.call('GET', '/api/v1/groups?scope=joinable')).json(),
    );
    assert.ok(joinable.items.find((g) => g.id === open)?.abilities.includes('request_join'));
  });

  test('members and Secretariat admins still see it', async () => {
    for (const who of [owner, member]) {
      const got = await who.client.call('GET', `/api/v1/groups/${secret}`);
      assert.equal(got.statusCode, 200, got.body);
      assert.equal(groupSchema.parse(got.json()).name.en, SECRET_NAME);
      for (const scope of ['mine', 'all']) {
        const list = groupListSchema.parse(
          (await who.client.call('GET', `/api/v1/groups?scope=${scope}`)).json(),
        );
        assert.ok(
          list.items.some((g) => g.id === secret),
          `scope=${scope}`,
        );
      }
    }
    const unread = unreadCountsSchema.parse((await owner.client.call('GET', '/api/v1/groups/unread')).json());
    assert.equal(unread.groups.find((g) => g.groupId === secret)?.messages, 1);
    const got = await admin.client.call('GET', `/api/v1/groups/${secret}`);
    assert.equal(got.statusCode, 200, got.body);
    assert.ok(groupSchema.parse(got.json()).abilities.includes('administer'));
    for (const scope of ['joinable', 'all']) {
      const list = groupListSchema.parse(
        (await admin.client.call('GET', `/api/v1/groups?scope=${scope}`)).json(),
      );
      assert.ok(
        list.items.some((g) => g.id === secret),
        `admin scope=${scope}`,
      );
    }
  });
});

describe('row-level security alone hides it', () => {
  test('a direct select as a non-member returns no row; as a member or an admin, the row', async () => {
    const sees = async (who: SignedInUser) =>
      withActor(t.database.db, await actorFor(who), async (tx) => {
        const rows = await tx.selectFrom('groups').select('id').where('id', '=', secret).execute();
        return rows.length === 1;
      });
    for (const { label, user } of outsiders) assert.equal(await sees(user), false, label);
    assert.equal(await sees(member), true, 'member');
    assert.equal(await sees(admin), true, 'Secretariat admin');
    // Not counted either: a count over every group the user may read leaves it out.
    const counted = await withActor(t.database.db, await actorFor(outsiders[0]!.user), async (tx) =>
      tx
        .selectFrom('groups')
        .select(sql<string>`count(*) filter (where is_confidential)`.as('n'))
        .executeTakeFirstOrThrow(),
    );
    assert.equal(Number(counted.n), 0);
  });

  test('a non-member can neither file a join request nor reach its owners through the database', async () => {
    const outsider = outsiders[0]!.user;
    const actor = await actorFor(outsider);
    await assert.rejects(
      withActor(t.database.db, actor, (tx) =>
        tx
          .insertInto('group_join_requests')
          .values({
            group_id: secret,
            user_id: outsider.userId,
            country: 'FR',
            last_name: 'Outsider',
            first_name: 'Test',
            organisation: 'Somewhere',
            function_title: 'Officer',
            telephone: '+33 1',
            official_email: outsider.email,
            reason: 'Guessing.',
          })
          .execute(),
      ),
      /row-level security/,
    );
    await assert.rejects(
      withActor(t.database.db, actor, (tx) =>
        tx
          .insertInto('group_notifications')
          .values({ user_id: owner.userId, group_id: secret, kind: 'join_requested', title: 'Knock knock' })
          .execute(),
      ),
      /row-level security/,
    );
    // Even with a request on file (one the Secretariat filed from a registration, since rejected), the owners'
    // addresses stay out of reach of a non-member of a confidential group.
    await t.database.db
      .insertInto('group_join_requests')
      .values({
        group_id: secret,
        user_id: outsider.userId,
        country: 'FR',
        last_name: 'Outsider',
        first_name: 'Test',
        organisation: 'Somewhere',
        function_title: 'Officer',
        telephone: '+33 1',
        official_email: outsider.email,
        reason: 'From a registration.',
        status: 'rejected',
      })
      .execute();
    const contacts = await withActor(t.database.db, actor, async (tx) => {
      const result = await sql<{
        user_id: string;
      }>`select user_id from app_group_contacts(${secret}::uuid, 'all_members', true)`.execute(tx);
      return result.rows;
    });
    assert.deepEqual(contacts, []);
  });
});
