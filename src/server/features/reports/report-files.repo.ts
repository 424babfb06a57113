/**
 * The files reports come from (`report_files`): an upload is kept whole before any report exists, then linked to
 * the report its submit creates. Runs in the caller's transaction; row-level security decides who may.
 */
import { createHash } from 'node:crypto';
import type { ReportFileInfo } from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { isoOf } from './reports.repo.ts';

export interface UploadedFile {
  party: string;
  fileName: string;
  mediaType: string;
  content: Buffer;
  uploadedBy: string | null;
}

/** Keeps an uploaded file, not yet part of a report; returns its id. */
export async function insertReportFile(tx: Tx, file: UploadedFile): Promise<string> {
  const row = await tx
    .insertInto('report_files')
    .values({
      report_id: null,
      party: file.party,
      file_name: file.fileName,
      media_type: file.mediaType,
      size_bytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      uploaded_by: file.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Makes a kept upload the original file of a report. */
export async function linkReportFile(tx: Tx, fileId: string, reportId: string): Promise<void> {
  await tx.updateTable('report_files').set({ report_id: reportId }).where('id', '=', fileId).execute();
}

/** The files of a report, oldest first, without their bytes. */
export async function listReportFiles(tx: Tx, reportId: string): Promise<ReportFileInfo[]> {
  const rows = await tx
    .selectFrom('report_files')
    .select(['id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploaded_at'])
    .where('report_id', '=', reportId)
    .orderBy('uploaded_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: isoOf(row.uploaded_at),
  }));
}

/** One file of a report with its bytes: select … from report_files where id = $1 and report_id = $2 */
export async function selectReportFile(tx: Tx, reportId: string, fileId: string) {
  return tx
    .selectFrom('report_files')
    .select(['file_name', 'media_type', 'content', 'size_bytes'])
    .where('id', '=', fileId)
    .where('report_id', '=', reportId)
    .executeTakeFirst();
}
