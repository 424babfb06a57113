/**
 * Reports through the HTTP API with real signed-in users: who sees which report, the lifecycle draft → submitted →
 * published (and back), sharing changes as recorded events copied onto the records, corrections that keep the
 * earlier version, the original file as an attachment, and the audit entries of each action.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { ApiClient, createTestUser, signIn, testClock } from '../../../../test/support/identity.ts';
import {
  recordDetailSchema,
  recordListSchema,
  reportDetailSchema,
  reportListSchema,
  type SeizureValuesDto,
} from '../../../shared/reports.contract.ts';
import { seedReport, seizureValues, type SeededReport } from './reports.fixtures.ts';
import { problemSchema } from '../../../shared/problem.contract.ts';

let t: TestApp;
const clock = testClock();
let keReporter: ApiClient;
let keFocal: ApiClient;
let keMember: ApiClient;
let tzReporter: ApiClient;
let officer: ApiClient;
let secretariatMember: ApiClient;
let iccwc: ApiClient;
let report: SeededReport;

async function send(client: ApiClient, method: 'PATCH' | 'POST', url: string, body?: unknown) {
  return client.app.inject({
    method,
    url,
    ...(body === undefined ? {} : { payload: body as object }),
    headers: { cookie: `itd_session=${client.cookie}`, 'x-csrf-token': client.csrf ?? '' },
  });
}

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const db = t.database.db;
  const user = (options: Parameters<typeof createTestUser>[1]) =>
    createTestUser(db, options).then((u) => signIn(t.app, clock, u));
  keReporter = await user({ kind: 'party', party: 'KE', role: 'reporter' });
  keFocal = await user({ kind: 'party', party: 'KE', role: 'focal_point' });
  keMember = await user({ kind: 'party', party: 'KE', role: 'member' });
  tzReporter = await user({ kind: 'party', party: 'TZ', role: 'reporter' });
  officer = await user({ kind: 'secretariat', party: null, role: 'data_officer' });
  secretariatMember = await user({ kind: 'secretariat', party: null, role: 'member' });
  iccwc = await user({ kind: 'iccwc', party: null, role: 'member' });
  report = await seedReport(db);
});
after(async () => {
  await t?.close();
});

const detailOf = async (client: ApiClient, id = report.id) => {
  const response = await client.call('GET', `/api/v1/reports/${id}`);
  return {
    status: response.statusCode,
    body: response.statusCode === 200 ? reportDetailSchema.parse(response.json()) : null,
  };
};
const listIds = async (client: ApiClient, query = '') => {
  const response = await client.call('GET', `/api/v1/reports${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return reportListSchema.parse(response.json()).items.map((item) => item.id);
};
const recordFlags = (id: string) =>
  t.database.db
    .selectFrom('seizure_records')
    .select(['is_published', 'share_parties', 'share_iccwc', 'share_etis'])
    .where('report_id', '=', id)
    .execute();

describe('reports', () => {
  test('a draft is seen by its Party’s reporters and focal points and the Secretariat, by no one else', async () => {
    for (const client of [keReporter, keFocal, officer, secretariatMember]) {
      assert.ok((await listIds(client)).includes(report.id));
      assert.equal((await detailOf(client)).status, 200);
    }
    const own = (await detailOf(keReporter)).body!;
    assert.equal(own.status, 'draft');
    assert.equal(own.counts.records, 2);
    assert.deepEqual(own.abilities, ['edit', 'change_sharing', 'correct', 'submit']);
    assert.equal(own.events[0]?.kind, 'created');
    assert.deepEqual((await detailOf(officer)).body!.abilities, [
      'edit',
      'change_sharing',
      'correct',
      'submit',
    ]);
    assert.deepEqual((await detailOf(secretariatMember)).body!.abilities, []);

    // Another Party's reporter, the Party's own member (draft) and ICCWC: the same 404 as a missing report.
    const missing = await tzReporter.call('GET', '/api/v1/reports/00000000-0000-4000-8000-000000000000');
    for (const client of [tzReporter, keMember, iccwc]) {
      assert.ok(!(await listIds(client)).includes(report.id));
      const response = await client.call('GET', `/api/v1/reports/${report.id}`);
      assert.equal(response.statusCode, 404);
      assert.equal(response.json<{ detail: string }>().detail, missing.json<{ detail: string }>().detail);
      assert.equal((await client.call('GET', `/api/v1/reports/${report.id}/records`)).statusCode, 404);
      assert.equal(
        (await client.call('GET', `/api/v1/reports/${report.id}/records/${report.recordIds[0]}`)).statusCode,
        404,
      );
      assert.equal(
        (await client.call('GET', `/api/v1/reports/${report.id}/files/${report.fileId}`)).statusCode,
        404,
      );
      assert.equal((await send(client, 'POST', `/api/v1/reports/${report.id}/submit`)).statusCode, 404);
    }
    assert.deepEqual(await listIds(iccwc), []);
  });

  test('a correction keeps the earlier version with who, when and why; what the Party wrote stays', async () => {
    const recordId = report.recordIds[0]!;
    const url = `/api/v1/reports/${report.id}/records/${recordId}`;
    const before = recordDetailSchema.parse((await keReporter.call('GET', url)).json());
    assert.equal(before.version, 1);
    assert.deepEqual(before.versions, []);
    const corrected: SeizureValuesDto = {
      ...before.values,
      quantity: 40,
      quantityCount: 40,
      transitCountries: ['ET'],
    };

    const noReason = await send(keReporter, 'PATCH', url, {
      values: corrected,
      reason: '',
      expectedVersion: 1,
    });
    assert.equal(noReason.statusCode, 400);
    assert.equal(
      (
        await send(tzReporter, 'PATCH', url, {
          values: corrected,
          reason: 'Typo in quantity',
          expectedVersion: 1,
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (
        await send(secretariatMember, 'PATCH', url, {
          values: corrected,
          reason: 'Typo in quantity',
          expectedVersion: 1,
        })
      ).statusCode,
      403,
    );

    const response = await send(keReporter, 'PATCH', url, {
      values: corrected,
      reason: 'Typo in quantity: 40 tusks',
      expectedVersion: 1,
    });
    assert.equal(response.statusCode, 200, response.body);
    const after = recordDetailSchema.parse(response.json());
    assert.equal(after.version, 2);
    assert.equal(after.values.quantity, 40);
    assert.equal(after.values.quantityCount, 40, 'no unit means a number of specimens');
    assert.deepEqual(after.original, before.original);
    assert.equal(after.versions.length, 1);
    const kept = after.versions[0]!;
    assert.equal(kept.version, 1);
    assert.equal(kept.values.quantity, 4);
    assert.equal(kept.values.seizureDate, '2024-03-14');
    assert.equal(kept.reason, 'Typo in quantity: 40 tusks');
    assert.match(kept.replacedBy ?? '', /^Test User/);
    assert.ok(Date.parse(kept.replacedAt) > 0);
    assert.deepEqual(kept.changed.map((change) => change.field).sort(), [
      'quantity',
      'quantityCount',
      'transitCountries',
    ]);
    // The concerned Parties follow the corrected countries (generated by the database).
    const stored = await t.database.db
      .selectFrom('seizure_records')
      .select(['version', 'concerned_parties'])
      .where('id', '=', recordId)
      .executeTakeFirstOrThrow();
    assert.equal(stored.version, 2);
    assert.ok(stored.concerned_parties.map((c) => c.trim()).includes('ET'));
    const versions = await t.database.db
      .selectFrom('seizure_record_versions')
      .selectAll()
      .where('record_id', '=', recordId)
      .execute();
    assert.equal(versions.length, 1);
    assert.equal(Number(versions[0]!.data.quantity), 4);

    // A second correction keeps both earlier versions, newest first.
    const again = await send(keReporter, 'PATCH', url, {
      values: { ...corrected, seizureCountry: 'QQ' },
      reason: 'Unknown country',
      expectedVersion: 2,
    });
    assert.equal(again.statusCode, 400, 'an unknown country is refused, not left to a foreign key');
    const unknownTerm = await send(keReporter, 'PATCH', url, {
      values: { ...corrected, termCode: 'XYZ' },
      reason: 'Unknown term',
      expectedVersion: 2,
    });
    assert.equal(unknownTerm.statusCode, 400);
    assert.match(unknownTerm.body, /values\.termCode/);
    const third = recordDetailSchema.parse(
      (
        await send(keFocal, 'PATCH', url, {
          // Whether a record is an elephant's follows its taxon, whatever the client says.
          values: { ...corrected, quantity: 41, quantityCount: 41, isElephant: !before.values.isElephant },
          reason: 'Recount',
          expectedVersion: 2,
        })
      ).json(),
    );
    assert.deepEqual(
      third.versions.map((v) => v.version),
      [2, 1],
    );
    assert.equal(third.values.isElephant, before.values.isElephant);
    assert.deepEqual(third.versions[0]!.changed, [
      { field: 'quantity', from: 40, to: 41 },
      { field: 'quantityCount', from: 40, to: 41 },
    ]);
    // A correction made from a version someone else has since replaced changes nothing and names the current one.
    const stale = await send(keReporter, 'PATCH', url, {
      values: { ...corrected, quantity: 39, quantityCount: 39 },
      reason: 'Recount from an old screen',
      expectedVersion: 2,
    });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.match(String(stale.headers['content-type']), /application\/problem\+json/);
    const staleProblem = problemSchema.parse(stale.json());
    assert.equal(staleProblem.code, 'stale_version');
    assert.equal(staleProblem.currentVersion, 3);
    const unchanged = recordDetailSchema.parse((await keReporter.call('GET', url)).json());
    assert.equal(unchanged.version, 3);
    assert.equal(unchanged.values.quantity, 41);
    const missing = await send(keReporter, 'PATCH', url, { values: corrected, reason: 'No version given' });
    assert.equal(missing.statusCode, 400, 'the version a correction was made from is required');
    assert.equal(problemSchema.parse(missing.json()).field, 'expectedVersion');
    const detail = (await detailOf(keReporter)).body!;
    assert.equal(detail.counts.corrected, 1);
    assert.equal(detail.events.filter((e) => e.kind === 'record_corrected').length, 2);
  });

  test('changing the sharing answers is a recorded event and changes the records’ flags', async () => {
    const url = `/api/v1/reports/${report.id}/sharing`;
    assert.equal(
      (await send(keReporter, 'POST', url, { shareParties: false, shareIccwc: true, shareEtis: true }))
        .statusCode,
      400,
    );
    const response = await send(keReporter, 'POST', url, {
      shareParties: false,
      shareIccwc: true,
      shareEtis: true,
      reason: 'The authority agreed to share with ICCWC',
    });
    assert.equal(response.statusCode, 200, response.body);
    const detail = reportDetailSchema.parse(response.json());
    assert.deepEqual(detail.sharing, { shareParties: false, shareIccwc: true, shareEtis: true });
    const event = detail.events.find((e) => e.kind === 'sharing_changed')!;
    assert.equal(event.reason, 'The authority agreed to share with ICCWC');
    assert.deepEqual(event.details.from, { shareParties: true, shareIccwc: false, shareEtis: true });
    assert.deepEqual(event.details.to, { shareParties: false, shareIccwc: true, shareEtis: true });
    for (const flags of await recordFlags(report.id))
      assert.deepEqual(flags, {
        is_published: false,
        share_parties: false,
        share_iccwc: true,
        share_etis: true,
      });
  });

  test('the header is edited while a draft; a Party submits, only the Secretariat publishes', async () => {
    const header = {
      preparingAgency: 'Kenya Wildlife Service',
      contributingAgencies: 'Kenya Revenue Authority',
      contactName: 'Amina Otieno',
      contactEmail: 'amina.otieno@example.org',
      submittedOn: null,
    };
    const edited = await send(keReporter, 'PATCH', `/api/v1/reports/${report.id}`, {
      header,
      partTwo: { criminal: 'Two prosecutions.' },
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(reportDetailSchema.parse(edited.json()).header.preparingAgency, 'Kenya Wildlife Service');

    assert.equal((await send(keReporter, 'POST', `/api/v1/reports/${report.id}/publish`)).statusCode, 403);
    const submitted = await send(keReporter, 'POST', `/api/v1/reports/${report.id}/submit`);
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(reportDetailSchema.parse(submitted.json()).status, 'submitted');
    assert.equal((await send(keReporter, 'POST', `/api/v1/reports/${report.id}/submit`)).statusCode, 409);
    assert.equal(
      (await send(keReporter, 'PATCH', `/api/v1/reports/${report.id}`, { header, partTwo: {} })).statusCode,
      409,
    );

    // Members cannot publish: the Party's member does not see a submitted report; the Secretariat's may not act.
    assert.equal((await send(keMember, 'POST', `/api/v1/reports/${report.id}/publish`)).statusCode, 404);
    assert.equal(
      (await send(secretariatMember, 'POST', `/api/v1/reports/${report.id}/publish`)).statusCode,
      403,
    );
    assert.equal((await send(keFocal, 'POST', `/api/v1/reports/${report.id}/publish`)).statusCode, 403);
    assert.ok((await recordFlags(report.id)).every((flags) => !flags.is_published));

    const published = await send(officer, 'POST', `/api/v1/reports/${report.id}/publish`);
    assert.equal(published.statusCode, 200, published.body);
    const detail = reportDetailSchema.parse(published.json());
    assert.equal(detail.status, 'published');
    assert.ok(detail.publishedAt);
    assert.ok((await recordFlags(report.id)).every((flags) => flags.is_published));
  });

  test('after publication a Party may change nothing; members see it; the Secretariat may return it to draft', async () => {
    const recordUrl = `/api/v1/reports/${report.id}/records/${report.recordIds[1]}`;
    const record = recordDetailSchema.parse((await keReporter.call('GET', recordUrl)).json());
    assert.deepEqual(record.abilities, []);
    assert.equal(
      (
        await send(keReporter, 'PATCH', recordUrl, {
          values: record.values,
          reason: 'Late fix please',
          expectedVersion: record.version,
        })
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await send(keFocal, 'POST', `/api/v1/reports/${report.id}/sharing`, {
          shareParties: true,
          shareIccwc: true,
          shareEtis: true,
          reason: 'Changed our mind',
        })
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await send(keReporter, 'PATCH', `/api/v1/reports/${report.id}`, {
          header: {
            preparingAgency: 'x',
            contributingAgencies: '',
            contactName: '',
            contactEmail: '',
            submittedOn: null,
          },
          partTwo: {},
        })
      ).statusCode,
      403,
    );
    assert.equal(
      (await send(keReporter, 'POST', `/api/v1/reports/${report.id}/return-to-draft`, { reason: 'Please' }))
        .statusCode,
      403,
    );

    // The Party's member now sees the published report and its records, with nothing to do.
    const seen = await detailOf(keMember);
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.body!.abilities, []);
    const records = recordListSchema.parse(
      (await keMember.call('GET', `/api/v1/reports/${report.id}/records`)).json(),
    );
    assert.equal(records.items.length, 2);
    // The report itself stays the reporting Party's: another Party sees none of it, ICCWC neither.
    assert.equal((await detailOf(tzReporter)).status, 404);
    assert.deepEqual(await listIds(iccwc), []);

    // The Secretariat corrects a published record, and may return the report to draft with a reason.
    const fixed = await send(officer, 'PATCH', recordUrl, {
      values: { ...record.values, locationName: 'JKIA cargo terminal' },
      reason: 'Place confirmed by the Party',
      expectedVersion: record.version,
    });
    assert.equal(fixed.statusCode, 200, fixed.body);
    assert.equal(
      (await send(officer, 'POST', `/api/v1/reports/${report.id}/return-to-draft`, {})).statusCode,
      400,
    );
    const returned = await send(officer, 'POST', `/api/v1/reports/${report.id}/return-to-draft`, {
      reason: 'The Party asked to add late seizures',
    });
    assert.equal(returned.statusCode, 200, returned.body);
    const detail = reportDetailSchema.parse(returned.json());
    assert.equal(detail.status, 'draft');
    assert.equal(detail.publishedAt, null);
    assert.ok((await recordFlags(report.id)).every((flags) => !flags.is_published));
    assert.deepEqual(
      detail.events.map((e) => e.kind),
      [
        'created',
        'record_corrected',
        'record_corrected',
        'sharing_changed',
        'header_changed',
        'submitted',
        'published',
        'record_corrected',
        'returned_to_draft',
      ],
    );
    assert.equal(detail.events.at(-1)!.reason, 'The Party asked to add late seizures');
  });

  test('the original file downloads as an attachment, byte for byte', async () => {
    const response = await keReporter.call('GET', `/api/v1/reports/${report.id}/files/${report.fileId}`);
    assert.equal(response.statusCode, 200);
    assert.match(
      String(response.headers['content-disposition']),
      /^attachment; filename="Rapport annuel 2024 _ Kenya\.csv"/,
    );
    assert.equal(response.headers['content-type'], 'application/octet-stream');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(response.rawPayload, report.fileBytes);
    const detail = (await detailOf(keReporter)).body!;
    assert.deepEqual(
      detail.files.map((f) => f.id),
      [report.fileId],
    );
  });

  test('every action is in the audit log', async () => {
    const rows = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', 'in', [report.id, ...report.recordIds.map(String)])
      .execute();
    const actions = new Set(rows.map((row) => row.action));
    for (const action of [
      'report.create',
      'report.view',
      'report.record_view',
      'report.record_correct',
      'report.sharing_change',
      'report.update',
      'report.submit',
      'report.publish',
      'report.return_to_draft',
      'report.file_download',
    ])
      assert.ok(actions.has(action), action);
  });

  test('the list pages with a cursor and filters by Party, year and status', async () => {
    const db = t.database.db;
    const more = [
      await seedReport(db, { year: 2021, records: [seizureValues()] }),
      await seedReport(db, { year: 2022, records: [] }),
      await seedReport(db, { party: 'TZ', year: 2022, records: [] }),
    ];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = reportListSchema.parse((await officer.call('GET', `/api/v1/reports${query}`)).json());
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length);
    assert.deepEqual(new Set(seen), new Set([report.id, ...more.map((r) => r.id)]));
    assert.deepEqual(await listIds(officer, '?party=TZ'), [more[2]!.id]);
    assert.deepEqual(new Set(await listIds(officer, '?year=2022')), new Set([more[1]!.id, more[2]!.id]));
    assert.deepEqual(await listIds(tzReporter), [more[2]!.id]);
    assert.deepEqual(await listIds(keReporter, '?party=TZ'), []);
    assert.equal((await listIds(officer, '?status=published')).length, 0);
    await sql`select 1`.execute(db);
  });
});
