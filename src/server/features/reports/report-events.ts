/** Writing a report's history: one event per action, in the action's transaction, next to its audit entry. */
import type { ReportEventKind } from '../../db/schema-reports.ts';
import type { Tx } from '../../db/with-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { actorIdOf, actorLabelOf, auditContextOf, type ReportContext } from './report-context.ts';

export async function recordReportEvent(
  tx: Tx,
  ctx: ReportContext,
  event: {
    reportId: string;
    kind: ReportEventKind;
    reason?: string | null;
    details?: Record<string, unknown>;
    /** The audit action; the event kind names it when not given. */
    auditAction?: string;
    auditDetails?: Record<string, unknown>;
  },
): Promise<void> {
  const details = event.details ?? {};
  await tx
    .insertInto('report_events')
    .values({
      report_id: event.reportId,
      kind: event.kind,
      actor_id: actorIdOf(ctx.actor),
      actor_label: actorLabelOf(ctx.actor),
      occurred_at: ctx.clock(),
      reason: event.reason ?? null,
      details: JSON.stringify(details),
    })
    .execute();
  await recordAudit(tx, auditContextOf(ctx), {
    action: event.auditAction ?? `report.${event.kind}`,
    targetType: 'report',
    targetId: event.reportId,
    details: { ...(event.auditDetails ?? details), ...(event.reason ? { reason: event.reason } : {}) },
  });
}
