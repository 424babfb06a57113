/** Editing a draft report's header and Part II; the event names the fields that changed, not their contents. */
import type { Actor } from '../../../shared/actor.ts';
import type { ReportDetail, UpdateReport } from '../../../shared/reports.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf } from '../audit/index.ts';
import { loadReportFor } from './load-report-for.ts';
import { readReportDetail } from './read-report-detail.ts';
import { recordReportEvent } from './record-report-event.ts';
import { updateReportHeader } from './report-changes.repo.ts';
import type { ReportsDeps } from './reports-deps.ts';

export async function updateReport(
  deps: ReportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string } & UpdateReport,
): Promise<ReportDetail> {
  const { id } = input;
  return withActor(deps.db, actor, async (tx) => {
    const report = await loadReportFor(tx, actor, id, 'edit');
    const before: Record<string, unknown> = {
      preparingAgency: report.preparingAgency,
      contributingAgencies: report.contributingAgencies,
      contactName: report.contactName,
      contactEmail: report.contactEmail,
      submittedOn: report.submittedOn,
    };
    const changed = Object.keys(before).filter(
      (key) => before[key] !== input.header[key as keyof UpdateReport['header']],
    );
    const partTwoChanged = Object.keys({ ...report.partTwo, ...input.partTwo }).filter(
      (key) =>
        (report.partTwo[key as keyof typeof report.partTwo] ?? '') !==
        (input.partTwo[key as keyof typeof input.partTwo] ?? ''),
    );
    await updateReportHeader(tx, id, { header: input.header, partTwo: input.partTwo }, deps.clock());
    await recordReportEvent(tx, auditContextOf(actor, deps.clock, request), {
      reportId: id,
      kind: 'header_changed',
      details: { fields: changed, partTwo: partTwoChanged },
      auditAction: 'report.update',
    });
    return readReportDetail(tx, actor, id);
  });
}
