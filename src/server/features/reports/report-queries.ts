/** Reading reports for the API: the list, one report's detail with its files, events and abilities. */
import type {
  ReportDetail,
  ReportList,
  ReportListQuery,
  ReportSummary,
} from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { auditContextOf, type ReportContext } from './report-context.ts';
import { reportAbilities } from './reports.policy.ts';
import {
  countCorrectedRecords,
  listReportEvents,
  listReportFiles,
  listVisibleReports,
  loadVisibleReport,
  type ReportRow,
} from './reports.repo.ts';

function toSummary(row: ReportRow): ReportSummary {
  return {
    id: row.id,
    party: row.party,
    year: row.year,
    status: row.status,
    sharing: { shareParties: row.shareParties, shareIccwc: row.shareIccwc, shareEtis: row.shareEtis },
    recordCount: row.recordCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
  };
}

export async function listReports(tx: Tx, ctx: ReportContext, query: ReportListQuery): Promise<ReportList> {
  const page = await listVisibleReports(tx, ctx.actor, query);
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}

export async function getReportDetail(tx: Tx, ctx: ReportContext, id: string): Promise<ReportDetail> {
  const report = await loadVisibleReport(tx, ctx.actor, id);
  const [files, events, corrected] = [
    await listReportFiles(tx, id),
    await listReportEvents(tx, id),
    await countCorrectedRecords(tx, id),
  ];
  return {
    ...toSummary(report),
    header: {
      preparingAgency: report.preparingAgency,
      contributingAgencies: report.contributingAgencies,
      contactName: report.contactName,
      contactEmail: report.contactEmail,
      submittedOn: report.submittedOn,
    },
    partTwo: report.partTwo,
    counts: { records: report.recordCount, corrected },
    files,
    events,
    abilities: reportAbilities(ctx.actor, report),
  };
}

/** Opening a report is a record view (DESIGN §4, audit log): the audit entry says who looked at which report. */
export async function viewReport(tx: Tx, ctx: ReportContext, id: string): Promise<ReportDetail> {
  const detail = await getReportDetail(tx, ctx, id);
  await recordAudit(tx, auditContextOf(ctx), { action: 'report.view', targetType: 'report', targetId: id });
  return detail;
}
