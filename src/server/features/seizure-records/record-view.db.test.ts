/**
 * One record, one shape: the explorer (GET /api/v1/seizures/:id, as `record`) and the report's page
 * (GET /api/v1/reports/:id/records/:recordId) answer the same record with its review fixes and kept versions, and
 * the explorer's earlier flat fields still say what they said. Who may correct is one rule for both.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { ApiClient, createTestUser, signIn, testClock } from '../../../../test/support/identity.ts';
import { systemActor } from '../../../shared/actor.ts';
import { recordDetailSchema } from '../../../shared/reports.contract.ts';
import { seizureDetailSchema } from '../../../shared/seizures.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { seedReport, seizureValues, type SeededReport } from '../reports/reports.fixtures.ts';
import { correctSeizureRecord } from './index.ts';

let t: TestApp;
const clock = testClock();
let keReporter: ApiClient;
let secretariatMember: ApiClient;
let report: SeededReport;
const FIX = {
  column: 'Species',
  from: 'Loxodonta africanna',
  to: 'Loxodonta africana',
  by: 'A. Reviewer',
  at: '2025-01-02T03:04:05.000Z',
};

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const db = t.database.db;
  keReporter = await signIn(
    t.app,
    clock,
    await createTestUser(db, { kind: 'party', party: 'KE', role: 'reporter' }),
  );
  secretariatMember = await signIn(
    t.app,
    clock,
    await createTestUser(db, { kind: 'secretariat', party: null, role: 'member' }),
  );
  report = await seedReport(db);
  const id = report.recordIds[0]!;
  await db
    .updateTable('seizure_records')
    .set({ review_fixes: JSON.stringify([FIX]) })
    .where('id', '=', id)
    .execute();
  await withActor(db, systemActor('test correction'), (tx) =>
    correctSeizureRecord(tx, id, {
      values: seizureValues({ quantity: 5, quantityCount: 5 }),
      reason: 'Recount',
      actorId: null,
      actorLabel: 'test',
    }),
  );
});
after(async () => {
  await t?.close();
});

test('the explorer and the report answer the same record, with review fixes and versions', async () => {
  const id = report.recordIds[0]!;
  for (const client of [keReporter, secretariatMember]) {
    const explorer = seizureDetailSchema.parse((await client.call('GET', `/api/v1/seizures/${id}`)).json());
    const fromReport = recordDetailSchema.parse(
      (await client.call('GET', `/api/v1/reports/${report.id}/records/${id}`)).json(),
    );
    assert.deepEqual(explorer.record, fromReport);
    assert.deepEqual(fromReport.reviewFixes, [FIX]);
    assert.deepEqual(
      fromReport.versions[0]!.changed.map((change) => change.field),
      ['quantity', 'quantityCount'],
    );
    // The explorer's earlier fields are read from the same record.
    assert.equal(explorer.quantity, fromReport.values.quantity);
    assert.equal(explorer.date, fromReport.values.seizureDate);
    assert.equal(explorer.versions[0]!.values.quantity, 4);
    assert.equal(explorer.versions[0]!.values.date, '2024-03-14');
    assert.equal(explorer.abilities.includes('seizure.correct'), fromReport.abilities.includes('correct'));
  }
  const reporterView = recordDetailSchema.parse(
    (await keReporter.call('GET', `/api/v1/reports/${report.id}/records/${id}`)).json(),
  );
  assert.deepEqual(
    reporterView.abilities,
    ['correct'],
    "a Party's reporter corrects its own Party's draft record",
  );
});
