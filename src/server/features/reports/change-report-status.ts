/**
 * A report's status: submission by the Party (draft → submitted), publication by the Secretariat (submitted →
 * published) and return to draft. Publication and return to draft rewrite the records' copy of the flag, which is
 * what lets members and, by the sharing answers, other users see them. An import's submit runs the first two inside
 * its own transaction through the `…InTx` steps.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { ReportDetail } from '../../../shared/reports.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { actorIdOf } from '../../lib/actor-names.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, type AuditContext } from '../audit/index.ts';
import { stampReportOnRecords } from '../seizure-records/index.ts';
import { loadReportFor } from './load-report-for.ts';
import { readReportDetail } from './read-report-detail.ts';
import { recordReportEvent } from './record-report-event.ts';
import { markReportDraft, markReportPublished, markReportSubmitted } from './report-changes.repo.ts';
import type { ReportsDeps } from './reports-deps.ts';
import { stampOf } from './reports.repo.ts';

export async function submitReport(
  deps: ReportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string },
): Promise<ReportDetail> {
  return withActor(deps.db, actor, (tx) =>
    submitReportInTx(tx, auditContextOf(actor, deps.clock, request), input.id),
  );
}

export async function submitReportInTx(tx: Tx, audit: AuditContext, id: string): Promise<ReportDetail> {
  const report = await loadReportFor(tx, audit.actor, id, 'submit');
  const today = audit.clock().toISOString().slice(0, 10);
  await markReportSubmitted(tx, id, report.submittedOn ?? today, audit.clock());
  await recordReportEvent(tx, audit, {
    reportId: id,
    kind: 'submitted',
    details: { records: report.recordCount },
    auditAction: 'report.submit',
  });
  return readReportDetail(tx, audit.actor, id);
}

export async function publishReport(
  deps: ReportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string },
): Promise<ReportDetail> {
  return withActor(deps.db, actor, (tx) =>
    publishReportInTx(tx, auditContextOf(actor, deps.clock, request), input.id),
  );
}

export async function publishReportInTx(tx: Tx, audit: AuditContext, id: string): Promise<ReportDetail> {
  const report = await loadReportFor(tx, audit.actor, id, 'publish');
  await markReportPublished(tx, id, actorIdOf(audit.actor), audit.clock());
  // Security: publication is what lets members and, by the sharing answers, other users see the records.
  const records = await stampReportOnRecords(tx, { ...stampOf(report), isPublished: true });
  await recordReportEvent(tx, audit, {
    reportId: id,
    kind: 'published',
    details: { records },
    auditAction: 'report.publish',
  });
  return readReportDetail(tx, audit.actor, id);
}

export async function returnToDraft(
  deps: ReportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string; reason: string },
): Promise<ReportDetail> {
  const { id, reason } = input;
  return withActor(deps.db, actor, async (tx) => {
    const audit = auditContextOf(actor, deps.clock, request);
    const report = await loadReportFor(tx, actor, id, 'return_to_draft');
    await markReportDraft(tx, id, deps.clock());
    const records = await stampReportOnRecords(tx, { ...stampOf(report), isPublished: false });
    await recordReportEvent(tx, audit, {
      reportId: id,
      kind: 'returned_to_draft',
      reason,
      details: { from: report.status, records },
      auditAction: 'report.return_to_draft',
    });
    return readReportDetail(tx, actor, id);
  });
}
