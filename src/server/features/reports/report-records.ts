/**
 * A report's seizure records: the paged list, one record with its kept versions, and corrections. The record
 * itself (reading, presenting, checking and writing a correction) is seizure-records'; this file adds the report:
 * it must be visible, corrections of one report are made one after the other, and each is a report event.
 */
import type { CorrectRecord, RecordDetail, RecordList } from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  correctRecordValues,
  presentRecord,
  presentRecordView,
  selectRecordWithVersions,
  selectReportRecordRows,
} from '../seizure-records/index.ts';
import { actorIdOf, actorLabelOf, auditContextOf, type ReportContext } from './report-context.ts';
import { recordReportEvent } from './report-events.ts';
import { reportAbilities } from './reports.policy.ts';
import { loadVisibleReport, lockReport } from './reports.repo.ts';

export async function listRecords(
  tx: Tx,
  ctx: ReportContext,
  reportId: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<RecordList> {
  const report = await loadVisibleReport(tx, ctx.actor, reportId);
  const abilities = reportAbilities(ctx.actor, report).includes('correct') ? (['correct'] as const) : [];
  const after = page.cursor && /^\d{1,15}$/.test(page.cursor) ? Number(page.cursor) : null;
  const rows = await selectReportRecordRows(tx, reportId, { after, limit: page.limit + 1 });
  const items = rows.slice(0, page.limit).map((row) => presentRecord(row, abilities));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? String(last.id) : null };
}

async function readRecord(tx: Tx, ctx: ReportContext, reportId: string, recordId: number) {
  const report = await loadVisibleReport(tx, ctx.actor, reportId);
  // The report was found visible first; row-level security decides the record underneath.
  const row = await selectRecordWithVersions(tx, { id: recordId, reportId });
  if (!row) throw new NotFoundError();
  const mayCorrect = reportAbilities(ctx.actor, report).includes('correct');
  return presentRecordView(row, mayCorrect ? ['correct'] : []);
}

export async function getRecord(
  tx: Tx,
  ctx: ReportContext,
  reportId: string,
  recordId: number,
): Promise<RecordDetail> {
  const record = await readRecord(tx, ctx, reportId, recordId);
  await recordAudit(tx, auditContextOf(ctx), {
    action: 'report.record_view',
    targetType: 'seizure_record',
    targetId: String(recordId),
    details: { reportId },
  });
  return record;
}

export async function correctRecord(
  tx: Tx,
  ctx: ReportContext,
  reportId: string,
  recordId: number,
  input: CorrectRecord,
): Promise<RecordDetail> {
  const record = await readRecord(tx, ctx, reportId, recordId);
  if (!record.abilities.includes('correct')) throw new ForbiddenError();
  // Corrections of one report are made one after the other (the report row is the lock).
  await lockReport(tx, ctx.actor, reportId);
  const version = await correctRecordValues(tx, record, {
    values: input.values,
    reason: input.reason,
    actorId: actorIdOf(ctx.actor),
    actorLabel: actorLabelOf(ctx.actor),
  });
  // Row-level security let the report through but not the record: the same refusal as the policy's.
  if (version === null) throw new ForbiddenError();
  await recordReportEvent(tx, ctx, {
    reportId,
    kind: 'record_corrected',
    reason: input.reason,
    details: { recordId, version },
    auditAction: 'report.record_correct',
  });
  return readRecord(tx, ctx, reportId, recordId);
}
