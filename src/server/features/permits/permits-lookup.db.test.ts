/**
 * The border lookup, endorsements and lost/stolen marking (both backends): the answer for a valid permit, every
 * lookup audited and in the issuing Party's receipts, "not found" telling whether the Party loads permits at all,
 * endorsement arithmetic over several lines and partial uses, a stolen permit in red at the next lookup with the
 * Party alerted, and who may look up (enforcement users, never an IGO-category member).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { UserActor } from '../../../shared/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { endorsePermit } from './endorse-permit.ts';
import { importPermits } from './import/import-permits.ts';
import { listReceipts } from './list-receipts.ts';
import { lookupPermit } from './lookup-permit.ts';
import { markPermit } from './mark-permit.ts';
import { joinGroup, makeActor, permitXml } from './permits.test-support.ts';

let database: TestDatabase;
let deps: { db: TestDatabase['db']; clock: () => Date };
let kenyaMa: UserActor;
let frenchCustoms: UserActor;
before(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => new Date('2026-03-01T10:00:00Z') };
  kenyaMa = await makeActor(database.db, { party: 'KE', authority: 'CITES Management Authority' });
  frenchCustoms = await makeActor(database.db, { party: 'FR', authority: 'customs' });
  const xml = permitXml([
    {
      number: 'KE/2026/0001',
      stamp: 'SS-777',
      lines: [
        { species: 'Aloe ferox', quantity: '100', unit: 'KIL', term: 'EXT' },
        { species: 'Alligator mississippiensis', quantity: '10', unit: 'PCS' },
      ],
    },
    { number: 'KE/2026/0002', lines: [{ species: 'Aloe ferox', quantity: '5', unit: 'KIL' }] },
    {
      number: 'KE/2025/0009',
      from: '2025-01-01',
      until: '2025-06-30',
      lines: [{ species: 'Aloe ferox', quantity: '5' }],
    },
  ]);
  const summary = await importPermits(deps, kenyaMa, NO_REQUEST, { bytes: xml, fileName: 'ke.xml' });
  assert.equal(summary.created, 3);
});
after(async () => database?.close());

const look = (actor: UserActor, query: Partial<Parameters<typeof lookupPermit>[3]> = {}) =>
  lookupPermit(deps, actor, NO_REQUEST, { country: 'KE', number: 'KE/2026/0001', ...query });

describe('permit lookup', () => {
  test('a valid permit: found, valid, its lines with authorised, endorsed and remaining; the lookup audited', async () => {
    const result = await look(frenchCustoms, { number: 'ke 2026-0001', stamp: 'ss777' });
    assert.equal(result.found, true);
    assert.equal(result.valid, true);
    assert.deepEqual(result.flags, []);
    assert.equal(result.permit?.number, 'KE/2026/0001');
    assert.equal(result.permit?.hasSecurityStamp, true);
    assert.deepEqual(
      result.lines.map((l) => [l.taxonName, l.authorised, l.endorsed, l.remaining]),
      [
        ['Aloe ferox', 100, 0, 100],
        ['Alligator mississippiensis', 10, 0, 10],
      ],
    );
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('action', '=', 'permit.lookup')
      .execute();
    assert.ok(
      audit.some(
        (entry) => entry.actor_id === frenchCustoms.userId && (entry.details as { found: boolean }).found,
      ),
    );
    const receipts = await listReceipts(deps, kenyaMa, NO_REQUEST, {});
    assert.ok(
      receipts.items.some((r) => r.number === 'KE/2026/0001' && r.organisationName.startsWith('Org ')),
    );
  });

  test('red flags: stamp mismatch, expired, species, Appendix and quantity against what the officer declares', async () => {
    assert.deepEqual((await look(frenchCustoms, { stamp: 'SS-778' })).flags, ['stamp_mismatch']);
    const expired = await look(frenchCustoms, { number: 'KE/2025/0009' });
    assert.deepEqual([expired.valid, expired.flags], [false, ['expired']]);
    const parrot = await look(frenchCustoms, { species: 'Psittacus erithacus' });
    assert.deepEqual([parrot.valid, parrot.flags], [false, ['species_mismatch']]);
    const tooMuch = await look(frenchCustoms, { species: 'Aloe ferox', quantity: 150 });
    assert.deepEqual(tooMuch.flags, ['quantity_mismatch']);
    const right = await look(frenchCustoms, { species: 'Aloe ferox', quantity: 60 });
    assert.deepEqual([right.valid, right.flags], [true, []]);
  });

  test('"not found" says whether the issuing Party loads its permits here', async () => {
    const missing = await look(frenchCustoms, { number: 'KE/1999/404' });
    assert.deepEqual([missing.found, missing.valid, missing.issuerSharesPermits], [false, false, true]);
    const silent = await look(frenchCustoms, { country: 'BR', number: 'BR-1' });
    assert.deepEqual([silent.found, silent.issuerSharesPermits], [false, false]);
    assert.match(silent.reasons[0]!, /not loaded any permit/);
    const audited = await database.db
      .selectFrom('permit_lookups')
      .select('is_found')
      .where('issuing_country', '=', 'BR')
      .execute();
    assert.deepEqual(audited, [{ is_found: false }]);
  });

  test('who may look up: Party bodies, the Secretariat, CUG members of an enforcement category; not an IGO member', async () => {
    const igo = await makeActor(database.db, { kind: 'igo', party: null });
    await joinGroup(database.db, igo, 'igo');
    await assert.rejects(look(igo), ForbiddenError);
    const plainIccwc = await makeActor(database.db, { kind: 'iccwc', party: null });
    await assert.rejects(look(plainIccwc), ForbiddenError, 'no group membership, no lookup');
    const wcoCustoms = await makeActor(database.db, { kind: 'iccwc', party: null });
    await joinGroup(database.db, wcoCustoms, 'customs');
    assert.equal((await look(wcoCustoms)).found, true);
    const secretariat = await makeActor(database.db, { kind: 'secretariat', party: null });
    assert.equal((await look(secretariat)).found, true);
    const refusedLookups = await database.db
      .selectFrom('permit_lookups')
      .select('id')
      .where('user_id', 'in', [igo.userId, plainIccwc.userId])
      .execute();
    assert.equal(refusedLookups.length, 0);
  });

  test('receipts: the issuing Party’s Management Authority sees them; another Party’s officer does not', async () => {
    await assert.rejects(listReceipts(deps, frenchCustoms, NO_REQUEST, { country: 'KE' }), ForbiddenError);
    const kenyaCustoms = await makeActor(database.db, { party: 'KE', authority: 'customs' });
    await assert.rejects(listReceipts(deps, kenyaCustoms, NO_REQUEST, {}), ForbiddenError);
  });
});

describe('endorsement (box 14)', () => {
  const endorse = (lines: { lineNo: number; quantity: number }[], id: string) =>
    endorsePermit(deps, frenchCustoms, NO_REQUEST, { id, lines, port: 'Mombasa' });

  test('several lines and partial uses add up; over-use is refused naming what remains', async () => {
    const { permit } = await look(frenchCustoms);
    const id = permit!.id;
    const first = await endorse(
      [
        { lineNo: 1, quantity: 30 },
        { lineNo: 2, quantity: 4 },
      ],
      id,
    );
    assert.deepEqual(
      first.lines.map((l) => [l.endorsed, l.remaining]),
      [
        [30, 70],
        [4, 6],
      ],
    );
    assert.deepEqual(first.flags, ['partly_used']);
    assert.equal(first.valid, true);
    // The same line twice in one endorsement is summed.
    const second = await endorse(
      [
        { lineNo: 1, quantity: 20.5 },
        { lineNo: 1, quantity: 19.5 },
      ],
      id,
    );
    assert.deepEqual(
      second.lines.map((l) => l.remaining),
      [30, 6],
    );
    const over = await endorse(
      [
        { lineNo: 1, quantity: 30.01 },
        { lineNo: 2, quantity: 1 },
      ],
      id,
    ).catch((e: unknown) => e);
    assert.ok(over instanceof ValidationError);
    assert.deepEqual(over.fields, [
      { field: 'lines[0].quantity', reason: 'permit_over_use', params: { line: 1, remaining: '30 KIL' } },
    ]);
    const after = await look(frenchCustoms);
    assert.deepEqual(
      after.lines.map((l) => l.remaining),
      [30, 6],
      'a refused endorsement changed nothing',
    );
    assert.deepEqual((await look(frenchCustoms, { species: 'Aloe ferox', quantity: 31 })).flags, [
      'partly_used',
      'quantity_exceeded',
    ]);
    const last = await endorse(
      [
        { lineNo: 1, quantity: 30 },
        { lineNo: 2, quantity: 6 },
      ],
      id,
    );
    assert.deepEqual([last.valid, last.flags], [false, ['used']]);
    await assert.rejects(
      endorse([{ lineNo: 2, quantity: 1 }], id),
      ValidationError,
      'a used permit is not endorsed again',
    );
  });

  test('an unknown line and an IGO member are refused', async () => {
    const { permit } = await look(frenchCustoms, { number: 'KE/2026/0002' });
    const unknown = await endorse([{ lineNo: 9, quantity: 1 }], permit!.id).catch((e: unknown) => e);
    assert.ok(unknown instanceof ValidationError);
    assert.equal(unknown.fields[0]?.reason, 'permit_line_unknown');
    const igo = await makeActor(database.db, { kind: 'igo', party: null });
    await assert.rejects(
      endorsePermit(deps, igo, NO_REQUEST, { id: permit!.id, lines: [{ lineNo: 1, quantity: 1 }], port: '' }),
      ForbiddenError,
    );
  });
});

describe('lost and stolen', () => {
  test('a permit marked stolen is red at the next lookup, and the issuing Party is alerted without its contents', async () => {
    await assert.rejects(
      markPermit(deps, frenchCustoms, NO_REQUEST, {
        country: 'KE',
        number: 'KE/2026/0002',
        status: 'stolen',
        note: '',
      }),
      NotFoundError,
      'only the issuing Party’s Management Authority marks its permits',
    );
    const kenyaColleague = await makeActor(database.db, { party: 'KE', authority: 'police' });
    const marked = await markPermit(deps, kenyaMa, NO_REQUEST, {
      country: 'KE',
      number: 'KE/2026/0002',
      status: 'stolen',
      on: '2026-02-20',
      note: 'blank forms taken from the office',
    });
    assert.deepEqual([marked.status, marked.statusOn], ['stolen', '2026-02-20']);
    const next = await look(frenchCustoms, { number: 'KE/2026/0002' });
    assert.deepEqual([next.found, next.valid, next.flags], [true, false, ['stolen']]);
    const mails = await database.db
      .selectFrom('outbox')
      .select(['recipient', 'body', 'subject'])
      .where('subject', 'like', '%KE/2026/0002%')
      .execute();
    const colleague = await database.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', kenyaColleague.userId)
      .executeTakeFirstOrThrow();
    assert.ok(mails.some((mail) => mail.recipient === colleague.email));
    assert.ok(
      mails.every((mail) => !/Aloe|blank forms/.test(mail.body)),
      'no contents, no note',
    );
  });
});
