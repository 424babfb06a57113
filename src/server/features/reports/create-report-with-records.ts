/**
 * A report and its records in one step, for a feature that brings both (an import's submit): the report is created
 * in draft, the records are written from the sources the caller names (seizure-records RecordSource, one statement
 * each), and the upload they came from becomes the report's original file. All in the caller's transaction.
 */
import type { NewReport } from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { actorIdOf } from '../../lib/actor-names.ts';
import type { AuditContext } from '../audit/index.ts';
import { insertRecordsFrom, type RecordSource, type ReportStamp } from '../seizure-records/index.ts';
import { createReport } from './create-report.ts';
import { linkReportFile } from './report-files.repo.ts';

export interface ReportWithRecords {
  report: NewReport;
  /** The records, a statement's worth each, in the order they are to be written. */
  sources: Iterable<RecordSource>;
  /** The kept upload (keepUploadedFile) the report comes from, if any. */
  fileId: string | null;
  /** Records written so far; an error thrown here aborts like any other failure. */
  onProgress?: ((written: number) => void) | undefined;
}

export async function createReportWithRecords(
  tx: Tx,
  audit: AuditContext,
  input: ReportWithRecords,
): Promise<{ report: ReportStamp; written: number }> {
  const report = await createReport(tx, audit, input.report);
  const actorId = actorIdOf(audit.actor);
  let written = 0;
  for (const source of input.sources) {
    written += await insertRecordsFrom(tx, report, source, actorId);
    input.onProgress?.(written);
  }
  if (input.fileId) await linkReportFile(tx, input.fileId, report.id);
  return { report, written };
}
