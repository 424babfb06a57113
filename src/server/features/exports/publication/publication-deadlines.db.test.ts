/**
 * Consent to publish, the ways a request ends without a certificate: a refusal (a comment required; the request
 * closes), and the deadlines — the focal points of a Party that has not answered are reminded after
 * PUBLICATION_REMINDER_DAYS, and an unanswered request expires after PUBLICATION_CONSENT_DAYS — each with its audit
 * entry. Both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import {
  createTestUser,
  signIn,
  testClock,
  type ApiClient,
  type TestUser,
} from '../../../../../test/support/identity.ts';
import { createRecords, createReport } from '../../../../../test/support/seizure-factories.ts';
import type { PublicationRequest } from '../../../../shared/publication.contract.ts';
import { runPublicationDeadlines } from './publication-deadlines.ts';

let t: TestApp;
const clock = testClock();
const users: Record<string, { client: ApiClient; user: TestUser }> = {};

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const make = async (name: string, options: Parameters<typeof createTestUser>[1]) => {
    const user = await createTestUser(t.database.db, options);
    users[name] = { user, client: await signIn(t.app, clock, user) };
  };
  await make('requester', { kind: 'iccwc', role: 'member' });
  await make('keFocalPoint', { kind: 'party', party: 'KE', role: 'focal_point' });
  await make('tzFocalPoint', { kind: 'party', party: 'TZ', role: 'focal_point' });
  const db = t.database.db;
  const ke = await createReport(db, { party: 'KE', year: 2022, shareIccwc: true });
  await createRecords(db, ke, [{ taxon: 'Manis gigantea', kg: 10, seizureCountry: 'KE' }]);
  const tz = await createReport(db, { party: 'TZ', year: 2022, shareIccwc: true });
  await createRecords(db, tz, [{ taxon: 'Manis gigantea', kg: 5, seizureCountry: 'TZ' }]);
});
after(async () => t?.close());

const call = (name: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
  users[name]!.client.call(method, url, body);

const ask = (body: Record<string, unknown>) =>
  call('requester', 'POST', '/api/v1/publication-requests', {
    title: 'Pangolin scales seized in East Africa',
    intendedUse: 'A journal article on pangolin trafficking routes',
    modificationStatement: 'Weights summed by year; no record-level data published',
    ...body,
  });

async function auditActions(id: string): Promise<string[]> {
  const { rows } = await sql<{ action: string }>`
    select action from audit_events where target_id = ${id} order by id`.execute(t.database.db);
  return rows.map((row) => row.action);
}

describe('requests that end without a certificate', () => {
  test('a refusal needs a comment and closes the request', async () => {
    const refused = (await ask({ filters: { party: 'TZ' } })).json<PublicationRequest>();
    const url = `/api/v1/publication-requests/${refused.id}/decision`;
    assert.equal((await call('tzFocalPoint', 'POST', url, { decision: 'refuse' })).statusCode, 400);
    const answer = await call('tzFocalPoint', 'POST', url, {
      decision: 'refuse',
      comment: 'Investigation ongoing',
    });
    assert.equal(answer.json<PublicationRequest>().status, 'refused');
    const mine = await call('requester', 'GET', `/api/v1/publication-requests/${refused.id}`);
    const consent = mine.json<PublicationRequest>().consents[0]!;
    assert.equal(consent.comment, 'Investigation ongoing');
    assert.equal(
      (await call('requester', 'GET', `/api/v1/publication-requests/${refused.id}/certificate.pdf`))
        .statusCode,
      409,
    );
    const told = await t.database.db
      .selectFrom('outbox')
      .select('recipient')
      .where('subject', 'like', 'Your request to publish % was refused')
      .execute();
    assert.deepEqual(
      told.map((mail) => mail.recipient),
      [users.requester!.user.email],
    );
    assert.deepEqual(await auditActions(refused.id), [
      'publication.requested',
      'publication.refused',
      'publication.read',
    ]);
  });

  test('focal points who have not answered are reminded; an unanswered request expires', async () => {
    const waiting = (await ask({ filters: { party: 'KE' } })).json<PublicationRequest>();
    const options = (days: number) => ({
      reminderDays: 7,
      publicUrl: 'https://itd.example',
      clock: () => new Date(clock().getTime() + days * 86_400_000),
    });
    const early = await runPublicationDeadlines(t.database.db, options(1));
    assert.deepEqual(early, { expired: 0, reminded: 0 });
    const reminded = await runPublicationDeadlines(t.database.db, options(8));
    assert.equal(reminded?.reminded, 1);
    const reminders = await t.database.db
      .selectFrom('outbox')
      .select('recipient')
      .where('subject', 'like', 'Reminder: a request to publish%')
      .execute();
    assert.deepEqual(
      reminders.map((mail) => mail.recipient),
      [users.keFocalPoint!.user.email],
    );
    const expired = await runPublicationDeadlines(t.database.db, options(31));
    assert.equal(expired?.expired, 1);
    const mine = await call('requester', 'GET', `/api/v1/publication-requests/${waiting.id}`);
    assert.equal(mine.json<PublicationRequest>().status, 'expired');
    assert.deepEqual(await auditActions(waiting.id), [
      'publication.requested',
      'publication.reminded',
      'publication.expired',
      'publication.read',
    ]);
  });
});
