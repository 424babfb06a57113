/**
 * Reading a report's seizure records and their kept versions. Row-level security (seizure_records_read) decides
 * which records the caller sees; the service has already checked the report itself is visible.
 */
import { sql } from 'kysely';
import type { RecordVersion, ReviewFix, SeizureValuesDto } from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { isoOf } from './reports.repo.ts';

export interface RecordRow {
  id: number;
  reportId: string;
  version: number;
  sourceRow: number | null;
  original: Record<string, string>;
  reviewFixes: ReviewFix[];
  values: SeizureValuesDto;
  updatedAt: string;
}

function recordColumns(tx: Tx) {
  return (
    tx
      .selectFrom('seizure_records')
      .selectAll()
      // A date column comes back as a Date in the local time zone from one driver: ask for the text.
      .select(sql<string | null>`seizure_date::text`.as('seizure_date_text'))
  );
}

type RawRecord = Awaited<ReturnType<ReturnType<typeof recordColumns>['executeTakeFirstOrThrow']>>;

const trimCode = (value: string | null) => (value === null ? null : value.trim());
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The normalised values from a row as the database returns it, or as a kept version stored it (JSON). */
export function valuesOf(row: Record<string, unknown>, seizureDate: string | null): SeizureValuesDto {
  const text = (key: string) => (typeof row[key] === 'string' ? row[key] : null);
  const codes = (key: string) => (Array.isArray(row[key]) ? (row[key] as string[]).map((c) => c.trim()) : []);
  return {
    seizureDate,
    datePrecision: text('date_precision') as SeizureValuesDto['datePrecision'],
    seizingAgency: text('seizing_agency'),
    taxonId: numberOrNull(row.taxon_id),
    taxonName: text('taxon_name'),
    appendix: text('appendix'),
    termCode: text('term_code'),
    quantity: numberOrNull(row.quantity),
    unitCode: text('unit_code'),
    quantityKg: numberOrNull(row.quantity_kg),
    quantityCount: numberOrNull(row.quantity_count),
    reason: text('reason'),
    locationType: text('location_type'),
    locationName: text('location_name'),
    detectionMethod: text('detection_method'),
    transportMode: text('transport_mode'),
    seizureCountry: trimCode(text('seizure_country')),
    originCountry: trimCode(text('origin_country')),
    exportCountry: trimCode(text('export_country')),
    transitCountries: codes('transit_countries'),
    destinationCountry: trimCode(text('destination_country')),
    offenderNationalities: codes('offender_nationalities'),
    additionalInfo: text('additional_info'),
    isElephant: row.is_elephant === true,
  };
}

function toRecordRow(row: RawRecord): RecordRow {
  return {
    id: Number(row.id),
    reportId: row.report_id,
    version: row.version,
    sourceRow: row.source_row,
    original: row.original,
    reviewFixes: row.review_fixes ?? [],
    values: valuesOf(row, row.seizure_date_text),
    updatedAt: isoOf(row.updated_at),
  };
}

/** A page of the report's records in file order (then id); the cursor is the last id of the previous page. */
export async function listReportRecords(
  tx: Tx,
  reportId: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: RecordRow[]; nextCursor: string | null }> {
  let query = recordColumns(tx).where('report_id', '=', reportId);
  const after = page.cursor && /^\d{1,15}$/.test(page.cursor) ? Number(page.cursor) : null;
  if (after !== null) query = query.where('id', '>', after);
  const rows = await query
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit).map(toRecordRow);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? String(last.id) : null };
}

export async function loadRecord(tx: Tx, reportId: string, recordId: number): Promise<RecordRow | null> {
  const row = await recordColumns(tx)
    .where('report_id', '=', reportId)
    .where('id', '=', recordId)
    .executeTakeFirst();
  return row ? toRecordRow(row) : null;
}

/** The date of a kept version: the whole row was stored as JSON, where a date may have become a timestamp. */
function storedDate(value: unknown): string | null {
  if (typeof value !== 'string' || value.length < 10) return null;
  return value.slice(0, 10);
}

const FIELDS = Object.keys(valuesOf({}, null)) as (keyof SeizureValuesDto)[];

/**
 * The kept versions, newest first, each with what the next version changed (so the history reads as a list of
 * changes: which fields, from what, to what, who, when and why).
 */
export async function listRecordVersions(tx: Tx, current: RecordRow): Promise<RecordVersion[]> {
  const rows = await tx
    .selectFrom('seizure_record_versions')
    .selectAll()
    .where('record_id', '=', current.id)
    .orderBy('version', 'desc')
    .execute();
  const versions = rows.map((row) => ({
    row,
    values: valuesOf(row.data, storedDate(row.data.seizure_date)),
  }));
  return versions.map(({ row, values }, index) => {
    const next = index === 0 ? current.values : versions[index - 1]!.values;
    const changed = FIELDS.filter(
      (field) => JSON.stringify(values[field]) !== JSON.stringify(next[field]),
    ).map((field) => ({ field, from: values[field], to: next[field] }));
    return {
      version: row.version,
      values,
      changed,
      replacedBy: row.replaced_by_label,
      replacedAt: isoOf(row.replaced_at),
      reason: row.reason,
    };
  });
}
