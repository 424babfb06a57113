/** The original file a report was imported from, byte for byte, for download (never shown inline). */
import type { Tx } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { auditContextOf, type ReportContext } from './report-context.ts';
import { loadVisibleReport } from './reports.repo.ts';

export interface ReportFileContent {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

export async function downloadReportFile(
  tx: Tx,
  ctx: ReportContext,
  reportId: string,
  fileId: string,
): Promise<ReportFileContent> {
  await loadVisibleReport(tx, ctx.actor, reportId);
  const file = await tx
    .selectFrom('report_files')
    .select(['file_name', 'media_type', 'content', 'size_bytes'])
    .where('id', '=', fileId)
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  if (!file) throw new NotFoundError();
  await recordAudit(tx, auditContextOf(ctx), {
    action: 'report.file_download',
    targetType: 'report',
    targetId: reportId,
    details: { fileId, sizeBytes: file.size_bytes },
  });
  return { fileName: file.file_name, mediaType: file.media_type, content: Buffer.from(file.content) };
}

/** A Content-Disposition that always says attachment, with a plain fallback name and the exact name encoded. */
export function attachmentHeader(fileName: string): string {
  const plain = fileName.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 150) || 'report';
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
