/**
 * Submitting a staged batch, all in the caller's one transaction: duplicates are flagged again (records may have
 * been stored since the upload), the report is created in draft with the batch's header and sharing answers, the
 * importable rows become seizure records, the original file is linked to the report, and the summary is kept on
 * the batch with an `imported` report event and an audit entry. Any failure rolls all of it back.
 */
import { DUPLICATE_CODES, type SubmitResult } from '../../../shared/imports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError } from '../../errors.ts';
import {
  createReportWithRecords,
  mayPublishReports,
  publishReport,
  recordReportEvent,
  submitReport,
  type ReportContext,
} from '../reports/index.ts';
import { outcomeOf, problemKey } from './check-rows.ts';
import { loadStagedBatch } from './review-batch.ts';
import { CHUNK_ROWS, type Progress } from './stage-upload.ts';
import { stagedRecordSource } from './staged-records.repo.ts';
import {
  countRows,
  findDuplicateCandidates,
  lastRowNumber,
  readRowsNumbered,
  updateValidatedRows,
  type DuplicateCandidate,
  type StagedRow,
} from './staging.repo.ts';

/**
 * Row numbers per insert statement. The figures trigger reads each statement's new rows from a transition table,
 * which stays in memory up to work_mem (4 MB by default) and goes to a temporary file beyond it.
 */
const RECORD_CHUNK_ROWS = 2000;

export interface SubmitOptions {
  /** Submit and publish the report at once (the Secretariat's or the system's, e.g. `itd import report --publish`). */
  publish?: boolean;
  /** Records written so far (a progress bar); an error thrown here aborts the submit like any other failure. */
  onProgress?: Progress;
}

export async function submitBatch(
  tx: Tx,
  ctx: ReportContext,
  id: string,
  options: SubmitOptions = {},
): Promise<SubmitResult> {
  const batch = await loadStagedBatch(tx, ctx, id);
  if (options.publish && !mayPublishReports(ctx.actor)) throw new ForbiddenError();
  const party = batch.party.trim();
  // Duplicates are checked again (records may have been stored since the upload); the rest of each row's check
  // stands from the upload or its last edit (POST /:id/validate re-checks everything on request).
  const lastRow = await lastRowNumber(tx, batch.id);
  await recheckDuplicates(tx, batch.id, lastRow);

  const counts = await countRows(tx, batch.id);
  const { report, written: imported } = await createReportWithRecords(tx, ctx, {
    report: {
      party,
      year: batch.year,
      header: {
        preparingAgency: batch.preparing_agency,
        contributingAgencies: batch.contributing_agencies,
        contactName: batch.contact_name,
        contactEmail: batch.contact_email,
        submittedOn: null,
      },
      partTwo: {},
      sharing: {
        shareParties: batch.share_parties,
        shareIccwc: batch.share_iccwc,
        shareEtis: batch.share_etis,
      },
    },
    sources: recordChunks(batch.id, lastRow),
    fileId: batch.file_id,
    onProgress: options.onProgress,
  });
  // The rows were counted before the insert, in the same transaction: a difference is a fault, not a race.
  if (imported !== counts.ready) throw new Error(`submit wrote ${imported} records for ${counts.ready} rows`);

  const summary: SubmitResult = {
    reportId: report.id,
    reportStatus: 'draft',
    imported,
    rejected: counts.blocking,
    duplicates: counts.duplicates,
    total: counts.total,
  };
  await tx
    .updateTable('import_batches')
    .set({
      status: 'submitted',
      report_id: report.id,
      submitted_at: ctx.clock(),
      updated_at: ctx.clock(),
      summary: JSON.stringify({
        imported,
        rejected: summary.rejected,
        duplicates: summary.duplicates,
        total: summary.total,
      }),
    })
    .where('id', '=', batch.id)
    .execute();
  await recordReportEvent(tx, ctx, {
    reportId: report.id,
    kind: 'imported',
    details: { batchId: batch.id, fileName: batch.file_name, ...summary },
    auditAction: 'import.submit',
    auditDetails: {
      batchId: batch.id,
      imported,
      rejected: summary.rejected,
      duplicates: summary.duplicates,
      total: summary.total,
    },
  });
  if (options.publish) {
    // Submitted and published in one step, through the report's own lifecycle (the same checks, events and audit
    // entries as from its page): the records become visible under the sharing answers from here on.
    await submitReport(tx, ctx, report.id);
    await publishReport(tx, ctx, report.id);
    summary.reportStatus = 'published';
  }
  return summary;
}

/** The batch's importable rows, RECORD_CHUNK_ROWS row numbers per insert statement. */
function* recordChunks(batchId: string, lastRow: number) {
  for (let after = 0; after < lastRow; after += RECORD_CHUNK_ROWS)
    yield stagedRecordSource(batchId, { after, upTo: after + RECORD_CHUNK_ROWS });
}

/**
 * Flags duplicates again against the file and the records stored by now. Only the rows that have a twin or carry a
 * duplicate flag can change (findDuplicateCandidates), so a submit reads those rows and no others.
 */
async function recheckDuplicates(tx: Tx, batchId: string, lastRow: number): Promise<void> {
  for (let after = 0; after < lastRow; after += CHUNK_ROWS) {
    const range = { after, upTo: after + CHUNK_ROWS };
    const candidates = await findDuplicateCandidates(tx, batchId, range);
    const byRow = new Map(candidates.map((c) => [c.rowNumber, c]));
    const rows = await readRowsNumbered(tx, batchId, range, [...byRow.keys()]);
    const changed = rows.filter((row) => reflagDuplicates(row, byRow.get(row.rowNumber)!));
    await updateValidatedRows(tx, batchId, changed);
  }
}

const DUPLICATES: readonly string[] = DUPLICATE_CODES;

/** Sets a row's duplicate flags to what its twins now say; true when the row changed. */
function reflagDuplicates(row: StagedRow, twins: DuplicateCandidate): boolean {
  const before = flagsOf(row);
  const problems = row.problems.filter((p) => !DUPLICATES.includes(p.code));
  if (twins.first !== null)
    problems.push({
      column: null,
      code: 'duplicate_in_file',
      params: { first: twins.first },
      suggestion: null,
    });
  if (twins.stored) problems.push({ column: null, code: 'duplicate_stored', params: {}, suggestion: null });
  const keys = new Set(problems.map(problemKey));
  row.problems = problems;
  row.accepted = row.accepted.filter((key) => keys.has(key));
  row.outcome = outcomeOf(problems, row.accepted);
  return flagsOf(row) !== before;
}

/**
 * A row's problems, accepted warnings and outcome as one comparable text. Problems read back from jsonb have their
 * keys in jsonb's order, not in the order they were written: each is written out field by field.
 */
function flagsOf(row: StagedRow): string {
  const problems = row.problems.map((p) => [p.code, p.column, JSON.stringify(p.params), p.suggestion]);
  return JSON.stringify([problems, row.accepted, row.outcome]);
}
