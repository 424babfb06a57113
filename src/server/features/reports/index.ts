/**
 * What other features may use of reports: creating a report (with its records), keeping an uploaded file, the
 * lifecycle steps, the report's history, and the rules of who may create and publish. Nothing else of this folder
 * is imported from outside it; the records themselves belong to seizure-records.
 */
import type { Tx } from '../../db/with-actor.ts';
import { actorIdOf, type ReportContext } from './report-context.ts';
import { insertReportFile } from './report-files.repo.ts';

export { createReport } from './create-report.ts';
export { createReportWithRecords, type ReportWithRecords } from './create-report-with-records.ts';
export { recordReportEvent } from './report-events.ts';
export { publishReport, submitReport } from './report-lifecycle.ts';
export { canCreateReport, mayPublishReports } from './reports.policy.ts';
export { actorIdOf, actorLabelOf, auditContextOf, type ReportContext } from './report-context.ts';

/** Keeps an upload whole before any report exists (DESIGN §5, originals are kept); returns the file's id. */
export function keepUploadedFile(
  tx: Tx,
  ctx: ReportContext,
  file: { party: string; fileName: string; mediaType: string; content: Buffer },
): Promise<string> {
  return insertReportFile(tx, { ...file, uploadedBy: actorIdOf(ctx.actor) });
}
