/**
 * A report's seizure records: the paged list, one record with its kept versions, and corrections. A correction
 * keeps the earlier version whole (who, when, why) through correctSeizureRecord; what the Party wrote is never
 * changed. The quantity in kg or as a count is worked out again from the corrected quantity and unit.
 */
import type {
  CorrectRecord,
  RecordDetail,
  RecordList,
  SeizureRecord,
  SeizureValuesDto,
} from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError, type InvalidField } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isElephantTaxon } from '../reference/elephant-taxa.ts';
import { actorIdOf, actorLabelOf, auditContextOf, type ReportContext } from './report-context.ts';
import { recordReportEvent } from './report-events.ts';
import { listRecordVersions, listReportRecords, loadRecord, type RecordRow } from './report-records.repo.ts';
import { reportAbilities } from './reports.policy.ts';
import { loadVisibleReport, lockReport } from './reports.repo.ts';
import { correctSeizureRecord } from './seizure-records.repo.ts';

function toRecord(row: RecordRow, mayCorrect: boolean): SeizureRecord {
  return { ...row, abilities: mayCorrect ? ['correct'] : [] };
}

export async function listRecords(
  tx: Tx,
  ctx: ReportContext,
  reportId: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<RecordList> {
  const report = await loadVisibleReport(tx, ctx.actor, reportId);
  const mayCorrect = reportAbilities(ctx.actor, report).includes('correct');
  const result = await listReportRecords(tx, reportId, page);
  return { items: result.items.map((row) => toRecord(row, mayCorrect)), nextCursor: result.nextCursor };
}

export async function getRecord(
  tx: Tx,
  ctx: ReportContext,
  reportId: string,
  recordId: number,
): Promise<RecordDetail> {
  const report = await loadVisibleReport(tx, ctx.actor, reportId);
  const row = await loadRecord(tx, reportId, recordId);
  if (!row) throw new NotFoundError();
  const versions = await listRecordVersions(tx, row);
  await recordAudit(tx, auditContextOf(ctx), {
    action: 'report.record_view',
    targetType: 'seizure_record',
    targetId: String(recordId),
    details: { reportId },
  });
  return { ...toRecord(row, reportAbilities(ctx.actor, report).includes('correct')), versions };
}

/** Countries, the taxon and the unit of a correction must be known: checked here, not left to a foreign key. */
async function checkReferences(
  tx: Tx,
  values: SeizureValuesDto,
  current: RecordRow,
): Promise<SeizureValuesDto> {
  const problems: InvalidField[] = [];
  const countries = [
    values.seizureCountry,
    values.originCountry,
    values.exportCountry,
    values.destinationCountry,
    ...values.transitCountries,
    ...values.offenderNationalities,
  ].filter((code): code is string => code !== null);
  if (countries.length > 0) {
    const known = await tx.selectFrom('countries').select('code').where('code', 'in', countries).execute();
    const knownCodes = new Set(known.map((row) => row.code.trim()));
    for (const code of new Set(countries))
      if (!knownCodes.has(code))
        problems.push({ field: 'values', reason: 'invalid', params: { value: code } });
  }
  // The species' name, Appendix and whether it is an elephant follow the chosen taxon, never the client's word;
  // without a taxon, the record stays as it was on the last point.
  let taxon = {
    taxonName: values.taxonName,
    appendix: values.appendix,
    isElephant: current.values.isElephant,
  };
  if (values.taxonId !== null) {
    const row = await tx
      .selectFrom('taxa')
      .select(['name', 'appendix', 'family', 'order_name'])
      .where('id', '=', values.taxonId)
      .executeTakeFirst();
    if (!row) problems.push({ field: 'values.taxonId', reason: 'invalid' });
    else
      taxon = {
        taxonName: row.name,
        appendix: row.appendix,
        isElephant: isElephantTaxon({ name: row.name, family: row.family, orderName: row.order_name }),
      };
  }
  if (values.termCode !== null) {
    const term = await tx
      .selectFrom('cites_codes')
      .select('code')
      .where('kind', '=', 'term')
      .where('code', '=', values.termCode)
      .executeTakeFirst();
    if (!term) problems.push({ field: 'values.termCode', reason: 'invalid' });
  }
  let quantityKg: number | null = null;
  let quantityCount: number | null = null;
  if (values.quantity !== null) {
    if (values.unitCode === null) {
      // No unit means a number of specimens (DESIGN §3).
      quantityCount = values.quantity;
    } else {
      const unit = await tx
        .selectFrom('cites_codes')
        .select(['base_unit', 'factor'])
        .where('kind', '=', 'unit')
        .where('code', '=', values.unitCode)
        .executeTakeFirst();
      if (!unit) problems.push({ field: 'values.unitCode', reason: 'invalid' });
      else if (unit.factor !== null && unit.base_unit === 'kg')
        quantityKg = values.quantity * Number(unit.factor);
      else if (unit.factor !== null && unit.base_unit === 'count')
        quantityCount = values.quantity * Number(unit.factor);
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return { ...values, ...taxon, quantityKg, quantityCount };
}

export async function correctRecord(
  tx: Tx,
  ctx: ReportContext,
  reportId: string,
  recordId: number,
  input: CorrectRecord,
): Promise<RecordDetail> {
  const report = await loadVisibleReport(tx, ctx.actor, reportId);
  const row = await loadRecord(tx, reportId, recordId);
  if (!row) throw new NotFoundError();
  if (!reportAbilities(ctx.actor, report).includes('correct')) throw new ForbiddenError();
  // Corrections of one report are made one after the other (the report row is the lock).
  await lockReport(tx, ctx.actor, reportId);
  const values = await checkReferences(tx, input.values, row);
  const version = await correctSeizureRecord(tx, recordId, {
    values,
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
  const updated = await loadRecord(tx, reportId, recordId);
  if (!updated) throw new NotFoundError();
  return { ...toRecord(updated, true), versions: await listRecordVersions(tx, updated) };
}
