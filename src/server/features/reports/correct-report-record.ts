/**
 * Correcting a record of a report. Checking and writing the correction is seizure-records' (correctRecordValues
 * keeps the earlier version whole); this use case adds the report: it must be visible and allow corrections,
 * corrections of one report are made one after the other, each from the version its author saw (a stale one is
 * refused with the current version), and each is a report event with its audit entry.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { CorrectRecord, RecordDetail } from '../../../shared/reports.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { ForbiddenError } from '../../errors.ts';
import { actorIdOf, actorLabelOf } from '../../lib/actor-names.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf } from '../audit/index.ts';
import { linkSeizurePermits } from '../permits/index.ts';
import { correctRecordValues } from '../seizure-records/index.ts';
import { readReportRecord } from './read-report-records.ts';
import { recordReportEvent } from './record-report-event.ts';
import type { ReportsDeps } from './reports-deps.ts';
import { lockReport } from './reports.repo.ts';

export async function correctReportRecord(
  deps: ReportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string; recordId: number } & CorrectRecord,
): Promise<RecordDetail> {
  const { id: reportId, recordId } = input;
  const corrected = await withActor(deps.db, actor, async (tx) => {
    const record = await readReportRecord(tx, actor, reportId, recordId);
    if (!record.abilities.includes('correct')) throw new ForbiddenError();
    // Corrections of one report are made one after the other (the report row is the lock).
    await lockReport(tx, actor, reportId);
    const version = await correctRecordValues(tx, record, {
      values: input.values,
      reason: input.reason,
      actorId: actorIdOf(actor),
      actorLabel: actorLabelOf(actor),
      expectedVersion: input.expectedVersion,
    });
    // Row-level security let the report through but not the record: the same refusal as the policy's.
    if (version === null) throw new ForbiddenError();
    await recordReportEvent(tx, auditContextOf(actor, deps.clock, request), {
      reportId,
      kind: 'record_corrected',
      reason: input.reason,
      details: { recordId, version },
      auditAction: 'report.record_correct',
    });
    return readReportRecord(tx, actor, reportId, recordId);
  });
  // The corrected text or country of export may name another permit, or another issuing Party.
  await linkSeizurePermits(deps, { recordIds: [recordId] });
  return corrected;
}
