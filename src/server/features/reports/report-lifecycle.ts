/**
 * What happens to a report after it is created: header and Part II edits while a draft, sharing changes (copied to
 * every record), submission by the Party, publication and return to draft by the Secretariat. Each action checks
 * the report policy (a report the caller may not see is a 404; one they may see but not change is a 403), writes a
 * report event and an audit entry in the same transaction.
 */
import type {
  ChangeSharing,
  ReportAbility,
  ReportDetail,
  UpdateReport,
} from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { AppError, ForbiddenError } from '../../errors.ts';
import { actorIdOf, type ReportContext } from './report-context.ts';
import { recordReportEvent } from './report-events.ts';
import { getReportDetail } from './report-queries.ts';
import { isClosedToActor, reportAbilities } from './reports.policy.ts';
import { loadVisibleReport, lockReport, stampOf, type ReportRow } from './reports.repo.ts';
import { stampReportOnRecords } from '../seizure-records/index.ts';

async function loadFor(tx: Tx, ctx: ReportContext, id: string, ability: ReportAbility): Promise<ReportRow> {
  const visible = await loadVisibleReport(tx, ctx.actor, id);
  const report = reportAbilities(ctx.actor, visible).includes(ability)
    ? await lockReport(tx, ctx.actor, id)
    : visible;
  if (!reportAbilities(ctx.actor, report).includes(ability)) {
    // A state the action does not fit (already published, not yet submitted) is a conflict, not a refusal.
    const wouldFit =
      !isClosedToActor(ctx.actor, report) &&
      reportAbilities(ctx.actor, { ...report, status: stateFor(ability) }).includes(ability);
    throw wouldFit ? new AppError('conflict', 409, { status: report.status }) : new ForbiddenError();
  }
  return report;
}

function stateFor(ability: ReportAbility): ReportRow['status'] {
  if (ability === 'publish') return 'submitted';
  if (ability === 'return_to_draft') return 'submitted';
  return 'draft';
}

export async function updateReport(
  tx: Tx,
  ctx: ReportContext,
  id: string,
  input: UpdateReport,
): Promise<ReportDetail> {
  const report = await loadFor(tx, ctx, id, 'edit');
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
  await tx
    .updateTable('reports')
    .set({
      preparing_agency: input.header.preparingAgency,
      contributing_agencies: input.header.contributingAgencies,
      contact_name: input.header.contactName,
      contact_email: input.header.contactEmail,
      submitted_on: input.header.submittedOn,
      part_two: JSON.stringify(input.partTwo),
      updated_at: ctx.clock(),
    })
    .where('id', '=', id)
    .execute();
  // The event names the fields that changed, not their contents (the report keeps those).
  await recordReportEvent(tx, ctx, {
    reportId: id,
    kind: 'header_changed',
    details: { fields: changed, partTwo: partTwoChanged.map((heading) => heading) },
    auditAction: 'report.update',
  });
  return getReportDetail(tx, ctx, id);
}

export async function changeSharing(
  tx: Tx,
  ctx: ReportContext,
  id: string,
  input: ChangeSharing,
): Promise<ReportDetail> {
  const report = await loadFor(tx, ctx, id, 'change_sharing');
  const from = {
    shareParties: report.shareParties,
    shareIccwc: report.shareIccwc,
    shareEtis: report.shareEtis,
  };
  const to = { shareParties: input.shareParties, shareIccwc: input.shareIccwc, shareEtis: input.shareEtis };
  if (JSON.stringify(from) === JSON.stringify(to)) return getReportDetail(tx, ctx, id);
  await tx
    .updateTable('reports')
    .set({
      share_parties: to.shareParties,
      share_iccwc: to.shareIccwc,
      share_etis: to.shareEtis,
      updated_at: ctx.clock(),
    })
    .where('id', '=', id)
    .execute();
  // Security: the records carry the answers the sharing rule reads, so they change in the same transaction.
  const records = await stampReportOnRecords(tx, stampOf({ ...report, ...to }));
  await recordReportEvent(tx, ctx, {
    reportId: id,
    kind: 'sharing_changed',
    reason: input.reason,
    details: { from, to, records },
    auditAction: 'report.sharing_change',
  });
  return getReportDetail(tx, ctx, id);
}

export async function submitReport(tx: Tx, ctx: ReportContext, id: string): Promise<ReportDetail> {
  const report = await loadFor(tx, ctx, id, 'submit');
  const today = ctx.clock().toISOString().slice(0, 10);
  await tx
    .updateTable('reports')
    .set({ status: 'submitted', submitted_on: report.submittedOn ?? today, updated_at: ctx.clock() })
    .where('id', '=', id)
    .execute();
  await recordReportEvent(tx, ctx, {
    reportId: id,
    kind: 'submitted',
    details: { records: report.recordCount },
    auditAction: 'report.submit',
  });
  return getReportDetail(tx, ctx, id);
}

export async function publishReport(tx: Tx, ctx: ReportContext, id: string): Promise<ReportDetail> {
  const report = await loadFor(tx, ctx, id, 'publish');
  const now = ctx.clock();
  await tx
    .updateTable('reports')
    .set({ status: 'published', published_at: now, published_by: actorIdOf(ctx.actor), updated_at: now })
    .where('id', '=', id)
    .execute();
  // Security: publication is what lets members and, by the sharing answers, other users see the records.
  const records = await stampReportOnRecords(tx, { ...stampOf(report), isPublished: true });
  await recordReportEvent(tx, ctx, {
    reportId: id,
    kind: 'published',
    details: { records },
    auditAction: 'report.publish',
  });
  return getReportDetail(tx, ctx, id);
}

export async function returnToDraft(
  tx: Tx,
  ctx: ReportContext,
  id: string,
  reason: string,
): Promise<ReportDetail> {
  const report = await loadFor(tx, ctx, id, 'return_to_draft');
  await tx
    .updateTable('reports')
    .set({ status: 'draft', published_at: null, published_by: null, updated_at: ctx.clock() })
    .where('id', '=', id)
    .execute();
  const records = await stampReportOnRecords(tx, { ...stampOf(report), isPublished: false });
  await recordReportEvent(tx, ctx, {
    reportId: id,
    kind: 'returned_to_draft',
    reason,
    details: { from: report.status, records },
    auditAction: 'report.return_to_draft',
  });
  return getReportDetail(tx, ctx, id);
}
