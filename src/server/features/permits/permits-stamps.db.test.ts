/**
 * Blank security stamps reported lost or stolen by range, and the alerts of lost and stolen reports (issue 16, item
 * 5), on both backends: every later lookup on a stamp of the range is red — the stamp the officer reads or the one
 * the permit was issued with, found permit or not —, a stamp outside it is not; only the issuing Party's
 * Management Authority marks its stamps; a range is one prefix, in order; the marks are read by enforcement users
 * only; and the alert reaches the Party's users by e-mail and the chosen group's law-enforcement members in the app
 * and by e-mail, never its IGO members, never a group its author is not in, and never the permit's contents.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { UserActor } from '../../../shared/actor.ts';
import type { MemberCategory } from '../../../shared/groups.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { createRecords, createReport } from '../../../../test/support/seizure-factories.ts';
import { importPermits } from './import/import-permits.ts';
import { linkSeizurePermits } from './link-seizure-permits.ts';
import { lookupPermit } from './lookup-permit.ts';
import { markPermit } from './mark-permit.ts';
import { markStamps } from './mark-stamps.ts';
import { makeActor, permitXml } from './permits.test-support.ts';
import { readSeizurePermits } from './read-seizure-permits.ts';

let database: TestDatabase;
let deps: { db: TestDatabase['db']; clock: () => Date };
let kenyaMa: UserActor;
let kenyaCustoms: UserActor;
let tanzaniaMa: UserActor;
let groupCustoms: UserActor;
let groupIgo: UserActor;
let alertGroup: string;
let otherGroup: string;
let seizureId: number | undefined;

async function groupOf(members: [UserActor, MemberCategory][]): Promise<string> {
  const { id } = await database.db
    .insertInto('groups')
    .values({ name_en: `Group ${Math.random()}`, name_fr: 'g', name_es: 'g' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [actor, category] of members)
    await database.db
      .insertInto('group_members')
      .values({ group_id: id, user_id: actor.userId, category, display_name: actor.label })
      .execute();
  return id;
}

const emailOf = async (actor: UserActor) =>
  (
    await database.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', actor.userId)
      .executeTakeFirstOrThrow()
  ).email;

before(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => new Date('2026-03-01T10:00:00Z') };
  kenyaMa = await makeActor(database.db, { party: 'KE', authority: 'CITES Management Authority' });
  kenyaCustoms = await makeActor(database.db, { party: 'KE', authority: 'customs' });
  tanzaniaMa = await makeActor(database.db, { party: 'TZ', authority: 'Management Authority' });
  groupCustoms = await makeActor(database.db, { party: 'UG', authority: 'customs' });
  groupIgo = await makeActor(database.db, { kind: 'igo', party: null });
  alertGroup = await groupOf([
    [kenyaMa, 'wildlife_enforcement'],
    [groupCustoms, 'customs'],
    [groupIgo, 'igo'],
  ]);
  otherGroup = await groupOf([[groupCustoms, 'customs']]);
  const xml = permitXml([
    { number: 'KE/2026/0001', stamp: 'SS-0150', lines: [{ species: 'Aloe ferox', quantity: '100' }] },
    { number: 'KE/2026/0002', stamp: 'SS-0200', lines: [{ species: 'Aloe ferox', quantity: '5' }] },
  ]);
  assert.equal(
    (await importPermits(deps, kenyaMa, NO_REQUEST, { bytes: xml, fileName: 'ke.xml' })).created,
    2,
  );
  // Uganda seized goods exported from Kenya under the permit issued on stamp SS-0150.
  const report = await createReport(database.db, { party: 'UG', year: 2026 });
  [seizureId] = await createRecords(database.db, report, [
    {
      seizureCountry: 'UG',
      exportCountry: 'KE',
      seizureDate: '2026-02-20',
      original: { 'Permit number': 'KE/2026/0001' },
    },
  ]);
  await linkSeizurePermits(deps, { reportId: report.id });
});
after(async () => database?.close());

const range = {
  country: 'KE',
  from: 'SS-0100',
  to: 'SS 0199',
  status: 'stolen' as const,
  on: '2026-02-10',
  note: 'a box of blank forms taken from the office',
};
const look = (query: { number: string; stamp?: string }) =>
  lookupPermit(deps, kenyaCustoms, NO_REQUEST, { country: 'KE', ...query });

describe('blank security stamps reported lost or stolen', () => {
  test('only the issuing Party’s Management Authority marks its stamps, one prefix, in order', async () => {
    await assert.rejects(markStamps(deps, tanzaniaMa, NO_REQUEST, range), ForbiddenError);
    await assert.rejects(markStamps(deps, kenyaCustoms, NO_REQUEST, range), ForbiddenError);
    await assert.rejects(markStamps(deps, kenyaMa, NO_REQUEST, { ...range, to: 'XX-0199' }), ValidationError);
    await assert.rejects(markStamps(deps, kenyaMa, NO_REQUEST, { ...range, to: 'SS-0099' }), ValidationError);
    await assert.rejects(
      markStamps(deps, kenyaMa, NO_REQUEST, { ...range, alertGroups: [otherGroup] }),
      ValidationError,
      'a group its author is not in',
    );
    const marks = await database.db.selectFrom('permit_stamp_marks').select('id').execute();
    assert.equal(marks.length, 0, 'nothing was marked by the refused attempts');
  });

  test('every later lookup on a stamp of the range is red, found permit or not', async () => {
    const marked = await markStamps(deps, kenyaMa, NO_REQUEST, { ...range, alertGroups: [alertGroup] });
    assert.deepEqual([marked.count, marked.status, marked.on], [100, 'stolen', '2026-02-10']);

    // The permit was issued on a stamp of the range: red without the officer typing the stamp.
    const issuedOnIt = await look({ number: 'KE/2026/0001' });
    assert.deepEqual([issuedOnIt.found, issuedOnIt.valid, issuedOnIt.flags], [true, false, ['stamp_stolen']]);
    // A number the registry does not know, on a stolen stamp: still red.
    const unknown = await look({ number: 'KE/2026/7777', stamp: 'ss0120' });
    assert.deepEqual([unknown.found, unknown.flags], [false, ['stamp_stolen']]);
    assert.match(unknown.reasons.join(' '), /reported stolen on 2026-02-10/);
    // Outside the range: nothing.
    const outside = await look({ number: 'KE/2026/0002' });
    assert.deepEqual([outside.valid, outside.flags], [true, []]);
    const otherPrefix = await look({ number: 'KE/2026/7777', stamp: 'SX-0120' });
    assert.deepEqual(otherPrefix.flags, []);
    // A seizure naming the permit issued on a stolen stamp: judged again, invalid.
    const secretariat = await makeActor(database.db, {
      kind: 'secretariat',
      party: null,
      role: 'data_officer',
    });
    const [link] = (await readSeizurePermits(deps, secretariat, NO_REQUEST, seizureId!)).items;
    assert.deepEqual([link?.verdict, link?.flags], ['invalid', ['stamp_stolen']]);
    const stored = await database.db
      .selectFrom('seizure_permit_links')
      .select(['verdict', 'flags'])
      .where('record_id', '=', String(seizureId))
      .executeTakeFirstOrThrow();
    assert.deepEqual([stored.verdict, stored.flags], ['invalid', ['stamp_stolen']]);
  });

  test('the marks are read by enforcement users, not by IGO members', async () => {
    const read = (actor: UserActor) =>
      withActor(database.db, actor, (tx) =>
        tx.selectFrom('permit_stamp_marks').select('stamp_from').execute(),
      );
    assert.equal((await read(kenyaCustoms)).length, 1);
    assert.deepEqual(await read(groupIgo), []);
    await assert.rejects(
      withActor(database.db, kenyaCustoms, (tx) =>
        tx
          .insertInto('permit_stamp_marks')
          .values({
            issuing_country: 'KE',
            stamp_from: 'A1',
            stamp_to: 'A2',
            first_no: 1,
            last_no: 2,
            status: 'lost',
            marked_on: '2026-01-01',
            user_id: kenyaCustoms.userId,
          })
          .execute(),
      ),
      /row-level security/,
    );
  });

  test('the alert reaches the Party and the chosen group’s enforcement members, without the contents', async () => {
    const notified = await database.db
      .selectFrom('group_notifications')
      .select(['user_id', 'title', 'kind'])
      .where('group_id', '=', alertGroup)
      .execute();
    const users = notified.map((n) => n.user_id);
    assert.ok(users.includes(groupCustoms.userId), 'the customs member is told in the app');
    assert.ok(!users.includes(groupIgo.userId), 'the IGO member is not');
    assert.match(notified[0]!.title, /SS-0100.SS 0199 of KE reported stolen/);

    const mails = await database.db
      .selectFrom('outbox')
      .select(['recipient', 'body'])
      .where('subject', 'like', '%SS-0100%')
      .execute();
    const recipients = mails.map((mail) => mail.recipient);
    assert.ok(recipients.includes(await emailOf(kenyaCustoms)), 'the Party’s users by e-mail');
    assert.ok(recipients.includes(await emailOf(groupCustoms)), 'the group’s customs member by e-mail');
    assert.ok(!recipients.includes(await emailOf(groupIgo)), 'never the IGO member');
    assert.equal(new Set(recipients).size, recipients.length, 'one e-mail each');
    assert.ok(mails.every((mail) => !/blank forms|Aloe/.test(mail.body)));
  });

  test('a permit reported lost alerts the chosen group in the app too', async () => {
    await markPermit(deps, kenyaMa, NO_REQUEST, {
      country: 'KE',
      number: 'KE/2026/0002',
      status: 'lost',
      note: 'left in a taxi',
      alertGroups: [alertGroup],
    });
    const notified = await withActor(database.db, groupCustoms, (tx) =>
      tx.selectFrom('group_notifications').select('title').execute(),
    );
    assert.ok(notified.some((n) => /KE\/2026\/0002 reported lost/.test(n.title)));
    assert.deepEqual(
      await withActor(database.db, groupIgo, (tx) =>
        tx.selectFrom('group_notifications').select('title').execute(),
      ),
      [],
    );
  });
});
