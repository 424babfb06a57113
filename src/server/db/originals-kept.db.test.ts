/**
 * "What the Party wrote is never overwritten" (DESIGN §3), kept by the database (migrations/0025): app_user may
 * update only the columns the platform changes. Even the Secretariat's data officers, who may correct any record,
 * cannot replace a record's `original`, the bytes of the file it came from, or a staged row's cells as the file had
 * them, while the platform's own changes (a correction, a sharing change, publication) still go through the API.
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL / DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { makeUser } from '../../../test/support/actors.ts';
import { ApiClient, createTestUser, signIn, testClock } from '../../../test/support/identity.ts';
import { createRecords, createReport } from '../../../test/support/seizure-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { recordDetailSchema } from '../../shared/reports.contract.ts';
import { withActor } from './with-actor.ts';

let t: TestApp;
const clock = testClock();
let officer: ApiClient;
let report: Awaited<ReturnType<typeof createReport>>;
let recordId: number;
const original = { 'Date of seizure': '14/03/2024', Species: 'Loxodonta africana', Quantity: '4' };

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const user = await createTestUser(t.database.db, {
    kind: 'secretariat',
    party: null,
    role: 'data_officer',
  });
  officer = await signIn(t.app, clock, user);
  report = await createReport(t.database.db, { party: 'KE', status: 'draft' });
  const ids = await createRecords(t.database.db, report, [
    { taxon: 'Loxodonta africana', seizureCountry: 'KE', specimens: 4, original },
  ]);
  recordId = ids[0]!;
});
after(async () => t?.close());

const dataOfficer = makeUser({ organisationKind: 'secretariat', role: 'data_officer', party: null });
const keReporter = makeUser({ organisationKind: 'party', role: 'reporter', party: 'KE' });

/** The SQL error code of running `statement` as the actor, or 'ok'. */
async function outcome(actor: typeof dataOfficer, statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await withActor(t.database.db, actor, (tx) => statement.execute(tx));
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const PERMISSION_DENIED = '42501';

async function send(method: 'PATCH' | 'POST', url: string, body: object) {
  return officer.app.inject({
    method,
    url,
    payload: body,
    headers: { cookie: `itd_session=${officer.cookie}`, 'x-csrf-token': officer.csrf ?? '' },
  });
}

describe('what the Party wrote is never overwritten', () => {
  test('no one acting through the platform may update a record’s original or where it came from', async () => {
    for (const actor of [dataOfficer, keReporter]) {
      for (const assignment of [
        sql`original = '{"Species": "Panthera leo"}'::jsonb`,
        sql`review_fixes = '[]'::jsonb`,
        sql`source_row = 99`,
        sql`created_at = now()`,
      ])
        assert.equal(
          await outcome(actor, sql`update seizure_records set ${assignment} where id = ${recordId}`),
          PERMISSION_DENIED,
          `${actor.role}: ${assignment.compile(t.database.db).sql}`,
        );
    }
    const stored = await t.database.db
      .selectFrom('seizure_records')
      .select('original')
      .where('id', '=', recordId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored.original, original);
  });

  test('the stored file keeps its bytes and checksum; only its report may be set', async () => {
    const file = await withActor(t.database.db, dataOfficer, (tx) =>
      tx
        .insertInto('report_files')
        .values({
          party: 'KE',
          file_name: 'report.csv',
          media_type: 'text/csv',
          size_bytes: 3,
          sha256: 'abc',
          content: Buffer.from('a,b'),
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    for (const assignment of [sql`content = '\\x00'::bytea`, sql`sha256 = 'forged'`, sql`size_bytes = 0`])
      assert.equal(
        await outcome(dataOfficer, sql`update report_files set ${assignment} where id = ${file.id}`),
        PERMISSION_DENIED,
      );
    assert.equal(
      await outcome(dataOfficer, sql`update report_files set report_id = ${report.id} where id = ${file.id}`),
      'ok',
    );
  });

  test('a staged row keeps the cells its file had once a review fix kept them', async () => {
    const batch = await withActor(t.database.db, dataOfficer, async (tx) => {
      const { id } = await tx
        .insertInto('import_batches')
        .values({
          party: 'KE',
          year: 2024,
          share_parties: true,
          share_iccwc: true,
          share_etis: false,
          file_name: 'report.csv',
          media_type: 'text/csv',
          header_row: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`insert into import_rows (batch_id, party, row_number, cells, normalised, fingerprint, outcome)
                values (${id}, 'KE', 2, '{"Species": "Loxodonta africana"}', '{}', 'f', 'import')`.execute(
        tx,
      );
      return id;
    });
    const row = sql`batch_id = ${batch} and row_number = 2`;
    // The first fix keeps the file's cells (keepReviewFix), then the row's cells may change again and again.
    assert.equal(
      await outcome(
        dataOfficer,
        sql`update import_rows set file_cells = coalesce(file_cells, cells),
        cells = '{"Species": "Loxodonta cyclotis"}' where ${row}`,
      ),
      'ok',
    );
    assert.equal(
      await outcome(
        dataOfficer,
        sql`update import_rows set file_cells = coalesce(file_cells, cells),
        cells = '{"Species": "Loxodonta"}' where ${row}`,
      ),
      'ok',
    );
    assert.equal(
      await outcome(dataOfficer, sql`update import_rows set file_cells = cells where ${row}`),
      PERMISSION_DENIED,
    );
    // The file's own cells under its own headers are never rewritten; what is kept as additional information
    // (`extra`) follows the reviewer's column decisions (migration 0053), so it may change with them.
    assert.equal(
      await outcome(dataOfficer, sql`update import_rows set source_cells = '{}' where ${row}`),
      PERMISSION_DENIED,
    );
    assert.equal(await outcome(dataOfficer, sql`update import_rows set extra = '{}' where ${row}`), 'ok');
    const kept = await t.database.db
      .selectFrom('import_rows')
      .select(['file_cells', 'cells'])
      .where('batch_id', '=', batch)
      .executeTakeFirstOrThrow();
    assert.deepEqual(kept, {
      file_cells: { Species: 'Loxodonta africana' },
      cells: { Species: 'Loxodonta' },
    });
  });

  test('a correction, a sharing change and publication still go through, and the original stays', async () => {
    const url = `/api/v1/reports/${report.id}/records/${recordId}`;
    const before = recordDetailSchema.parse((await officer.call('GET', url)).json());
    const corrected = await send('PATCH', url, {
      values: { ...before.values, quantity: 5, quantityCount: 5 },
      reason: 'Five tusks, not four',
      expectedVersion: before.version,
    });
    assert.equal(corrected.statusCode, 200, corrected.body);
    const after = recordDetailSchema.parse(corrected.json());
    assert.equal(after.version, 2);
    assert.deepEqual(after.original, before.original);

    const reportUrl = `/api/v1/reports/${report.id}`;
    const sharing = { shareParties: false, shareIccwc: true, shareEtis: false, reason: 'Agreed with ICCWC' };
    assert.equal((await send('POST', `${reportUrl}/sharing`, sharing)).statusCode, 200);
    assert.equal((await send('POST', `${reportUrl}/submit`, {})).statusCode, 200);
    const published = await send('POST', `${reportUrl}/publish`, {});
    assert.equal(published.statusCode, 200, published.body);
    const flags = await t.database.db
      .selectFrom('seizure_records')
      .select(['is_published', 'share_parties', 'share_iccwc', 'original'])
      .where('id', '=', recordId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(flags, { is_published: true, share_parties: false, share_iccwc: true, original });
  });
});
