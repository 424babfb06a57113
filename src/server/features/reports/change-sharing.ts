/**
 * Changing a report's three sharing answers. The records carry copies of the answers (the sharing rule reads a
 * record alone), so they are rewritten in the same transaction, with an event and an audit entry.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { ChangeSharing, ReportDetail } from '../../../shared/reports.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf } from '../audit/index.ts';
import { stampReportOnRecords } from '../seizure-records/index.ts';
import { loadReportFor } from './load-report-for.ts';
import { readReportDetail } from './read-report-detail.ts';
import { recordReportEvent } from './record-report-event.ts';
import { updateReportSharing } from './report-changes.repo.ts';
import type { ReportsDeps } from './reports-deps.ts';
import { stampOf } from './reports.repo.ts';

export async function changeSharing(
  deps: ReportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string } & ChangeSharing,
): Promise<ReportDetail> {
  const { id } = input;
  return withActor(deps.db, actor, async (tx) => {
    const report = await loadReportFor(tx, actor, id, 'change_sharing');
    const from = {
      shareParties: report.shareParties,
      shareIccwc: report.shareIccwc,
      shareEtis: report.shareEtis,
    };
    const to = { shareParties: input.shareParties, shareIccwc: input.shareIccwc, shareEtis: input.shareEtis };
    if (JSON.stringify(from) === JSON.stringify(to)) return readReportDetail(tx, actor, id);
    await updateReportSharing(tx, id, to, deps.clock());
    // Security: the records carry the answers the sharing rule reads, so they change in the same transaction.
    const records = await stampReportOnRecords(tx, stampOf({ ...report, ...to }));
    await recordReportEvent(tx, auditContextOf(actor, deps.clock, request), {
      reportId: id,
      kind: 'sharing_changed',
      reason: input.reason,
      details: { from, to, records },
      auditAction: 'report.sharing_change',
    });
    return readReportDetail(tx, actor, id);
  });
}
