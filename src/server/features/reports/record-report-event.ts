/**
 * Writing a report's history: one event per action, in the action's transaction, next to its audit entry. A step
 * of the use cases that change a report (and of an import's submit), never called by a route.
 */
import type { ReportEventKind } from '../../db/schema-reports.ts';
import type { Tx } from '../../db/with-actor.ts';
import { actorIdOf, actorLabelOf } from '../../lib/actor-names.ts';
import { recordAudit, type AuditContext } from '../audit/index.ts';
import { insertReportEvent } from './report-events.repo.ts';

export async function recordReportEvent(
  tx: Tx,
  audit: AuditContext,
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
  await insertReportEvent(tx, {
    reportId: event.reportId,
    kind: event.kind,
    actorId: actorIdOf(audit.actor),
    actorLabel: actorLabelOf(audit.actor),
    occurredAt: audit.clock(),
    reason: event.reason ?? null,
    details,
  });
  await recordAudit(tx, audit, {
    action: event.auditAction ?? `report.${event.kind}`,
    targetType: 'report',
    targetId: event.reportId,
    details: { ...(event.auditDetails ?? details), ...(event.reason ? { reason: event.reason } : {}) },
  });
}
