/** A report's history (`report_events`): one row per action, written in the action's transaction. */
import type { ReportEvent } from '../../../shared/reports.contract.ts';
import type { ReportEventKind } from '../../db/schema-reports.ts';
import type { Tx } from '../../db/with-actor.ts';
import { isoOf } from './reports.repo.ts';

export interface NewReportEvent {
  reportId: string;
  kind: ReportEventKind;
  actorId: string | null;
  actorLabel: string | null;
  occurredAt: Date;
  reason: string | null;
  details: Record<string, unknown>;
}

/** insert into report_events (report_id, kind, actor_id, actor_label, occurred_at, reason, details) values (…) */
export async function insertReportEvent(tx: Tx, event: NewReportEvent): Promise<void> {
  await tx
    .insertInto('report_events')
    .values({
      report_id: event.reportId,
      kind: event.kind,
      actor_id: event.actorId,
      actor_label: event.actorLabel,
      occurred_at: event.occurredAt,
      reason: event.reason,
      details: JSON.stringify(event.details),
    })
    .execute();
}

/** select … from report_events where report_id = $1 order by occurred_at, id */
export async function listReportEvents(tx: Tx, reportId: string): Promise<ReportEvent[]> {
  const rows = await tx
    .selectFrom('report_events')
    .select(['id', 'kind', 'actor_label', 'occurred_at', 'reason', 'details'])
    .where('report_id', '=', reportId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    actorLabel: row.actor_label,
    occurredAt: isoOf(row.occurred_at),
    reason: row.reason,
    details: row.details,
  }));
}
