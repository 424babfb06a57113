/**
 * A report's seizure records: the paged list and one record with its kept versions. The record itself (reading and
 * presenting it) is seizure-records'; this file adds the report, which must be visible first, and the abilities
 * the report gives on its records.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { RecordDetail, RecordList } from '../../../shared/reports.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import {
  presentRecord,
  presentRecordView,
  selectRecordWithVersions,
  selectReportRecordRows,
} from '../seizure-records/index.ts';
import { READS_ONLY, type ReportsDeps } from './reports-deps.ts';
import { reportAbilities } from './reports.policy.ts';
import { loadVisibleReport } from './reports.repo.ts';

export async function listReportRecords(
  deps: ReportsDeps,
  actor: Actor,
  _request: RequestContext,
  input: { id: string; cursor?: string | undefined; limit: number },
): Promise<RecordList> {
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      const report = await loadVisibleReport(tx, actor, input.id);
      const abilities = reportAbilities(actor, report).includes('correct') ? (['correct'] as const) : [];
      const after = input.cursor && /^\d{1,15}$/.test(input.cursor) ? Number(input.cursor) : null;
      const rows = await selectReportRecordRows(tx, input.id, { after, limit: input.limit + 1 });
      const items = rows.slice(0, input.limit).map((row) => presentRecord(row, abilities));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > input.limit && last ? String(last.id) : null };
    },
    READS_ONLY,
  );
}

/** Opening one record is a record view: the audit entry names the record and its report. */
export async function viewReportRecord(
  deps: ReportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string; recordId: number },
): Promise<RecordDetail> {
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      const record = await readReportRecord(tx, actor, input.id, input.recordId);
      await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
        action: 'report.record_view',
        targetType: 'seizure_record',
        targetId: String(input.recordId),
        details: { reportId: input.id },
      });
      return record;
    },
    READS_ONLY,
  );
}

/** One record of a visible report, with the abilities the report gives on it; a step of viewing and correcting. */
export async function readReportRecord(
  tx: Tx,
  actor: Actor,
  reportId: string,
  recordId: number,
): Promise<RecordDetail> {
  const report = await loadVisibleReport(tx, actor, reportId);
  // The report was found visible first; row-level security decides the record underneath.
  const row = await selectRecordWithVersions(tx, { id: recordId, reportId });
  if (!row) throw new NotFoundError();
  const mayCorrect = reportAbilities(actor, report).includes('correct');
  return presentRecordView(row, mayCorrect ? ['correct'] : []);
}
