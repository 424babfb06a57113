/**
 * Seizure records matched to the permit registry (issue 16, item 6), on both backends: the numbers a record names
 * (its Permit number column, its additional information) linked through the registry's key with the record's
 * country of export as the issuing Party, judged as of the seizure date; the drawer's answer; the explorer's
 * `permit=valid|invalid|unknown` filter; a permit marked stolen turning its seizures invalid. And the two walls: a
 * reader who sees the record but may not see permits (an ICCWC partner) learns nothing of the permit, and a reader
 * who may see permits but not the record (the issuing Party, the report not shared) learns nothing of the record.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seizureSearchQuerySchema } from '../../../shared/seizures.contract.ts';
import { systemActor, type UserActor } from '../../../shared/actor.ts';
import { uploadFieldsSchema } from '../../../shared/imports.contract.ts';
import { NotFoundError } from '../../errors.ts';
import { stageUpload, submitBatch } from '../imports/index.ts';
import { withActor } from '../../db/with-actor.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { createRecords, createReport } from '../../../../test/support/seizure-factories.ts';
import { searchSeizures } from '../seizures/seizures.service.ts';
import { importPermits } from './import/import-permits.ts';
import { linkSeizurePermits } from './link-seizure-permits.ts';
import { markPermit } from './mark-permit.ts';
import { makeActor, permitXml } from './permits.test-support.ts';
import { readSeizurePermits } from './read-seizure-permits.ts';

let database: TestDatabase;
let deps: { db: TestDatabase['db']; clock: () => Date };
let kenyaMa: UserActor;
let secretariat: UserActor;
let iccwc: UserActor;
let kenyaCustoms: UserActor;
const ids = { valid: 0, expired: 0, unknown: 0, none: 0, noExport: 0, hidden: 0 };

before(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => new Date('2026-03-01T10:00:00Z') };
  kenyaMa = await makeActor(database.db, { party: 'KE', authority: 'CITES Management Authority' });
  secretariat = await makeActor(database.db, { kind: 'secretariat', party: null, role: 'data_officer' });
  iccwc = await makeActor(database.db, { kind: 'iccwc', party: null, role: 'member' });
  kenyaCustoms = await makeActor(database.db, { party: 'KE', authority: 'customs' });
  const xml = permitXml([
    { number: 'KE/2026/0001', lines: [{ species: 'Aloe ferox', quantity: '100', unit: 'KIL' }] },
    {
      number: 'KE/2025/0009',
      from: '2025-01-01',
      until: '2025-06-30',
      lines: [{ species: 'Aloe ferox', quantity: '5' }],
    },
  ]);
  assert.equal(
    (await importPermits(deps, kenyaMa, NO_REQUEST, { bytes: xml, fileName: 'ke.xml' })).created,
    2,
  );

  // Reported by Tanzania, shared with Parties and ICCWC; the goods were exported from Kenya.
  const shared = await createReport(database.db, { party: 'TZ', year: 2026 });
  const at = { seizureCountry: 'TZ', exportCountry: 'KE', seizureDate: '2026-02-01' } as const;
  const sharedIds = await createRecords(database.db, shared, [
    {
      ...at,
      additionalInfo: 'Carvings declared under CITES export permit No. KE/2026/0001; invoice no. 44521.',
    },
    { ...at, original: { 'Permit number': 'ke-2025-0009' }, additionalInfo: 'Flight KQ 100, 12 boxes.' },
    { ...at, additionalInfo: 'Forged permit no. KE/2026/9999 found in the luggage.' },
    { ...at, additionalInfo: 'Flight EK 723, 12 boxes, value USD 12,000, case ref 2026/CR/114.' },
    { ...at, exportCountry: null, additionalInfo: 'CITES permit No. KE/2026/0001' },
  ]);
  [ids.valid, ids.expired, ids.unknown, ids.none, ids.noExport] = sharedIds as [
    number,
    number,
    number,
    number,
    number,
  ];
  // Another of Tanzania's reports, shared with no one: only the Secretariat and Tanzania see it.
  const unshared = await createReport(database.db, {
    party: 'TZ',
    year: 2025,
    shareParties: false,
    shareIccwc: false,
  });
  ids.hidden = (
    await createRecords(database.db, unshared, [{ ...at, original: { 'Permit number': 'KE/2026/0001' } }])
  )[0]!;
  await linkSeizurePermits(deps, { reportId: shared.id });
  await linkSeizurePermits(deps, { reportId: unshared.id });
});
after(async () => database?.close());

const drawer = (actor: UserActor, id: number) => readSeizurePermits(deps, actor, NO_REQUEST, id);
async function found(actor: UserActor, permit: 'valid' | 'invalid' | 'unknown'): Promise<number[]> {
  const page = await searchSeizures(
    deps,
    actor,
    NO_REQUEST,
    seizureSearchQuerySchema.parse({ permit, limit: '100' }),
  );
  return page.items.map((item) => item.id).sort((a, b) => a - b);
}

describe('seizure records linked to permits', () => {
  test('each number is matched through the registry key and judged as of the seizure date', async () => {
    const [valid] = (await drawer(secretariat, ids.valid)).items;
    assert.deepEqual(
      [valid?.number, valid?.source, valid?.issuingCountry, valid?.verdict, valid?.found],
      ['KE/2026/0001', 'text', 'KE', 'valid', true],
    );
    assert.equal(valid?.permit?.number, 'KE/2026/0001');
    assert.deepEqual(
      valid?.lines.map((line) => [line.taxonName, line.remaining]),
      [['Aloe ferox', 100]],
    );

    const [expired] = (await drawer(secretariat, ids.expired)).items;
    assert.deepEqual(
      [expired?.number, expired?.source, expired?.verdict, expired?.flags],
      ['ke-2025-0009', 'field', 'invalid', ['expired']],
    );
    assert.equal(expired?.reasons.length, 1);

    const [unknown] = (await drawer(secretariat, ids.unknown)).items;
    assert.deepEqual([unknown?.verdict, unknown?.found, unknown?.permit], ['unknown', false, null]);
    // No country of export: the number is named but cannot be matched to an issuing Party.
    const [noExport] = (await drawer(secretariat, ids.noExport)).items;
    assert.deepEqual([noExport?.issuingCountry, noExport?.verdict], [null, 'unknown']);
    // Ordinary numbers of free text are no permits.
    assert.deepEqual((await drawer(secretariat, ids.none)).items, []);
  });

  test('the explorer filters seizures by the verdict on the permits they name', async () => {
    assert.deepEqual(
      await found(secretariat, 'valid'),
      [ids.valid, ids.hidden].sort((a, b) => a - b),
    );
    assert.deepEqual(await found(secretariat, 'invalid'), [ids.expired]);
    assert.deepEqual(
      await found(secretariat, 'unknown'),
      [ids.unknown, ids.noExport].sort((a, b) => a - b),
    );
  });

  test('a reader who sees the record but may not see permits learns nothing of the permit', async () => {
    // ICCWC partners see the shared record (the drawer answers, so the record is theirs to see) …
    assert.deepEqual((await drawer(iccwc, ids.valid)).items, []);
    // … and no record matches a permit filter for them.
    assert.deepEqual(await found(iccwc, 'valid'), []);
    assert.deepEqual(await found(iccwc, 'invalid'), []);
    const rows = await withActor(database.db, iccwc, (tx) =>
      tx.selectFrom('seizure_permit_links').select('record_id').execute(),
    );
    assert.deepEqual(rows, []);
  });

  test('a reader who may see permits but not the record learns nothing of the record', async () => {
    await assert.rejects(drawer(kenyaCustoms, ids.hidden), NotFoundError);
    assert.deepEqual(await found(kenyaCustoms, 'valid'), [ids.valid]);
    // Kenya is concerned by the shared records (the country of export), not by the unshared one; its own
    // Management Authority, which wrote the permit, is no exception.
    await assert.rejects(drawer(kenyaMa, ids.hidden), NotFoundError);
    assert.ok(!(await found(kenyaMa, 'valid')).includes(ids.hidden));
    const rows = await withActor(database.db, kenyaCustoms, (tx) =>
      tx.selectFrom('seizure_permit_links').select('record_id').execute(),
    );
    assert.ok(!rows.some((row) => Number(row.record_id) === ids.hidden));
  });

  test('only the platform writes links', async () => {
    await assert.rejects(
      withActor(database.db, secretariat, (tx) =>
        tx
          .insertInto('seizure_permit_links')
          .values({
            record_id: ids.none,
            source: 'text',
            number: 'X12345',
            number_key: 'X12345',
            verdict: 'valid',
          })
          .execute(),
      ),
      /row-level security/,
    );
  });

  test('an imported report’s Permit number column is linked when the report is submitted', async () => {
    const csv = [
      'Date of seizure,Species,Description of specimen,Quantity,Unit,Country of seizure,Country of export,Permit number,Additional information',
      '2026-02-03,Aloe ferox,EXT,12,KIL,UG,KE,KE 2025 0009,Seized at Entebbe',
      '2026-02-04,Aloe ferox,EXT,3,KIL,UG,KE,,Declared with CITES permit no. KE/2026/4444',
    ].join('\n');
    const system = systemActor('import test');
    const { id } = await stageUpload(deps, system, NO_REQUEST, {
      fields: uploadFieldsSchema.parse({ party: 'UG', year: '2026', shareParties: 'yes' }),
      fileName: 'ug.csv',
      bytes: Buffer.from(csv),
    });
    const submitted = await submitBatch(deps, system, NO_REQUEST, { id, publish: true });
    assert.equal(submitted.imported, 2);
    const links = await withActor(database.db, secretariat, (tx) =>
      tx
        .selectFrom('seizure_permit_links as l')
        .innerJoin('seizure_records as s', 's.id', 'l.record_id')
        .select(['l.number', 'l.source', 'l.verdict'])
        .where('s.report_id', '=', submitted.reportId)
        .orderBy('l.number')
        .execute(),
    );
    assert.deepEqual(
      links.map((link) => [link.number, link.source, link.verdict]),
      [
        ['KE 2025 0009', 'field', 'invalid'],
        ['KE/2026/4444', 'text', 'unknown'],
      ],
    );
  });

  test('a permit marked stolen turns the seizures naming it invalid', async () => {
    await markPermit(deps, kenyaMa, NO_REQUEST, {
      country: 'KE',
      number: 'KE/2026/0001',
      status: 'stolen',
      on: '2026-02-15',
      note: '',
    });
    assert.ok((await found(secretariat, 'invalid')).includes(ids.valid));
    assert.ok(!(await found(secretariat, 'valid')).includes(ids.valid));
    const [link] = (await drawer(secretariat, ids.valid)).items;
    assert.deepEqual([link?.verdict, link?.flags], ['invalid', ['stolen']]);
  });
});
