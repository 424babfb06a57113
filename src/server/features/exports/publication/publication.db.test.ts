/**
 * Consent to publish through the HTTP app: an ICCWC user asks to publish an export holding Kenyan and Tanzanian
 * records; each Party's focal point answers for its own Party only; the last approval files the proof with the
 * Secretariat, and the requester's certificate (read back without pdfkit) names the Parties, the approvers and the
 * export's checksum. Denials: a focal point of a Party not asked, a reporter, another member and an igo user can
 * neither read nor answer; a focal point never sees another Party's answer; nobody but the requester withdraws.
 * Withdrawal, and an audit entry for every step (refusal, reminders and expiry: publication-deadlines.db.test.ts).
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
import { stepUp } from '../exports-test-support.ts';
import { readPdfText } from './publication-test-support.ts';

let t: TestApp;
const clock = testClock();
const users: Record<string, { client: ApiClient; user: TestUser }> = {};
let exportId = '';
let checksum = '';

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const make = async (name: string, options: Parameters<typeof createTestUser>[1]) => {
    const user = await createTestUser(t.database.db, options);
    users[name] = { user, client: await signIn(t.app, clock, user) };
  };
  await make('requester', { kind: 'iccwc', role: 'member' });
  await make('keFocalPoint', { kind: 'party', party: 'KE', role: 'focal_point' });
  await make('tzFocalPoint', { kind: 'party', party: 'TZ', role: 'focal_point' });
  await make('ngFocalPoint', { kind: 'party', party: 'NG', role: 'focal_point' });
  await make('keReporter', { kind: 'party', party: 'KE', role: 'reporter' });
  await make('otherMember', { kind: 'iccwc', role: 'member' });
  await make('igo', { kind: 'igo', role: 'member', itdAccess: false });
  await make('secretariat', { kind: 'secretariat', role: 'data_officer' });
  const db = t.database.db;
  const ke = await createReport(db, { party: 'KE', year: 2022, shareIccwc: true });
  await createRecords(db, ke, [
    { taxon: 'Manis gigantea', kg: 10, seizureCountry: 'KE' },
    { taxon: 'Manis gigantea', kg: 20, seizureCountry: 'KE' },
  ]);
  const tz = await createReport(db, { party: 'TZ', year: 2022, shareIccwc: true });
  await createRecords(db, tz, [{ taxon: 'Manis gigantea', kg: 5, seizureCountry: 'TZ' }]);

  const { client, user } = users.requester!;
  assert.equal((await stepUp(client, clock, user)).statusCode, 200);
  const file = await client.call('GET', '/api/v1/exports/seizures.csv');
  assert.equal(file.statusCode, 200);
  exportId = String(file.headers['x-export-id']);
  const register = await client.call('GET', '/api/v1/downloads');
  checksum = register
    .json<{ items: { id: string; checksum: string }[] }>()
    .items.find((d) => d.id === exportId)!.checksum;
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

describe('consent to publish', () => {
  let request: PublicationRequest;

  test('a request from an export asks each reporting Party, with its records counted', async () => {
    const created = await ask({ downloadId: exportId });
    assert.equal(created.statusCode, 201, created.body);
    request = created.json<PublicationRequest>();
    assert.equal(request.status, 'pending');
    assert.equal(request.exportChecksum, checksum);
    assert.deepEqual(
      request.consents.map((c) => [c.party, c.recordCount, c.status]),
      [
        ['KE', 2, 'pending'],
        ['TZ', 1, 'pending'],
      ],
    );
    assert.deepEqual(request.abilities, ['withdraw']);
    const told = await t.database.db
      .selectFrom('outbox')
      .select('recipient')
      .where('subject', 'like', 'Consent to publish ITD data of%')
      .execute();
    const to = told.map((mail) => mail.recipient);
    assert.ok(to.includes(users.keFocalPoint!.user.email) && to.includes(users.tzFocalPoint!.user.email));
    assert.ok(!to.includes(users.ngFocalPoint!.user.email) && !to.includes(users.keReporter!.user.email));
  });

  test('someone else’s export cannot be named', async () => {
    const refused = await call('otherMember', 'POST', '/api/v1/publication-requests', {
      downloadId: exportId,
      title: 'x',
      intendedUse: 'x',
      modificationStatement: 'x',
    });
    assert.equal(refused.statusCode, 404);
    const igo = await call('igo', 'POST', '/api/v1/publication-requests', {
      filters: { party: 'KE' },
      title: 'x',
      intendedUse: 'x',
      modificationStatement: 'x',
    });
    assert.equal(igo.statusCode, 403, 'an igo user reads no ITD data, so asks nothing');
  });

  test('a focal point sees its own Party’s consent only; others cannot read the request', async () => {
    const ke = await call('keFocalPoint', 'GET', `/api/v1/publication-requests/${request.id}`);
    assert.equal(ke.statusCode, 200);
    const seen = ke.json<PublicationRequest>();
    assert.deepEqual(
      seen.consents.map((c) => c.party),
      ['KE'],
    );
    assert.deepEqual(seen.abilities, ['decide']);
    for (const name of ['ngFocalPoint', 'keReporter', 'otherMember', 'igo'])
      assert.equal(
        (await call(name, 'GET', `/api/v1/publication-requests/${request.id}`)).statusCode,
        404,
        name,
      );
    const toAnswer = await call('keFocalPoint', 'GET', '/api/v1/publication-requests?view=to_answer');
    assert.ok(toAnswer.json<{ items: PublicationRequest[] }>().items.some((r) => r.id === request.id));
    const ngList = await call('ngFocalPoint', 'GET', '/api/v1/publication-requests?view=to_answer');
    assert.equal(ngList.json<{ items: PublicationRequest[] }>().items.length, 0);
    assert.equal(
      (await call('keReporter', 'GET', '/api/v1/publication-requests?view=to_answer')).statusCode,
      403,
    );
    assert.equal(
      (await call('keFocalPoint', 'GET', '/api/v1/publication-requests?view=filed')).statusCode,
      403,
    );
  });

  test('only a focal point of a Party asked may answer, for its own Party', async () => {
    const url = `/api/v1/publication-requests/${request.id}/decision`;
    const approve = { decision: 'approve', comment: '' };
    assert.equal((await call('ngFocalPoint', 'POST', url, approve)).statusCode, 404);
    assert.equal((await call('keReporter', 'POST', url, approve)).statusCode, 403);
    assert.equal((await call('requester', 'POST', url, approve)).statusCode, 403);
    assert.equal((await call('secretariat', 'POST', url, approve)).statusCode, 403);
    const certificate = await call(
      'requester',
      'GET',
      `/api/v1/publication-requests/${request.id}/certificate.pdf`,
    );
    assert.equal(certificate.statusCode, 409, 'no certificate before every Party approved');
  });

  test('the last approval files the proof with the Secretariat; the certificate names everything', async () => {
    const url = `/api/v1/publication-requests/${request.id}/decision`;
    const ke = await call('keFocalPoint', 'POST', url, {
      decision: 'approve',
      comment: 'Approved for the article',
    });
    assert.equal(ke.statusCode, 200, ke.body);
    assert.equal(ke.json<PublicationRequest>().status, 'pending');
    assert.equal(
      (await call('keFocalPoint', 'POST', url, { decision: 'refuse', comment: 'no' })).statusCode,
      409,
    );
    const tz = await call('tzFocalPoint', 'POST', url, {
      decision: 'approve',
      comment: 'Accord',
      language: 'fr',
    });
    assert.equal(tz.statusCode, 200);
    const tzView = tz.json<PublicationRequest>();
    assert.equal(tzView.status, 'approved');
    assert.ok(tzView.filedAt);
    assert.deepEqual(
      tzView.consents.map((c) => c.party),
      ['TZ'],
      'the last approver does not see the other Party’s answer',
    );

    const filed = await call('secretariat', 'GET', '/api/v1/publication-requests?view=filed');
    assert.equal(filed.statusCode, 200);
    const proof = filed.json<{ items: PublicationRequest[] }>().items.find((r) => r.id === request.id);
    assert.ok(proof, 'the proof is filed with the Secretariat');
    assert.deepEqual(
      proof.consents.map((c) => [c.party, c.status]),
      [
        ['KE', 'approved'],
        ['TZ', 'approved'],
      ],
    );

    const pdf = await call(
      'requester',
      'GET',
      `/api/v1/publication-requests/${request.id}/certificate.pdf?lang=en`,
    );
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = readPdfText(pdf.rawPayload).join('\n');
    for (const expected of [
      'Certificate of prior informed consent to publish ITD data',
      request.id,
      'Pangolin scales seized in East Africa',
      'Weights summed by year; no record-level data published',
      exportId,
      checksum,
      'Party: KE (Records: 2)',
      'Party: TZ (Records: 1)',
      'Approved for the article',
      'Accord',
    ])
      assert.ok(text.includes(expected), `the certificate holds ${expected}`);
    const approvers = await t.database.db
      .selectFrom('publication_consents')
      .select('decider_name')
      .where('request_id', '=', request.id)
      .execute();
    for (const approver of approvers)
      assert.ok(text.includes(approver.decider_name!), 'the approver is named');
    assert.equal(
      (await call('keFocalPoint', 'GET', `/api/v1/publication-requests/${request.id}/certificate.pdf`))
        .statusCode,
      403,
    );
    assert.equal(
      (await call('otherMember', 'GET', `/api/v1/publication-requests/${request.id}/certificate.pdf`))
        .statusCode,
      404,
    );
    assert.equal(
      (await call('secretariat', 'GET', `/api/v1/publication-requests/${request.id}/certificate.pdf`))
        .statusCode,
      200,
    );
    assert.deepEqual(await auditActions(request.id), [
      'publication.requested',
      'publication.read',
      'publication.approved',
      'publication.approved',
      'publication.filed',
      'publication.certificate',
      'publication.certificate',
    ]);
  });

  test('a request from a filter asks only the Parties whose matching records the requester sees', async () => {
    const created = await ask({ filters: { party: 'KE' } });
    assert.equal(created.statusCode, 201, created.body);
    const only = created.json<PublicationRequest>();
    assert.deepEqual(
      only.consents.map((c) => [c.party, c.recordCount]),
      [['KE', 2]],
    );
    // Tanzania is not asked: its focal point can neither read nor answer.
    assert.equal(
      (await call('tzFocalPoint', 'GET', `/api/v1/publication-requests/${only.id}`)).statusCode,
      404,
    );
    const url = `/api/v1/publication-requests/${only.id}`;
    assert.equal(
      (await call('tzFocalPoint', 'POST', `${url}/decision`, { decision: 'approve' })).statusCode,
      404,
    );
    // Withdrawal: only the requester.
    assert.equal((await call('keFocalPoint', 'POST', `${url}/withdraw`)).statusCode, 403);
    assert.equal((await call('otherMember', 'POST', `${url}/withdraw`)).statusCode, 404);
    const withdrawn = await call('requester', 'POST', `${url}/withdraw`);
    assert.equal(withdrawn.json<PublicationRequest>().status, 'withdrawn');
    const told = await t.database.db
      .selectFrom('outbox')
      .select('recipient')
      .where('subject', 'like', 'A request to publish ITD data of KE was withdrawn')
      .execute();
    assert.deepEqual(
      told.map((mail) => mail.recipient),
      [users.keFocalPoint!.user.email],
    );
    assert.equal(
      (await call('keFocalPoint', 'POST', `${url}/decision`, { decision: 'approve' })).statusCode,
      409,
    );
    assert.deepEqual(await auditActions(only.id), ['publication.requested', 'publication.withdrawn']);
  });
});
