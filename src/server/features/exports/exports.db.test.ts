/**
 * Exports through the HTTP app with signed-in users: a file never holds a record its reader may not see (each
 * kind of reader's export compared with the sharing rule's own query, `visibleTo`), step-up and token scope are
 * required and expire, igo users and users without the terms are refused, every file carries its header block and
 * no formula, and every export is in the download register with the file's checksum and size.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
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
import { createRecord, createRecords, createReport } from '../../../../test/support/seizure-factories.ts';
import { systemActor } from '../../../shared/actor.ts';
import { withActor } from '../../db/with-actor.ts';
import { findUserForActor } from '../identity/identity.repo.ts';
import { actorOf } from '../identity/sessions.service.ts';
import { visibleTo } from '../seizures/index.ts';
import { readCsv, readXlsx, stepUp } from './exports-test-support.ts';

let t: TestApp;
const clock = testClock();
const users: Record<string, { client: ApiClient; user: TestUser }> = {};

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const make = async (name: string, options: Parameters<typeof createTestUser>[1], acceptTerms = true) => {
    const user = await createTestUser(t.database.db, options);
    users[name] = { user, client: await signIn(t.app, clock, user, { acceptTerms }) };
  };
  await make('secretariat', { kind: 'secretariat', role: 'admin' });
  await make('keFocalPoint', { kind: 'party', party: 'KE', role: 'focal_point' });
  await make('keMember', { kind: 'party', party: 'KE', role: 'member' });
  await make('tzMember', { kind: 'party', party: 'TZ', role: 'member' });
  await make('iccwc', { kind: 'iccwc', role: 'member' });
  await make('igo', { kind: 'igo', role: 'member', itdAccess: false });
  await make('keNoTerms', { kind: 'party', party: 'KE', role: 'member' }, false);
  const db = t.database.db;
  const ke = await createReport(db, { party: 'KE', year: 2021 });
  await createRecords(db, ke, [
    { taxon: 'Loxodonta africana', kg: 12, locationName: '=HYPERLINK("http://x")', seizureCountry: 'KE' },
    { taxon: 'Loxodonta africana', kg: 3, seizureCountry: 'KE', destinationCountry: 'CN' },
    { taxon: 'Manis gigantea', specimens: 4, seizureCountry: 'KE' },
  ]);
  await createRecord(db, { party: 'KE', status: 'draft' }, { taxon: 'Manis gigantea', specimens: 2 });
  await createRecord(
    db,
    { party: 'TZ', shareParties: false },
    { taxon: 'Manis gigantea', kg: 1, destinationCountry: 'KE' },
  );
  await createRecord(
    db,
    { party: 'TZ', shareIccwc: false },
    { taxon: 'Manis gigantea', kg: 8, originCountry: 'KE' },
  );
  await createRecord(
    db,
    { party: 'CN', shareParties: false, shareIccwc: false },
    { taxon: 'Manis gigantea', kg: 5 },
  );
});
after(async () => {
  if (process.env.SHOW_LOGS)
    for (const line of t.logs) if (line.includes('"level":50')) console.log(line.slice(0, 1500));
  await t?.close();
});

/** The ids the sharing rule's own predicate gives this user (owner connection, no row-level security). */
async function visibleIds(name: string, where = sql`true`): Promise<number[]> {
  const db = t.database.db;
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', users[name]!.user.email)
    .executeTakeFirstOrThrow();
  const found = await withActor(db, systemActor('test'), (tx) => findUserForActor(tx, { id: row.id }));
  const result = await sql<{ id: string }>`select s.id from seizure_records s
    where ${visibleTo(actorOf(found!))} and ${where} order by s.id`.execute(db);
  return result.rows.map((r) => Number(r.id));
}

const get = (name: string, url: string) => users[name]!.client.call('GET', url);

describe('record exports', () => {
  test('without a step-up a record export is refused; a figures export is not', async () => {
    const refused = await get('keMember', '/api/v1/exports/seizures.csv');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<{ code: string }>().code, 'step_up_required');
    assert.equal((await get('keMember', '/api/v1/exports/figures.csv?groupBy=year')).statusCode, 200);
  });

  test('a wrong code does not step up; a right one does, and it expires after the window', async () => {
    const { client, user } = users.tzMember!;
    clock.advance(31_000);
    assert.equal((await client.call('POST', '/api/v1/auth/step-up', { code: '000000' })).statusCode, 401);
    assert.equal((await get('tzMember', '/api/v1/exports/seizures.csv')).statusCode, 403);
    assert.equal((await stepUp(client, clock, user)).statusCode, 200);
    assert.equal((await get('tzMember', '/api/v1/exports/seizures.csv')).statusCode, 200);
    clock.advance(16 * 60_000);
    const expired = await get('tzMember', '/api/v1/exports/seizures.csv');
    assert.equal(expired.statusCode, 403);
    assert.equal(expired.json<{ code: string }>().code, 'step_up_required');
  });

  test('an igo user and a user without the terms accepted cannot export at all', async () => {
    for (const url of ['/api/v1/exports/seizures.csv', '/api/v1/exports/figures.xlsx?groupBy=party']) {
      const igo = await get('igo', url);
      assert.equal(igo.statusCode, 403, url);
      const noTerms = await get('keNoTerms', url);
      assert.equal(noTerms.statusCode, 403, url);
      assert.equal(noTerms.json<{ code: string }>().code, 'terms_not_accepted');
    }
  });

  test('every reader’s export holds exactly the records the sharing rule lets them see', async () => {
    for (const name of ['secretariat', 'keFocalPoint', 'keMember', 'tzMember', 'iccwc']) {
      const { client, user } = users[name]!;
      assert.equal((await stepUp(client, clock, user)).statusCode, 200, name);
      const all = readCsv((await get(name, '/api/v1/exports/seizures.csv?columns=id')).rawPayload);
      assert.deepEqual(
        all.rows.map((row) => Number(row[0])).sort((a, b) => a - b),
        await visibleIds(name),
        name,
      );
      const filtered = readCsv(
        (await get(name, '/api/v1/exports/seizures.csv?columns=id&country=KE&countryRole=seizure'))
          .rawPayload,
      );
      assert.deepEqual(
        filtered.rows.map((row) => Number(row[0])).sort((a, b) => a - b),
        await visibleIds(name, sql`s.seizure_country = 'KE'`),
        `${name} filtered`,
      );
    }
  });

  test('a CSV opens with its header block, names its Parties and filters, and carries no formula', async () => {
    const { client, user } = users.keMember!;
    await stepUp(client, clock, user);
    const response = await get(
      'keMember',
      '/api/v1/exports/seizures.csv?yearFrom=2021&party=KE&columns=id,locationName,reportingParty',
    );
    assert.equal(response.statusCode, 200);
    const exportId = String(response.headers['x-export-id']);
    const file = readCsv(response.rawPayload);
    assert.match(
      file.notes.get('Citation')!,
      /^Illegal Trade Database \(CITES\) \[accessed \d{4}-\d{2}-\d{2}\]$/,
    );
    assert.equal(file.notes.get('Export id'), exportId);
    assert.match(file.notes.get('Made by (organisation)')!, /^Test party organisation KE/);
    assert.equal(file.notes.get('Filters'), 'Year from: 2021; Reporting Party: KE');
    assert.equal(file.notes.get('Reporting Parties whose data it contains'), 'KE Kenya');
    assert.match(file.notes.get('Terms of use')!, /Restricted and confidential/);
    assert.match(file.notes.get('Designations')!, /legal status/);
    // In the record presenter's order, whatever the order asked; the code followed by its name.
    assert.deepEqual(file.columns, ['Record id', 'Reporting Party', 'Reporting Party (name)', 'Location']);
    assert.ok(file.rows.some((row) => row[3] === `'=HYPERLINK("http://x")`));
    assert.ok(file.rows.every((row) => row[1] === 'KE' && row[2] === 'Kenya'));
  });

  test('an XLSX in French has its notes on a sheet of their own, the translation disclaimer and no formula', async () => {
    const { client, user } = users.keMember!;
    await stepUp(client, clock, user);
    const response = await get('keMember', '/api/v1/exports/seizures.xlsx?lang=fr&columns=id,locationName');
    assert.equal(response.statusCode, 200);
    const book = await readXlsx(response.rawPayload);
    assert.deepEqual(book.sheetNames, ['À propos de ce fichier', 'Données']);
    const notes = new Map(book.about.map((row) => [row[0], row[1]]));
    assert.match(notes.get('Citation')!, /consultée le/);
    assert.match(notes.get('Traduction')!, /seul le texte anglais fait foi/);
    assert.equal(book.formulas, 0);
    assert.deepEqual(book.data[0], ["Identifiant de l'enregistrement", 'Lieu']);
    assert.ok(book.data.some((row) => row[1] === `'=HYPERLINK("http://x")`));
  });
});

describe('tokens', () => {
  test('a token exports only when made with the export scope', async () => {
    const { createTokenByCommand } = await import('../identity/index.ts');
    const { NO_REQUEST } = await import('../../lib/request-context.ts');
    const make = (scopes: 'export'[]) =>
      createTokenByCommand({ db: t.database.db, clock }, systemActor('test'), NO_REQUEST, {
        email: users.keMember!.user.email,
        days: 5,
        name: 'script',
        scopes,
      });
    for (const [token, expected] of [
      [await make([]), 403],
      [await make(['export']), 200],
    ] as const) {
      const headers = { authorization: `Bearer ${token}` };
      const terms = await t.app.inject({ method: 'GET', url: '/api/v1/terms/current', headers });
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/terms/accept',
        headers,
        payload: { version: terms.json<{ version: number }>().version },
      });
      for (const url of ['/api/v1/exports/seizures.csv', '/api/v1/exports/figures.csv?groupBy=year']) {
        const response = await t.app.inject({ method: 'GET', url, headers });
        assert.equal(response.statusCode, expected, `${url}: ${response.body.slice(0, 200)}`);
        if (expected === 403) assert.equal(response.json<{ code: string }>().code, 'export_scope_required');
      }
    }
  });
});

describe('the download register', () => {
  test('every export is registered with its rows, Parties, checksum and size, and can be attested deleted', async () => {
    const { client, user } = users.keFocalPoint!;
    await stepUp(client, clock, user);
    const response = await get('keFocalPoint', '/api/v1/exports/seizures.xlsx?party=KE');
    const exportId = String(response.headers['x-export-id']);
    const list = await get('keFocalPoint', '/api/v1/downloads');
    const entry = list
      .json<{ items: Record<string, unknown>[] }>()
      .items.find((item) => item.id === exportId)!;
    assert.equal(entry.kind, 'records');
    assert.equal(entry.format, 'xlsx');
    assert.equal(entry.rowCount, 4); // three published and one draft record of Kenya (a focal point prepares them)
    assert.deepEqual(entry.parties, ['KE']);
    assert.deepEqual(entry.filters, { party: ['KE'], countryRole: 'any' });
    assert.equal(entry.checksum, createHash('sha256').update(response.rawPayload).digest('hex'));
    assert.equal(entry.sizeBytes, response.rawPayload.length);
    // Someone else's download is not theirs to attest: the same 404 as none.
    const foreign = await users.keMember!.client.call('POST', `/api/v1/downloads/${exportId}/deleted`, {
      deletedOn: clock().toISOString().slice(0, 10),
    });
    assert.equal(foreign.statusCode, 404);
    const future = await client.call('POST', `/api/v1/downloads/${exportId}/deleted`, {
      deletedOn: '2999-01-01',
    });
    assert.equal(future.statusCode, 400);
    const attested = await client.call('POST', `/api/v1/downloads/${exportId}/deleted`, {
      deletedOn: clock().toISOString().slice(0, 10),
      statement: 'Deleted from my laptop and the shared drive.',
    });
    assert.equal(attested.statusCode, 200);
    assert.ok(attested.json<{ deletedAttestedAt: string | null }>().deletedAttestedAt);
    // The day as attested, in the register too.
    assert.equal(attested.json<{ deletedOn: string }>().deletedOn, clock().toISOString().slice(0, 10));
    const listed = (await get('keFocalPoint', '/api/v1/downloads')).json<{
      items: { id: string; deletedOn: string }[];
    }>();
    assert.equal(
      listed.items.find((item) => item.id === exportId)!.deletedOn,
      clock().toISOString().slice(0, 10),
    );
    const again = await client.call('POST', `/api/v1/downloads/${exportId}/deleted`, {
      deletedOn: clock().toISOString().slice(0, 10),
    });
    assert.equal(again.statusCode, 409);
  });

  test('the Secretariat reads everyone’s register with what is outstanding; a Party user may not', async () => {
    assert.equal((await get('keFocalPoint', '/api/v1/downloads/register')).statusCode, 403);
    const register = await get('secretariat', '/api/v1/downloads/register?outstanding=true');
    assert.equal(register.statusCode, 200);
    const items = register.json<{ items: { organisationName: string; deletedAttestedAt: string | null }[] }>()
      .items;
    assert.ok(items.length > 0);
    assert.ok(items.every((item) => item.deletedAttestedAt === null));
    assert.ok(items.some((item) => item.organisationName.startsWith('Test party organisation KE')));
  });
});

describe('figures and a Party’s own records', () => {
  test('figures for publication hide small groups and say so', async () => {
    const response = await get('secretariat', '/api/v1/exports/figures.csv?groupBy=party&publication=true');
    assert.equal(response.statusCode, 200);
    const file = readCsv(response.rawPayload);
    assert.match(file.notes.get('Aggregation')!, /grouped by reporting Party/);
    assert.match(file.notes.get('Small cells')!, /hidden/);
    // Tanzania (2) and China (1) count three records or fewer; Kenya's 15 kg are two records': all hidden. With
    // more than one hidden, none follows from the total, which stays shown.
    const byKey = new Map(file.rows.map((row) => [row[0], row]));
    for (const party of ['KE', 'TZ', 'CN'])
      assert.deepEqual(byKey.get(party)!.slice(2), ['x', 'x', 'x'], party);
    assert.equal(byKey.get('Total')![2], '7');
    const open = readCsv((await get('secretariat', '/api/v1/exports/figures.csv?groupBy=party')).rawPayload);
    assert.deepEqual(open.rows.find((row) => row[0] === 'KE')!.slice(1, 3), ['Kenya', '4']);
  });

  test('a focal point downloads their Party’s records in the template layout; a member may not', async () => {
    const { client, user } = users.keFocalPoint!;
    await stepUp(client, clock, user);
    const response = await get('keFocalPoint', '/api/v1/exports/own-party.csv');
    assert.equal(response.statusCode, 200);
    const file = readCsv(response.rawPayload);
    assert.equal(file.columns[0], 'Date of seizure');
    assert.equal(file.rows.length, 4);
    assert.equal((await get('keMember', '/api/v1/exports/own-party.csv')).statusCode, 403);
  });
});

// Last: it moves the clock past every session's life.
describe('deletion reminders', () => {
  test('reminders go out once a download is old enough, in the user’s language, until it is attested', async () => {
    const { remindOutstandingDownloads } = await import('./remind-downloads.ts');
    const db = t.database.db;
    const options = { reminderDays: 90, publicUrl: 'https://itd.example', clock };
    const outstanding = await db
      .selectFrom('downloads')
      .select(['id', 'user_id'])
      .where('deleted_attested_at', 'is', null)
      .where('completed_at', 'is not', null)
      .execute();
    assert.ok(outstanding.length > 0);
    assert.deepEqual(await remindOutstandingDownloads(db, options), { reminded: 0 });
    clock.advance(91 * 86_400_000);
    assert.deepEqual(await remindOutstandingDownloads(db, options), { reminded: outstanding.length });
    const mails = await db
      .selectFrom('outbox')
      .select(['subject', 'body'])
      .where('subject', 'like', '%ITD data you no longer need%')
      .execute();
    assert.equal(mails.length, outstanding.length);
    assert.match(mails[0]!.body, /https:\/\/itd\.example\/downloads/);
    // Not again the same day; the attested download never.
    assert.deepEqual(await remindOutstandingDownloads(db, options), { reminded: 0 });
    const attested = await db
      .selectFrom('downloads')
      .select('reminders_sent')
      .where('deleted_attested_at', 'is not', null)
      .execute();
    assert.ok(attested.every((row) => row.reminders_sent === 0));
  });
});
