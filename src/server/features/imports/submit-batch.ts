/**
 * Submitting a staged batch, all in the caller's one transaction: duplicates are flagged again (records may have
 * been stored since the upload), the report is created in draft with the batch's header and sharing answers, the
 * importable rows become seizure records, the original file is linked to the report, and the summary is kept on
 * the batch with an `imported` report event and an audit entry. Any failure rolls all of it back.
 */
import { DUPLICATE_CODES, type SubmitResult } from '../../../shared/imports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError } from '../../errors.ts';
import { createReport } from '../reports/create-report.ts';
import { actorIdOf, type ReportContext } from '../reports/report-context.ts';
import { recordReportEvent } from '../reports/report-events.ts';
import {
  insertSeizureRecords,
  stampReportOnRecords,
  type NewSeizureRecord,
} from '../reports/seizure-records.repo.ts';
import { mayPublish } from './imports.policy.ts';
import { outcomeOf, problemKey } from './check-rows.ts';
import { createInFileDuplicates, type FirstRowOf } from './in-file-duplicates.ts';
import { loadStagedBatch } from './review-batch.ts';
import { CHUNK_ROWS, type Progress } from './stage-upload.ts';
import { readRows, updateValidatedRows, type StagedRow } from './staging.repo.ts';

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
  if (options.publish && !mayPublish(ctx.actor)) throw new ForbiddenError();
  const party = batch.party.trim();
  // Duplicates are checked again (records may have been stored since the upload); the rest of each row's check
  // stands from the upload or its last edit (POST /:id/validate re-checks everything on request).
  const storedBefore = await storedFingerprintsOf(tx, batch.id);

  const report = await createReport(tx, ctx, {
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
  });

  const actorId = actorIdOf(ctx.actor);
  const inFile = createInFileDuplicates(batch.id);
  const tally = { import: 0, reject: 0, duplicate: 0 };
  let after = 0;
  for (;;) {
    const rows = await readRows(tx, batch.id, after, CHUNK_ROWS);
    if (rows.length === 0) break;
    after = rows.at(-1)!.rowNumber;
    const importable = rows.filter((row) => row.outcome !== 'reject');
    const firstRowOf = await inFile.forChunk(tx, importable);
    const changed = importable.filter((row) => recheckDuplicates(row, firstRowOf, storedBefore));
    await updateValidatedRows(tx, batch.id, changed);
    const records: NewSeizureRecord[] = [];
    for (const row of rows) {
      tally[row.outcome] += 1;
      if (row.outcome !== 'import') continue;
      // What the Party wrote: every column, the canonical ones and those the importer did not know.
      records.push({
        values: row.values,
        original: { ...row.extra, ...row.cells },
        sourceRow: row.rowNumber,
      });
    }
    await insertSeizureRecords(tx, report, records, actorId);
    options.onProgress?.(tally.import);
  }
  const imported = tally.import;
  const counts = {
    total: tally.import + tally.reject + tally.duplicate,
    blocking: tally.reject,
    duplicates: tally.duplicate,
  };

  const summary: SubmitResult = {
    reportId: report.id,
    reportStatus: 'draft',
    imported,
    rejected: counts.blocking,
    duplicates: counts.duplicates,
    total: counts.total,
  };
  if (batch.file_id)
    await tx
      .updateTable('report_files')
      .set({ report_id: report.id })
      .where('id', '=', batch.file_id)
      .execute();
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
    // Submitted and published in one step (mayPublish checked above): the records become visible under the
    // sharing answers from here on, so they carry the publication too.
    const now = ctx.clock();
    await tx
      .updateTable('reports')
      .set({
        status: 'published',
        submitted_on: now.toISOString().slice(0, 10),
        published_at: now,
        published_by: actorId,
        updated_at: now,
      })
      .where('id', '=', report.id)
      .execute();
    const published = await stampReportOnRecords(tx, { ...report, isPublished: true });
    await recordReportEvent(tx, ctx, {
      reportId: report.id,
      kind: 'submitted',
      details: { records: imported },
      auditAction: 'report.submit',
    });
    await recordReportEvent(tx, ctx, {
      reportId: report.id,
      kind: 'published',
      details: { records: published },
      auditAction: 'report.publish',
    });
    summary.reportStatus = 'published';
  }
  return summary;
}

/** Fingerprints of the batch's rows that match a record this Party already has (one indexed join). */
async function storedFingerprintsOf(tx: Tx, batchId: string): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('import_rows as r')
    .innerJoin('seizure_records as s', (join) =>
      join.onRef('s.reporting_party', '=', 'r.party').onRef('s.fingerprint', '=', 'r.fingerprint'),
    )
    .select('r.fingerprint')
    .distinct()
    .where('r.batch_id', '=', batchId)
    .where('r.outcome', '<>', 'reject')
    .execute();
  return new Set(rows.map((row) => row.fingerprint));
}

const DUPLICATES: readonly string[] = DUPLICATE_CODES;

/** Re-flags a row's duplicates against the file so far and the stored records; true when the row changed. */
function recheckDuplicates(row: StagedRow, firstRowOf: FirstRowOf, stored: ReadonlySet<string>): boolean {
  const before = JSON.stringify([row.problems, row.accepted, row.outcome]);
  const problems = row.problems.filter((p) => !DUPLICATES.includes(p.code));
  const first = firstRowOf(row.fingerprint, row.rowNumber);
  if (first !== undefined)
    problems.push({ column: null, code: 'duplicate_in_file', params: { first }, suggestion: null });
  if (stored.has(row.fingerprint))
    problems.push({ column: null, code: 'duplicate_stored', params: {}, suggestion: null });
  const keys = new Set(problems.map(problemKey));
  row.problems = problems;
  row.accepted = row.accepted.filter((key) => keys.has(key));
  row.outcome = outcomeOf(problems, row.accepted);
  return JSON.stringify([row.problems, row.accepted, row.outcome]) !== before;
}
