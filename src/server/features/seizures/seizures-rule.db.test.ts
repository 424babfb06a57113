/**
 * The sharing rule clause by clause, and every way to be denied, through the HTTP app with signed-in users:
 * search (GET /api/v1/seizures) and one record (GET /api/v1/seizures/:id, a 404 exactly like a missing record).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createTestUser, signIn, testClock, type ApiClient } from '../../../../test/support/identity.ts';
import { createRecord, recordValues } from '../../../../test/support/seizure-factories.ts';
import { seizureDetailSchema, seizurePageSchema } from '../../../shared/seizures.contract.ts';
import { systemActor } from '../../../shared/actor.ts';
import { withActor } from '../../db/with-actor.ts';
import { correctSeizureRecord } from '../seizure-records/index.ts';
import { findUserForActor } from '../identity/identity.repo.ts';
import { actorOf } from '../identity/sessions.service.ts';
import { visibleTo } from './seizures.policy.ts';

let t: TestApp;
const clock = testClock();
const users: Record<string, ApiClient> = {};
const emails: Record<string, string> = {};

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const make = async (
    name: string,
    options: Parameters<typeof createTestUser>[1],
    signInOptions: { acceptTerms?: boolean } = {},
  ) => {
    const user = await createTestUser(t.database.db, options);
    emails[name] = user.email;
    users[name] = await signIn(t.app, clock, user, signInOptions);
  };
  await make('secretariat', { kind: 'secretariat', role: 'member' });
  await make('keMember', { kind: 'party', party: 'KE', role: 'member' });
  await make('keReporter', { kind: 'party', party: 'KE', role: 'reporter' });
  await make('keFocalPoint', { kind: 'party', party: 'KE', role: 'focal_point' });
  await make('tzMember', { kind: 'party', party: 'TZ', role: 'member' });
  await make('iccwc', { kind: 'iccwc', role: 'member' });
  await make('igo', { kind: 'igo', role: 'member', itdAccess: false });
  await make('keNoItd', { kind: 'party', party: 'KE', role: 'member', itdAccess: false });
  await make('keNoTerms', { kind: 'party', party: 'KE', role: 'member' }, { acceptTerms: false });
});
after(async () => {
  await t?.close();
});

/**
 * Each wall alone, for the signed-in user's actor as the server builds it: visibleTo on the owner connection (no
 * row-level security), and the row-level security policy with no condition of ours.
 */
async function wallsSay(user: string, id: number): Promise<{ visibleTo: boolean; policy: boolean }> {
  const db = t.database.db;
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', emails[user]!)
    .executeTakeFirstOrThrow();
  const found = await withActor(db, systemActor('test'), (tx) => findUserForActor(tx, { id: row.id }));
  const actor = actorOf(found!);
  const byQuery =
    await sql`select 1 from seizure_records s where s.id = ${id}::bigint and ${visibleTo(actor)}`.execute(db);
  const byPolicy = await withActor(db, actor, (tx) =>
    sql`select 1 from seizure_records where id = ${id}::bigint`.execute(tx),
  );
  return { visibleTo: byQuery.rows.length === 1, policy: byPolicy.rows.length === 1 };
}

/** Does this user find the record, by search and by reading it? Both answers, and each wall alone, must agree. */
async function sees(user: string, id: number): Promise<boolean> {
  const client = users[user]!;
  const one = await client.call('GET', `/api/v1/seizures/${id}`);
  assert.ok(one.statusCode === 200 || one.statusCode === 404, `${user}: ${one.statusCode} ${one.body}`);
  const list = await client.call('GET', '/api/v1/seizures?sort=id_desc&limit=100');
  assert.equal(list.statusCode, 200, list.body);
  const found = seizurePageSchema.parse(list.json()).items.some((item) => item.id === id);
  assert.equal(found, one.statusCode === 200, `${user}: search and read disagree on record ${id}`);
  assert.deepEqual(
    await wallsSay(user, id),
    { visibleTo: found, policy: found },
    `${user}: the walls disagree`,
  );
  return found;
}

describe('the sharing rule, clause by clause', () => {
  test('1. the Secretariat sees every record, published or not, shared or not', async () => {
    const restricted = await createRecord(
      t.database.db,
      { party: 'KE', shareParties: false, shareIccwc: false },
      { seizureCountry: 'KE' },
    );
    const draft = await createRecord(
      t.database.db,
      { party: 'KE', status: 'draft' },
      { seizureCountry: 'KE' },
    );
    assert.equal(await sees('secretariat', restricted.id), true);
    assert.equal(await sees('secretariat', draft.id), true);
  });

  test('2. a Party sees its own records, even restricted; unpublished ones only its focal points and reporters', async () => {
    const restricted = await createRecord(
      t.database.db,
      { party: 'KE', shareParties: false, shareIccwc: false },
      { seizureCountry: 'CN' },
    );
    assert.equal(await sees('keMember', restricted.id), true);
    const submitted = await createRecord(t.database.db, { party: 'KE', status: 'submitted' }, {});
    assert.equal(await sees('keReporter', submitted.id), true);
    assert.equal(await sees('keFocalPoint', submitted.id), true);
    // Denied: a member of the reporting Party before publication.
    assert.equal(await sees('keMember', submitted.id), false);
  });

  test('3. ICCWC partners see published records shared with ICCWC, and no others', async () => {
    const shared = await createRecord(
      t.database.db,
      { party: 'KE', shareIccwc: true, shareParties: false },
      {},
    );
    const notShared = await createRecord(
      t.database.db,
      { party: 'KE', shareIccwc: false, shareParties: true },
      {},
    );
    const unpublished = await createRecord(
      t.database.db,
      { party: 'KE', status: 'submitted', shareIccwc: true },
      {},
    );
    assert.equal(await sees('iccwc', shared.id), true);
    assert.equal(await sees('iccwc', notShared.id), false);
    assert.equal(await sees('iccwc', unpublished.id), false);
  });

  test('4. a concerned Party sees a shared record in each of the six roles; not when unconcerned, unshared or unpublished', async () => {
    const roles = [
      { seizureCountry: 'TZ' },
      { originCountry: 'TZ' },
      { exportCountry: 'TZ' },
      { transitCountries: ['CN', 'TZ'] },
      { destinationCountry: 'TZ' },
      { offenderNationalities: ['TZ'] },
    ];
    for (const role of roles) {
      const record = await createRecord(
        t.database.db,
        { party: 'KE', shareParties: true, shareIccwc: false },
        role,
      );
      assert.equal(await sees('tzMember', record.id), true, JSON.stringify(role));
    }
    const notConcerned = await createRecord(
      t.database.db,
      { party: 'KE', shareParties: true },
      { seizureCountry: 'KE', originCountry: 'CN', transitCountries: ['VN'], offenderNationalities: ['US'] },
    );
    assert.equal(await sees('tzMember', notConcerned.id), false);
    const notShared = await createRecord(
      t.database.db,
      { party: 'KE', shareParties: false, shareIccwc: true },
      { originCountry: 'TZ' },
    );
    assert.equal(await sees('tzMember', notShared.id), false);
    const unpublished = await createRecord(
      t.database.db,
      { party: 'KE', status: 'submitted', shareParties: true },
      { originCountry: 'TZ' },
    );
    assert.equal(await sees('tzMember', unpublished.id), false);
  });

  test('concerned Parties follow a correction of the record’s countries', async () => {
    const record = await createRecord(
      t.database.db,
      { party: 'KE', shareParties: true, shareIccwc: false },
      { seizureCountry: 'KE', originCountry: 'TZ', taxon: 'Manis gigantea', kg: 3 },
    );
    assert.equal(await sees('tzMember', record.id), true);
    const values = await recordValues(t.database.db, {
      seizureCountry: 'KE',
      originCountry: 'CN',
      taxon: 'Manis gigantea',
      kg: 3,
    });
    await withActor(t.database.db, systemActor('test correction'), (tx) =>
      correctSeizureRecord(tx, record.id, {
        values,
        reason: 'origin misread',
        actorId: null,
        actorLabel: 'test',
      }),
    );
    assert.equal(await sees('tzMember', record.id), false);
    // The Party still sees its own record, with the earlier version in its history.
    const detail = seizureDetailSchema.parse(
      (await users.keMember!.call('GET', `/api/v1/seizures/${record.id}`)).json(),
    );
    assert.equal(detail.version, 2);
    assert.deepEqual(detail.concernedParties, ['KE', 'CN']);
    assert.equal(detail.versions[0]?.values.originCountry, 'TZ');
    assert.equal(detail.versions[0]?.reason, 'origin misread');
  });
});

describe('every way to be denied', () => {
  test('igo users and users without ITD access get no list (403) and no record (404)', async () => {
    const record = await createRecord(
      t.database.db,
      { party: 'KE', shareParties: true, shareIccwc: true },
      {
        seizureCountry: 'KE',
      },
    );
    for (const user of ['igo', 'keNoItd']) {
      const list = await users[user]!.call('GET', '/api/v1/seizures');
      assert.equal(list.statusCode, 403, `${user} ${list.body}`);
      assert.equal((await users[user]!.call('GET', '/api/v1/seizures/stats?groupBy=year')).statusCode, 403);
      assert.equal((await users[user]!.call('GET', '/api/v1/seizures/facets')).statusCode, 403);
      assert.equal((await users[user]!.call('GET', `/api/v1/seizures/${record.id}`)).statusCode, 404);
    }
  });

  test('terms not accepted: refused before any data (403 terms_not_accepted)', async () => {
    const record = await createRecord(t.database.db, { party: 'KE' }, {});
    for (const url of [
      '/api/v1/seizures',
      `/api/v1/seizures/${record.id}`,
      '/api/v1/seizures/stats?groupBy=year',
    ]) {
      const response = await users.keNoTerms!.call('GET', url);
      assert.equal(response.statusCode, 403, url);
      assert.equal(response.json<{ code: string }>().code, 'terms_not_accepted');
    }
  });

  test('a suspended user: the session no longer authenticates (401)', async () => {
    const user = await createTestUser(t.database.db, { kind: 'party', party: 'KE', role: 'focal_point' });
    const client = await signIn(t.app, clock, user);
    const record = await createRecord(t.database.db, { party: 'KE' }, {});
    assert.equal((await client.call('GET', `/api/v1/seizures/${record.id}`)).statusCode, 200);
    await sql`update users set status = 'suspended' where email = ${user.email}`.execute(t.database.db);
    assert.equal((await client.call('GET', `/api/v1/seizures/${record.id}`)).statusCode, 401);
    assert.equal((await client.call('GET', '/api/v1/seizures')).statusCode, 401);
  });

  test('not signed in: 401', async () => {
    assert.equal((await t.app.inject('/api/v1/seizures')).statusCode, 401);
    assert.equal((await t.app.inject('/api/v1/seizures/1')).statusCode, 401);
  });

  test('an invisible record is a 404 exactly like a missing one', async () => {
    const hidden = await createRecord(
      t.database.db,
      { party: 'KE', shareParties: false, shareIccwc: false },
      {
        seizureCountry: 'TZ',
      },
    );
    const invisible = await users.tzMember!.call('GET', `/api/v1/seizures/${hidden.id}`);
    const missing = await users.tzMember!.call('GET', '/api/v1/seizures/999999999');
    assert.equal(invisible.statusCode, 404);
    assert.equal(missing.statusCode, 404);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    assert.deepEqual(strip(invisible.json()), strip(missing.json()));
    assert.deepEqual(Object.keys(invisible.headers).sort(), Object.keys(missing.headers).sort());
  });

  test('a record carries the caller’s abilities', async () => {
    const draft = await createRecord(t.database.db, { party: 'KE', status: 'draft' }, {});
    const detail = (user: string) =>
      users[user]!.call('GET', `/api/v1/seizures/${draft.id}`).then((r) =>
        seizureDetailSchema.parse(r.json()),
      );
    assert.deepEqual((await detail('keReporter')).abilities, ['seizure.read', 'seizure.correct']);
    // A Secretariat member reads everything but corrects nothing (admins and data officers do).
    assert.deepEqual((await detail('secretariat')).abilities, ['seizure.read']);
  });
});
