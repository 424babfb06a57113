/**
 * Creating a report: the header, Part II and the Party's three sharing answers, in draft. A step inside the
 * caller's transaction: an import's submit reaches it through createReportWithRecords, and the records copy the
 * sharing answers from the stamp returned here.
 */
import type { NewReport } from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import { actorIdOf, actorLabelOf } from '../../lib/actor-names.ts';
import { recordAudit, type AuditContext } from '../audit/index.ts';
import type { ReportStamp } from '../seizure-records/index.ts';
import { insertReport } from './report-changes.repo.ts';
import { insertReportEvent } from './report-events.repo.ts';
import { canCreateReport } from './reports.policy.ts';

export async function createReport(tx: Tx, audit: AuditContext, input: NewReport): Promise<ReportStamp> {
  // Security: a user who may not write this Party's reports learns nothing (same answer as an unknown Party);
  // row-level security (reports_insert) refuses the row as well.
  if (!canCreateReport(audit.actor, input.party)) throw new NotFoundError();
  const now = audit.clock();
  const row = await insertReport(tx, input, actorIdOf(audit.actor), now);
  const details = { party: row.party, year: row.year, sharing: input.sharing };
  await insertReportEvent(tx, {
    reportId: row.id,
    kind: 'created',
    actorId: actorIdOf(audit.actor),
    actorLabel: actorLabelOf(audit.actor),
    occurredAt: now,
    reason: null,
    details,
  });
  await recordAudit(tx, audit, { action: 'report.create', targetType: 'report', targetId: row.id, details });
  return {
    id: row.id,
    party: row.party.trim(),
    year: row.year,
    isPublished: false,
    shareParties: row.share_parties,
    shareIccwc: row.share_iccwc,
    shareEtis: row.share_etis,
  };
}
