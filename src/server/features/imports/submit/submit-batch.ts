/**
 * Submitting a staged batch, all in one transaction: duplicates are flagged again (records may have been stored
 * since the upload), the report is created in draft with the batch's header and sharing answers, the importable
 * rows become seizure records, the original file is linked to the report, and the summary is kept on the batch
 * with an `imported` report event and an audit entry. Any failure rolls all of it back.
 */
import type { Actor } from '../../../../shared/actor.ts';
import type { SubmitResult } from '../../../../shared/imports.contract.ts';
import { withActor, type Tx } from '../../../db/with-actor.ts';
import { ForbiddenError, ValidationError } from '../../../errors.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, type AuditContext } from '../../audit/index.ts';
import {
  createReportWithRecords,
  mayPublishReports,
  publishReportInTx,
  recordReportEvent,
  submitReportInTx,
} from '../../reports/index.ts';
import { linkSeizurePermits } from '../../permits/index.ts';
import type { ImportsDeps, Progress } from '../imports-deps.ts';
import { loadStagedBatch } from '../load-batch.ts';
import { markBatchSubmitted } from '../staged-batches.repo.ts';
import { countRows, lastRowNumber } from '../staged-rows.repo.ts';
import { recheckDuplicates } from './recheck-duplicates.ts';
import { stagedRecordSource } from './staged-records.repo.ts';

/**
 * Row numbers per insert statement. The figures trigger reads each statement's new rows from a transition table,
 * which stays in memory up to work_mem (4 MB by default) and goes to a temporary file beyond it.
 */
const RECORD_CHUNK_ROWS = 2000;

export interface SubmitBatchInput {
  id: string;
  /** Submit and publish the report at once (the Secretariat's or the system's, e.g. `itd import report --publish`). */
  publish?: boolean | undefined;
  /** Records written so far (a progress bar); an error thrown here aborts the submit like any other failure. */
  onProgress?: Progress | undefined;
}

export async function submitBatch(
  deps: ImportsDeps,
  actor: Actor,
  request: RequestContext,
  input: SubmitBatchInput,
): Promise<SubmitResult> {
  const summary = await withActor(deps.db, actor, (tx) =>
    submitBatchInTx(tx, auditContextOf(actor, deps.clock, request), input),
  );
  // The permit numbers the new records name are matched to the registry (the platform's own derived data).
  await linkSeizurePermits(deps, { reportId: summary.reportId });
  return summary;
}

async function submitBatchInTx(tx: Tx, audit: AuditContext, input: SubmitBatchInput): Promise<SubmitResult> {
  const batch = await loadStagedBatch(tx, audit.actor, input.id);
  if (input.publish && !mayPublishReports(audit.actor)) throw new ForbiddenError();
  const party = batch.party.trim();
  // Duplicates are checked again (records may have been stored since the upload); the rest of each row's check
  // stands from the upload or its last edit (POST /:id/validate re-checks everything on request).
  const lastRow = await lastRowNumber(tx, batch.id);
  await recheckDuplicates(tx, batch.id, lastRow);

  const counts = await countRows(tx, batch.id);
  // A file whose rows are all rejected or duplicates (a re-import, typically) makes no empty draft report.
  if (counts.ready === 0)
    throw new ValidationError([
      {
        field: 'file',
        reason: 'import_nothing_to_import',
        params: { rejected: counts.blocking, duplicates: counts.duplicates, total: counts.total },
      },
    ]);
  const { report, written } = await createReportWithRecords(tx, audit, {
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
    onProgress: input.onProgress,
  });
  // The rows were counted before the insert, in the same transaction: a difference is a fault, not a race.
  if (written !== counts.records)
    throw new Error(
      `submit wrote ${written} records for ${counts.records} expected from ${counts.ready} rows`,
    );
  const imported = counts.ready;

  const summary: SubmitResult = {
    reportId: report.id,
    reportStatus: 'draft',
    imported,
    rejected: counts.blocking,
    duplicates: counts.duplicates,
    total: counts.total,
  };
  const totals = {
    imported,
    rejected: summary.rejected,
    duplicates: summary.duplicates,
    total: summary.total,
  };
  await markBatchSubmitted(tx, batch.id, { reportId: report.id, summary: totals }, audit.clock);
  await recordReportEvent(tx, audit, {
    reportId: report.id,
    kind: 'imported',
    details: { batchId: batch.id, fileName: batch.file_name, ...summary },
    auditAction: 'import.submit',
    auditDetails: { batchId: batch.id, ...totals },
  });
  if (input.publish) {
    // Submitted and published in one step, through the report's own lifecycle (the same checks, events and audit
    // entries as from its page): the records become visible under the sharing answers from here on.
    await submitReportInTx(tx, audit, report.id);
    await publishReportInTx(tx, audit, report.id);
    summary.reportStatus = 'published';
  }
  return summary;
}

/** The batch's importable rows, RECORD_CHUNK_ROWS row numbers per insert statement. */
function* recordChunks(batchId: string, lastRow: number) {
  for (let after = 0; after < lastRow; after += RECORD_CHUNK_ROWS)
    yield stagedRecordSource(batchId, { after, upTo: after + RECORD_CHUNK_ROWS });
}
