/**
 * The files reports come from (`report_files`): an upload is kept whole before any report exists, then linked to
 * the report its submit creates. Runs in the caller's transaction; row-level security decides who may.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/with-actor.ts';

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
