/**
 * The audit viewer: only Secretariat admins read the log (others get 403, on the page, the export and the chain's
 * state); filters by actor, organisation, action, record and report; keyset pages; a formula-safe CSV export;
 * and the chain's state, verified or the first broken entry.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { testClock } from '../../../../test/support/identity.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createRecord } from '../../../../test/support/seizure-factories.ts';
import { auditChainStateSchema, auditPageSchema } from '../../../shared/audit.contract.ts';
import { signedInUser, type SignedInUser } from '../groups/groups.test-support.ts';
import { linkAuditEntries } from './audit.service.ts';

let t: TestApp;
const clock = testClock();
let admin: SignedInUser;
let officer: SignedInUser;
let focalPoint: SignedInUser;
let recordId: number;
let reportId: string;

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  admin = await signedInUser(t, clock, { kind: 'secretariat', role: 'admin' });
  officer = await signedInUser(t, clock, { kind: 'secretariat', role: 'data_officer' });
  focalPoint = await signedInUser(t, clock, { kind: 'party', party: 'KE', role: 'focal_point' });
  const created = await createRecord(t.database.db, { party: 'KE' }, { taxon: 'Manis gigantea' });
  recordId = created.id;
  reportId = created.report.id;
  // The focal point searches (a formula in the free text) and opens the record; the officer searches too.
  await focalPoint.client.call('GET', `/api/v1/seizures?q=${encodeURIComponent('=HYPERLINK("x")')}`);
  await focalPoint.client.call('GET', `/api/v1/seizures/${recordId}`);
  await officer.client.call('GET', '/api/v1/seizures?q=pangolin');
  await linkAuditEntries(t.database.db);
});
after(async () => t?.close());

const entries = async (user: SignedInUser, query: string) => {
  const response = await user.client.call('GET', `/api/v1/audit/entries?${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return auditPageSchema.parse(response.json());
};

describe('audit viewer', () => {
  test('only Secretariat admins may read the log, its export and its state', async () => {
    for (const user of [officer, focalPoint]) {
      for (const url of ['/api/v1/audit/entries', '/api/v1/audit/entries.csv', '/api/v1/audit/chain']) {
        const response = await user.client.call('GET', url);
        assert.equal(response.statusCode, 403, `${url}: ${response.body}`);
      }
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/audit/entries' });
    assert.equal(anonymous.statusCode, 401);
  });

  test("filters one user's searches, by actor and action, newest first", async () => {
    const page = await entries(admin, `actorId=${focalPoint.userId}&action=seizure.search`);
    assert.equal(page.items.length, 1);
    assert.equal(page.items[0]!.actorId, focalPoint.userId);
    assert.equal(page.items[0]!.action, 'seizure.search');
    assert.match(page.items[0]!.organisationName ?? '', /Test party organisation KE/);
    const all = await entries(admin, 'action=seizure.search');
    assert.deepEqual(
      new Set(all.items.map((item) => item.actorId)),
      new Set([focalPoint.userId, officer.userId]),
    );
  });

  test('filters by organisation, by record and by report', async () => {
    const org = await t.database.db
      .selectFrom('users')
      .select('organisation_id')
      .where('id', '=', officer.userId)
      .executeTakeFirstOrThrow();
    const byOrg = await entries(admin, `organisationId=${org.organisation_id}`);
    assert.ok(byOrg.items.length > 0);
    assert.ok(byOrg.items.every((item) => item.actorId === officer.userId));
    const byRecord = await entries(admin, `recordId=${recordId}`);
    assert.deepEqual(
      byRecord.items.map((item) => [item.action, item.actorId]),
      [['seizure.view', focalPoint.userId]],
    );
    const byReport = await entries(admin, `reportId=${reportId}&actorId=${focalPoint.userId}`);
    assert.deepEqual(byReport.items, []);
  });

  test('pages by entry number without gaps or repeats; a time range narrows', async () => {
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const page = await entries(admin, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.seq));
      cursor = page.nextCursor;
    } while (cursor !== null);
    const head = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_events where seq is not null`.execute(t.database.db);
    assert.ok(seen.length >= head.rows[0]!.n - 1);
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => b - a),
    );
    assert.equal(new Set(seen).size, seen.length);
    const future = await entries(
      admin,
      `from=${encodeURIComponent(new Date(Date.now() + 86_400_000 * 30).toISOString())}`,
    );
    assert.deepEqual(future.items, []);
  });

  test('a bad filter is refused with the field named, and reading the log is itself recorded', async () => {
    const response = await admin.client.call('GET', '/api/v1/audit/entries?actorId=not-a-uuid');
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /actorId/);
    await linkAuditEntries(t.database.db);
    const viewed = await entries(admin, `actorId=${admin.userId}&action=audit.viewed`);
    assert.ok(viewed.items.length > 0);
  });

  test('the export is CSV of every matching entry, formula-safe', async () => {
    const response = await admin.client.call(
      'GET',
      `/api/v1/audit/entries.csv?actorId=${focalPoint.userId}&action=seizure.search`,
    );
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/csv/);
    const rows: string[][] = parse(response.body.replace(/^\uFEFF/, ''), {});
    assert.equal(rows[0]![0], 'seq');
    assert.equal(rows.length, 2);
    assert.equal(rows[1]![6], 'seizure.search');
    assert.ok(rows[1]![9]!.includes('HYPERLINK'));
    // No cell starts a formula, though the searched text did.
    assert.ok(rows.flat().every((cell) => !/^[=+\-@]/.test(cell)));
  });

  test("the chain's state: verified up to the newest entry, or the first broken entry", async () => {
    const response = await admin.client.call('GET', '/api/v1/audit/chain');
    const state = auditChainStateSchema.parse(response.json());
    assert.equal(state.state, 'verified');
    if (state.state === 'verified') assert.ok(state.upToSeq > 5);
    // Tampering is shown once the next verification runs (at most every few minutes).
    await t.database.db.transaction().execute(async (tx) => {
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(tx);
      await sql`update audit_events set details = '{}' where seq = 3`.execute(tx);
      await sql`alter table audit_events enable trigger audit_events_no_update`.execute(tx);
    });
    clock.advance(6 * 60_000);
    const broken = auditChainStateSchema.parse(
      (await admin.client.call('GET', '/api/v1/audit/chain')).json(),
    );
    assert.deepEqual(
      { ...broken, checkedAt: '' },
      { state: 'broken', firstBrokenSeq: 3, problem: 'edited', problems: 1, checkedAt: '' },
    );
  });
});
