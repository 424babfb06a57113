/**
 * Importing permits (both backends): a real-shaped CITESEPermit document by the issuing Party's Management
 * Authority, re-imports that update or change nothing (never a second copy), the CSV template with errors (row,
 * field, value, message, suggestion; nothing written), and who may write a Party's permits — its Management
 * Authority and Secretariat data officers only, refused by the policy and, behind it, by row-level security.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor, type UserActor } from '../../../shared/actor.ts';
import { permitNumberKey } from '../../../shared/permits.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { importPermits } from './import/import-permits.ts';
import { permitTemplateRows } from './import/read-permit-sheet.ts';
import { csvText } from '../../lib/spreadsheets/write-csv.ts';
import { makeActor, permitXml } from './permits.test-support.ts';

let database: TestDatabase;
let deps: { db: TestDatabase['db']; clock: () => Date };
let kenyaMa: UserActor;
before(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => new Date('2026-03-01T10:00:00Z') };
  kenyaMa = await makeActor(database.db, { party: 'KE', authority: 'Management Authority' });
});
after(async () => database?.close());

const file = (bytes: Buffer, party?: string) => ({
  bytes,
  fileName: 'permits.xml',
  ...(party ? { party } : {}),
});
const stored = (number: string) =>
  database.db
    .selectFrom('permits')
    .selectAll()
    .where('issuing_country', '=', 'KE')
    .where('number_key', '=', permitNumberKey(number))
    .execute();

describe('permit import', () => {
  test('a CITESEPermit document is imported by its Party’s Management Authority, box by box', async () => {
    const number =
      'KE/2026-000123 — a long number as some offices issue them, well beyond seventy characters';
    const summary = await importPermits(
      deps,
      kenyaMa,
      NO_REQUEST,
      file(
        permitXml([
          {
            number,
            stamp: 'SS-0042',
            lines: [
              { species: 'Alligator mississippiensis', quantity: '5', originPermit: 'US12345', origin: 'US' },
              { species: 'Aloe ferox', quantity: '12.5', unit: 'KIL', term: 'EXT', source: 'A' },
            ],
          },
        ]),
      ),
    );
    assert.deepEqual(summary, {
      format: 'xml',
      permits: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      problems: [],
    });
    const [permit] = await stored(number);
    assert.ok(permit);
    assert.equal(permit.number, number, 'kept as issued');
    assert.ok(number.length > 70);
    assert.equal(permit.permit_type, 'E');
    assert.equal(permit.security_stamp_key, 'SS0042');
    const lines = await database.db
      .selectFrom('permit_lines')
      .selectAll()
      .where('permit_id', '=', permit.id)
      .orderBy('line_no')
      .execute();
    assert.deepEqual(
      lines.map((l) => [l.taxon_name, l.quantity, l.unit_code, l.origin_permit]),
      [
        ['Alligator mississippiensis', 5, 'PCS', 'US12345'],
        ['Aloe ferox', 12.5, 'KIL', null],
      ],
    );
    assert.ok(
      lines.every((line) => line.taxon_id !== null),
      'species resolved against the checklist',
    );
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('action', '=', 'permit.import')
      .execute();
    assert.equal(audit.length, 1);
  });

  test('a re-import changes nothing when the permit is the same, and updates it (with its history) when not', async () => {
    const permits = [{ number: 'KE-RE-1', lines: [{ species: 'Aloe ferox', quantity: '10' }] }];
    await importPermits(deps, kenyaMa, NO_REQUEST, file(permitXml(permits)));
    const again = await importPermits(deps, kenyaMa, NO_REQUEST, file(permitXml(permits)));
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 1]);
    // The same number written another way is the same permit.
    const changed = [
      { number: 'ke re 1', until: '2026-12-31', lines: [{ species: 'Aloe ferox', quantity: '10' }] },
    ];
    const updated = await importPermits(deps, kenyaMa, NO_REQUEST, file(permitXml(changed)));
    assert.deepEqual([updated.created, updated.updated, updated.unchanged], [0, 1, 0]);
    const rows = await stored('KE-RE-1');
    assert.equal(rows.length, 1, 'never a second copy');
    assert.equal(rows[0]!.version, 2);
    const events = await database.db
      .selectFrom('permit_events')
      .select(['kind', 'details'])
      .where('permit_id', '=', rows[0]!.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      events.map((e) => e.kind),
      ['issued', 'updated'],
    );
    assert.deepEqual((events[1]!.details as { changed: string[] }).changed.sort(), ['number', 'validUntil']);
  });

  test('the CSV template imports, and a CSV with errors names row, field, value and suggestion, writing nothing', async () => {
    const template = Buffer.from(csvText(permitTemplateRows(), { bom: true }));
    const ok = await importPermits(deps, kenyaMa, NO_REQUEST, { bytes: template, fileName: 'template.csv' });
    assert.deepEqual([ok.format, ok.created, ok.problems], ['csv', 1, []]);
    const lines = await database.db
      .selectFrom('permit_lines')
      .select('quantity')
      .innerJoin('permits', 'permits.id', 'permit_lines.permit_id')
      .where('permits.number', '=', '26KE000123')
      .execute();
    assert.equal(lines.length, 2, 'two rows of one number are one permit of two lines');

    const [header, first] = permitTemplateRows();
    const col = (name: string) => header!.indexOf(name);
    const row = (changes: Record<string, string>) => header!.map((name, i) => changes[name] ?? first![i]!);
    const bad = [
      header!,
      row({ 'Permit number': 'KE-BAD-1', Species: 'Aloe feroxx' }),
      row({ 'Permit number': 'KE-BAD-2', Quantity: 'lots' }),
      row({ 'Permit number': 'KE-BAD-3', 'Valid until': '31/02/2026' }),
      row({ 'Permit number': 'KE-GOOD-4' }),
    ];
    assert.ok(col('Species') >= 0);
    const summary = await importPermits(deps, kenyaMa, NO_REQUEST, {
      bytes: Buffer.from(csvText(bad)),
      fileName: 'bad.csv',
    });
    assert.equal(summary.created, 0);
    const problems = summary.problems.map((p) => [p.row, p.field, p.value, p.suggestion]);
    assert.deepEqual(problems, [
      [2, 'species', 'Aloe feroxx', 'Aloe ferox'],
      [3, 'quantity', 'lots', null],
      [4, 'validUntil', '31/02/2026', 'YYYY-MM-DD'],
    ]);
    assert.ok(summary.problems.every((p) => p.message.length > 0));
    assert.equal(
      (await stored('KE-GOOD-4')).length,
      0,
      'a file with problems writes nothing, not even its good rows',
    );
  });

  test('a permit of another Party in the file is refused', async () => {
    const summary = await importPermits(
      deps,
      kenyaMa,
      NO_REQUEST,
      file(permitXml([{ number: 'TZ-1', country: 'TZ', lines: [{ species: 'Aloe ferox', quantity: '1' }] }])),
    );
    assert.deepEqual(
      summary.problems.map((p) => [p.field, p.value]),
      [['issuingCountry', 'TZ']],
    );
  });

  test('an XML bomb sent as an import is refused as a problem with its line, and writes nothing', async () => {
    const bomb =
      '<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<CITESEPermit>&b;</CITESEPermit>';
    const summary = await importPermits(deps, kenyaMa, NO_REQUEST, file(Buffer.from(bomb)));
    assert.equal(summary.permits, 0);
    assert.equal(summary.problems[0]?.row, 2);
    assert.match(summary.problems[0].message, /DOCTYPE/);
  });
});

describe('who may write a Party’s permits', () => {
  const one = (number: string) => permitXml([{ number, lines: [{ species: 'Aloe ferox', quantity: '1' }] }]);

  test('another Party’s Management Authority, a Party body that is not one, an IGO and an ICCWC member are refused', async () => {
    const refused = [
      await makeActor(database.db, { party: 'TZ', authority: 'Management Authority' }),
      await makeActor(database.db, { party: 'KE', authority: 'customs', role: 'focal_point' }),
      await makeActor(database.db, { kind: 'igo', party: null }),
      await makeActor(database.db, { kind: 'iccwc', party: null }),
      await makeActor(database.db, { kind: 'secretariat', party: null, role: 'member' }),
    ];
    for (const actor of refused) {
      await assert.rejects(
        importPermits(deps, actor, NO_REQUEST, file(one(`KE-DENY-${actor.label}`), 'KE')),
        ForbiddenError,
        actor.label,
      );
    }
    assert.equal(
      await database.db
        .selectFrom('permits')
        .select('id')
        .where('number', 'like', 'KE-DENY-%')
        .execute()
        .then((r) => r.length),
      0,
    );
  });

  test('a Secretariat data officer imports for a named Party; without one the Party is asked for', async () => {
    const officer = await makeActor(database.db, { kind: 'secretariat', party: null, role: 'data_officer' });
    await assert.rejects(importPermits(deps, officer, NO_REQUEST, file(one('KE-SEC-1'))), ValidationError);
    const summary = await importPermits(deps, officer, NO_REQUEST, file(one('KE-SEC-1'), 'KE'));
    assert.equal(summary.created, 1);
  });

  test('row-level security refuses a write past the policy: a customs officer inserting or changing a permit', async () => {
    const customs = await makeActor(database.db, { party: 'KE', authority: 'customs' });
    await assert.rejects(
      withActor(database.db, customs, (tx) =>
        tx
          .insertInto('permits')
          .values({
            issuing_country: 'KE',
            number: 'KE-RLS-1',
            number_key: 'KERLS1',
            permit_type: 'E',
            source_format: 'csv',
            content: '{}',
            content_hash: 'x',
          })
          .execute(),
      ),
      /row-level security/,
    );
    const changed = await withActor(database.db, customs, (tx) =>
      tx
        .updateTable('permits')
        .set({ status: 'cancelled' })
        .where('issuing_country', '=', 'KE')
        .executeTakeFirst(),
    );
    assert.equal(Number(changed.numUpdatedRows), 0, 'no row of KE is writable by its customs');
    const changedByMa = await withActor(database.db, kenyaMa, (tx) =>
      tx
        .updateTable('permits')
        .set({ status_note: 'checked' })
        .where('issuing_country', '=', 'KE')
        .executeTakeFirst(),
    );
    assert.ok(
      Number(changedByMa.numUpdatedRows) > 0,
      'the same statement by the Management Authority does change them',
    );
    const system = await withActor(database.db, systemActor('test'), (tx) =>
      tx.selectFrom('permits').select('id').execute(),
    );
    assert.ok(system.length > 0);
  });
});
