/**
 * Access receipts through the HTTP app: an ICCWC organisation searches, views and downloads Kenyan records, and
 * Kenya's focal point sees that organisation (never the person) with how many records; Tanzania's focal point, a
 * Kenyan reporter, an igo user and the ICCWC user are refused, and row-level security gives another Party's focal
 * point nothing of Kenya's receipts. The monthly summary goes once per Party and month, to the focal points who
 * have not turned it off.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  createTestUser,
  signIn,
  testClock,
  type ApiClient,
  type TestUser,
} from '../../../../test/support/identity.ts';
import { createRecords, createReport } from '../../../../test/support/seizure-factories.ts';
import type { AccessReceiptList } from '../../../shared/access-receipts.contract.ts';
import { systemActor } from '../../../shared/actor.ts';
import { withActor } from '../../db/with-actor.ts';
import { stepUp } from '../exports/exports-test-support.ts';
import { findUserForActor } from '../identity/identity.repo.ts';
import { actorOf } from '../identity/sessions.service.ts';
import { sendAccessReceiptSummaries } from './send-receipt-summaries.ts';

let t: TestApp;
const clock = testClock();
const users: Record<string, { client: ApiClient; user: TestUser }> = {};
let keRecordIds: number[] = [];

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const make = async (name: string, options: Parameters<typeof createTestUser>[1]) => {
    const user = await createTestUser(t.database.db, options);
    users[name] = { user, client: await signIn(t.app, clock, user) };
  };
  await make('keFocalPoint', { kind: 'party', party: 'KE', role: 'focal_point' });
  await make('keFocalPoint2', { kind: 'party', party: 'KE', role: 'focal_point' });
  await make('keReporter', { kind: 'party', party: 'KE', role: 'reporter' });
  await make('tzFocalPoint', { kind: 'party', party: 'TZ', role: 'focal_point' });
  await make('iccwc', { kind: 'iccwc', role: 'member' });
  await make('igo', { kind: 'igo', role: 'member', itdAccess: false });
  await make('secretariat', { kind: 'secretariat', role: 'admin' });
  const db = t.database.db;
  const ke = await createReport(db, { party: 'KE', year: 2022, shareIccwc: true });
  keRecordIds = await createRecords(db, ke, [
    { taxon: 'Manis gigantea', kg: 10, seizureCountry: 'KE' },
    { taxon: 'Manis gigantea', kg: 20, seizureCountry: 'KE' },
    { taxon: 'Loxodonta africana', kg: 30, seizureCountry: 'KE' },
  ]);
  const tz = await createReport(db, { party: 'TZ', year: 2022, shareIccwc: true });
  await createRecords(db, tz, [{ taxon: 'Manis gigantea', kg: 5, seizureCountry: 'TZ' }]);
});
after(async () => t?.close());

const get = (name: string, url: string) => users[name]!.client.call('GET', url);

async function organisationOf(name: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select('o.name')
    .where('u.email', '=', users[name]!.user.email)
    .executeTakeFirstOrThrow();
  return row.name;
}

async function actorNamed(name: string) {
  const db = t.database.db;
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', users[name]!.user.email)
    .executeTakeFirstOrThrow();
  const found = await withActor(db, systemActor('test'), (tx) => findUserForActor(tx, { id: row.id }));
  return actorOf(found!);
}

describe('access receipts', () => {
  test('an ICCWC organisation’s searches, views and downloads of Kenyan records show on Kenya’s receipts', async () => {
    const { client, user } = users.iccwc!;
    assert.equal((await get('iccwc', '/api/v1/seizures?party=KE&limit=2')).statusCode, 200);
    assert.equal((await get('iccwc', `/api/v1/seizures/${keRecordIds[0]}`)).statusCode, 200);
    assert.equal((await stepUp(client, clock, user)).statusCode, 200);
    const file = await get('iccwc', '/api/v1/exports/seizures.csv?party=KE');
    assert.equal(file.statusCode, 200);

    const answer = await get('keFocalPoint', '/api/v1/access-receipts');
    assert.equal(answer.statusCode, 200);
    const list = answer.json<AccessReceiptList>();
    assert.equal(list.party, 'KE');
    const iccwcName = await organisationOf('iccwc');
    const iccwc = list.organisations.find((o) => o.organisationName === iccwcName);
    assert.ok(iccwc, 'the ICCWC organisation is named');
    assert.equal(iccwc.organisationKind, 'iccwc');
    assert.equal(iccwc.searched, 2, 'the search page showed two Kenyan records');
    assert.equal(iccwc.viewed, 1);
    assert.equal(iccwc.downloaded, 3, 'the export held the three Kenyan records');
    // By organisation, never by person: neither the user's name nor address is anywhere in the answer.
    assert.ok(!answer.body.includes(user.email));
    assert.ok(!answer.body.includes('Test User'));
    // Tanzania's record (seen by the same search? no: filtered to KE) is not Kenya's business either way.
    assert.ok(list.items.every((item) => item.records > 0));
  });

  test('Tanzania’s focal point sees Tanzania’s receipts only, and is refused Kenya’s', async () => {
    assert.equal((await get('tzFocalPoint', '/api/v1/access-receipts?party=KE')).statusCode, 403);
    const own = await get('tzFocalPoint', '/api/v1/access-receipts');
    assert.equal(own.statusCode, 200);
    const list = own.json<AccessReceiptList>();
    assert.equal(list.party, 'TZ');
    assert.equal(list.organisations.length, 0, 'nobody has read a Tanzanian record');
  });

  test('a reporter, an igo user and an ICCWC user may not read receipts at all', async () => {
    for (const name of ['keReporter', 'igo', 'iccwc']) {
      assert.equal((await get(name, '/api/v1/access-receipts')).statusCode, 403, name);
      assert.equal((await get(name, '/api/v1/access-receipts?party=KE')).statusCode, 403, name);
    }
  });

  test('the Secretariat names the Party it reads', async () => {
    assert.equal((await get('secretariat', '/api/v1/access-receipts')).statusCode, 400);
    const ke = await get('secretariat', '/api/v1/access-receipts?party=KE');
    assert.equal(ke.statusCode, 200);
    assert.ok(ke.json<AccessReceiptList>().organisations.length > 0);
  });

  test('row-level security gives another Party’s focal point none of Kenya’s receipts', async () => {
    const count = async (name: string) =>
      withActor(t.database.db, await actorNamed(name), async (tx) => {
        const { rows } = await sql<{ n: string }>`
          select count(*) as n from access_receipts where party = 'KE'`.execute(tx);
        return Number(rows[0]!.n);
      });
    assert.ok((await count('keFocalPoint')) > 0);
    assert.equal(await count('tzFocalPoint'), 0);
    assert.equal(await count('keReporter'), 0);
    assert.equal(await count('iccwc'), 0);
  });

  test('the monthly summary goes once, to the focal points who did not turn it off', async () => {
    const off = await users.keFocalPoint!.client.call('POST', '/api/v1/access-receipts/preferences', {
      monthlySummary: false,
    });
    assert.equal(off.statusCode, 200);
    assert.deepEqual((await get('keFocalPoint', '/api/v1/access-receipts/preferences')).json(), {
      monthlySummary: false,
    });
    assert.deepEqual((await get('keFocalPoint2', '/api/v1/access-receipts/preferences')).json(), {
      monthlySummary: true,
    });
    assert.equal((await get('keReporter', '/api/v1/access-receipts/preferences')).statusCode, 403);

    const now = clock();
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 2));
    const options = { publicUrl: 'https://itd.example', clock: () => nextMonth };
    const first = await sendAccessReceiptSummaries(t.database.db, options);
    assert.ok(first && first.parties >= 1);
    const mails = await t.database.db
      .selectFrom('outbox')
      .select(['recipient', 'subject'])
      .where('subject', 'like', 'Who used your Party%')
      .execute();
    const to = mails.map((mail) => mail.recipient);
    assert.ok(to.includes(users.keFocalPoint2!.user.email), 'the focal point with the summary on');
    assert.ok(!to.includes(users.keFocalPoint!.user.email), 'not the one who turned it off');
    assert.ok(!to.includes(users.keReporter!.user.email), 'not a reporter');
    assert.ok(!to.includes(users.tzFocalPoint!.user.email), 'not another Party’s focal point');
    const again = await sendAccessReceiptSummaries(t.database.db, options);
    assert.deepEqual(again, { parties: 0, mails: 0 });
  });
});
