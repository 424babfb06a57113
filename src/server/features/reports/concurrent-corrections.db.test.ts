/**
 * Ten people correct one record at the same moment, all from version 1: exactly one correction is written, the
 * nine others are refused with 409 naming the current version, and the record's history holds one replaced
 * version. Through the API (the report's correction route) and through the record writer itself, whose row lock
 * decides alone when no report lock is taken.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../../shared/actor.ts';
import { problemSchema } from '../../../shared/problem.contract.ts';
import { recordDetailSchema } from '../../../shared/reports.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { StaleVersionError } from '../../errors.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { ApiClient, createTestUser, signIn, testClock } from '../../../../test/support/identity.ts';
import { correctSeizureRecord } from '../seizure-records/index.ts';
import { seedReport, seizureValues } from './reports.fixtures.ts';

let t: TestApp;
let officer: ApiClient;
const clock = testClock();
before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  officer = await signIn(
    t.app,
    clock,
    await createTestUser(t.database.db, { kind: 'secretariat', party: null, role: 'data_officer' }),
  );
});
after(async () => t?.close());

const versionsOf = (recordId: number) =>
  t.database.db
    .selectFrom('seizure_record_versions')
    .select('version')
    .where('record_id', '=', recordId)
    .execute();

describe('simultaneous corrections of one record', () => {
  test('through the API: one is written, nine get 409 with the current version', async () => {
    const report = await seedReport(t.database.db, { party: 'UG' });
    const recordId = report.recordIds[0]!;
    const url = `/api/v1/reports/${report.id}/records/${recordId}`;
    const before = recordDetailSchema.parse((await officer.call('GET', url)).json());
    assert.equal(before.version, 1);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.app.inject({
          method: 'PATCH',
          url,
          payload: {
            values: { ...before.values, quantity: 100 + i, quantityCount: 100 + i },
            reason: `Recount number ${i}`,
            expectedVersion: 1,
          },
          headers: { cookie: `itd_session=${officer.cookie}`, 'x-csrf-token': officer.csrf ?? '' },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    assert.deepEqual(statuses, [200, ...Array<number>(9).fill(409)], answers.map((a) => a.body).join('\n'));
    for (const refused of answers.filter((a) => a.statusCode === 409)) {
      const problem = problemSchema.parse(refused.json());
      assert.equal(problem.code, 'stale_version');
      assert.equal(problem.currentVersion, 2);
    }
    const winner = recordDetailSchema.parse(answers.find((a) => a.statusCode === 200)!.json());
    const after = recordDetailSchema.parse((await officer.call('GET', url)).json());
    assert.equal(after.version, 2);
    assert.equal(after.values.quantity, winner.values.quantity, 'the stored values are the winner’s');
    assert.deepEqual(await versionsOf(recordId), [{ version: 1 }]);
  });

  test('through the record writer: its row lock lets one of ten through', async () => {
    const report = await seedReport(t.database.db, { party: 'UG' });
    const recordId = report.recordIds[1]!;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        withActor(t.database.db, systemActor('concurrency test'), (tx) =>
          correctSeizureRecord(tx, recordId, {
            values: seizureValues({ quantity: 200 + i, quantityCount: 200 + i }),
            reason: `Writer ${i}`,
            actorId: null,
            actorLabel: 'test',
            expectedVersion: 1,
          }),
        ),
      ),
    );
    const written = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    assert.equal(written.length, 1);
    assert.equal(refused.length, 9);
    for (const r of refused) {
      assert.ok(r.reason instanceof StaleVersionError, String(r.reason));
      assert.equal(r.reason.currentVersion, 2);
    }
    assert.deepEqual(await versionsOf(recordId), [{ version: 1 }]);
  });
});
