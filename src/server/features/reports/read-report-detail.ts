/**
 * A report as the API shows it: the summary of the list, and one report's detail with its files, events, counts
 * and the caller's abilities. Steps inside a use case's transaction: every use case on one report answers with its
 * detail as it stands after the change.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { ReportDetail, ReportSummary } from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { listReportEvents } from './report-events.repo.ts';
import { listReportFiles } from './report-files.repo.ts';
import { reportAbilities } from './reports.policy.ts';
import { countCorrectedRecords, loadVisibleReport, type ReportRow } from './reports.repo.ts';

export function toSummary(row: ReportRow): ReportSummary {
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

export async function readReportDetail(tx: Tx, actor: Actor, id: string): Promise<ReportDetail> {
  const report = await loadVisibleReport(tx, actor, id);
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
    abilities: reportAbilities(actor, report),
  };
}
