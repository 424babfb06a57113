/**
 * What the rest of the platform may use of reports: the routes; creating a report with its records and keeping an
 * uploaded file, inside an import's transaction; the lifecycle steps an import's `--publish` runs in the same
 * transaction; the report's history; the rules of who may create and publish. Nothing else of this folder is
 * imported from outside it; the records themselves belong to seizure-records.
 */
export { reportRoutes } from './reports.routes.ts';
export type { ReportsDeps } from './reports-deps.ts';
export { createReport } from './create-report.ts';
export { createReportWithRecords, type ReportWithRecords } from './create-report-with-records.ts';
export { keepUploadedFile } from './keep-uploaded-file.ts';
export { recordReportEvent } from './record-report-event.ts';
export { publishReportInTx, submitReportInTx } from './change-report-status.ts';
export { canCreateReport, mayPublishReports } from './reports.policy.ts';
