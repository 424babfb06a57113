/** Opening a report is a record view (DESIGN §4, audit log): the audit entry says who looked at which report. */
import type { Actor } from '../../../shared/actor.ts';
import type { ReportDetail } from '../../../shared/reports.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { readReportDetail } from './read-report-detail.ts';
import { READS_ONLY, type ReportsDeps } from './reports-deps.ts';

export async function viewReport(
  deps: ReportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string },
): Promise<ReportDetail> {
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      const detail = await readReportDetail(tx, actor, input.id);
      await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
        action: 'report.view',
        targetType: 'report',
        targetId: input.id,
      });
      return detail;
    },
    READS_ONLY,
  );
}
