/**
 * Submitting a staged batch, all in the caller's one transaction: every row is checked again (stored data may have
 * changed since the upload), the report is created in draft with the batch's header and sharing answers, the
 * importable rows become seizure records, the original file is linked to the report, and the summary is kept on
 * the batch with an `imported` report event and an audit entry. Any failure rolls all of it back.
 */
import type { SubmitResult } from '../../../shared/imports.contract.ts';
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
import { loadStagedBatch, revalidateBatch } from './review-batch.ts';
import { CHUNK_ROWS, type Progress } from './stage-upload.ts';
import { countRows, readRows } from './staging.repo.ts';

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
  await revalidateBatch(tx, ctx, batch);
  const counts = await countRows(tx, batch.id);

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
  let after = 0;
  let imported = 0;
  for (;;) {
    const rows = await readRows(tx, batch.id, after, CHUNK_ROWS, 'import');
    if (rows.length === 0) break;
    after = rows.at(-1)!.rowNumber;
    const records: NewSeizureRecord[] = rows.map((row) => ({
      values: row.values,
      // What the Party wrote: every column, the canonical ones and those the importer did not know.
      original: { ...row.extra, ...row.cells },
      sourceRow: row.rowNumber,
    }));
    imported += (await insertSeizureRecords(tx, report, records, actorId)).length;
    options.onProgress?.(imported);
  }

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
