/** The original file a report was imported from, byte for byte, for download (never shown inline). */
import type { Actor } from '../../../shared/actor.ts';
import { withActor } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { selectReportFile } from './report-files.repo.ts';
import { READS_ONLY, type ReportsDeps } from './reports-deps.ts';
import { loadVisibleReport } from './reports.repo.ts';

export interface ReportFileContent {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

export async function downloadReportFile(
  deps: ReportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string; fileId: string },
): Promise<ReportFileContent> {
  const { id: reportId, fileId } = input;
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      await loadVisibleReport(tx, actor, reportId);
      const file = await selectReportFile(tx, reportId, fileId);
      if (!file) throw new NotFoundError();
      await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
        action: 'report.file_download',
        targetType: 'report',
        targetId: reportId,
        details: { fileId, sizeBytes: file.size_bytes },
      });
      return { fileName: file.file_name, mediaType: file.media_type, content: Buffer.from(file.content) };
    },
    READS_ONLY,
  );
}

/** A Content-Disposition that always says attachment, with a plain fallback name and the exact name encoded. */
export function attachmentHeader(fileName: string): string {
  const plain = fileName.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 150) || 'report';
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
