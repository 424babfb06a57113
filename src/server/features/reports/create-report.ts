/**
 * Creating a report: the header, Part II and the Party's three sharing answers, in draft. The import service
 * calls it through createReportWithRecords when a staged file is submitted; the records copy
 * the sharing answers from the stamp returned here.
 */
import type { NewReport } from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { actorIdOf, actorLabelOf, auditContextOf, type ReportContext } from './report-context.ts';
import { canCreateReport } from './reports.policy.ts';
import type { ReportStamp } from '../seizure-records/index.ts';

export async function createReport(tx: Tx, ctx: ReportContext, input: NewReport): Promise<ReportStamp> {
  // Security: a user who may not write this Party's reports learns nothing (same answer as an unknown Party);
  // row-level security (reports_insert) refuses the row as well.
  if (!canCreateReport(ctx.actor, input.party)) throw new NotFoundError();
  const actorId = actorIdOf(ctx.actor);
  const now = ctx.clock();
  const row = await tx
    .insertInto('reports')
    .values({
      party: input.party,
      year: input.year,
      status: 'draft',
      preparing_agency: input.header.preparingAgency,
      contributing_agencies: input.header.contributingAgencies,
      contact_name: input.header.contactName,
      contact_email: input.header.contactEmail,
      submitted_on: input.header.submittedOn,
      part_two: JSON.stringify(input.partTwo),
      share_parties: input.sharing.shareParties,
      share_iccwc: input.sharing.shareIccwc,
      share_etis: input.sharing.shareEtis,
      created_by: actorId,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'party', 'year', 'share_parties', 'share_iccwc', 'share_etis'])
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('report_events')
    .values({
      report_id: row.id,
      kind: 'created',
      actor_id: actorId,
      actor_label: actorLabelOf(ctx.actor),
      occurred_at: now,
      details: JSON.stringify({ party: row.party, year: row.year, sharing: input.sharing }),
    })
    .execute();
  await recordAudit(tx, auditContextOf(ctx), {
    action: 'report.create',
    targetType: 'report',
    targetId: row.id,
    details: { party: row.party, year: row.year, sharing: input.sharing },
  });
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
