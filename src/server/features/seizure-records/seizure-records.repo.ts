/**
 * Writing seizure records: the one place rows enter `seizure_records` (imports, demo data, hand entry) and the one
 * place a correction turns the current row into a kept version. Runs inside the caller's withActor transaction, so
 * row-level security decides whether the actor may write this Party's records.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';
import { StaleVersionError } from '../../errors.ts';
import {
  columnsOf,
  VALUE_COLUMN_TYPES,
  VALUE_COLUMNS,
  VALUE_FIELD_TYPES,
  VALUE_FIELDS,
  type NewSeizureRecord,
  type ReportStamp,
  type SeizureValues,
} from './record-columns.ts';
import { fingerprintOf } from './record-fingerprint.ts';

const INSERT_BATCH = 1000;

/**
 * Inserts records in batches; returns their ids in input order. Each batch is one statement with the records as one
 * JSON parameter: a 116,000-row import would otherwise bind 33 parameters per record, which costs more time and
 * memory in both the client and the server than parsing one JSON array.
 *   insert into seizure_records (…) select $report…, v.* from rows from (jsonb_to_recordset($records) as (…))
 *     with ordinality as v order by ordinality returning id
 */
export async function insertSeizureRecords(
  tx: Tx,
  report: ReportStamp,
  records: readonly NewSeizureRecord[],
  actorId: string | null,
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < records.length; start += INSERT_BATCH) {
    const payload = JSON.stringify(
      records.slice(start, start + INSERT_BATCH).map((record) => ({
        source_row: record.sourceRow,
        original: record.original,
        fingerprint: fingerprintOf(report.party, record.values),
        ...columnsOf(record.values),
      })),
    );
    const inserted = await sql<{ id: number }>`insert into seizure_records
        (report_id, reporting_party, report_year, is_published, share_parties, share_iccwc, share_etis,
         created_by, updated_by, source_row, original, fingerprint, ${sql.join(VALUE_COLUMNS.map((c) => sql.ref(c)))})
      select ${report.id}::uuid, ${report.party}, ${report.year}::int, ${report.isPublished}::boolean,
             ${report.shareParties}::boolean, ${report.shareIccwc}::boolean, ${report.shareEtis}::boolean,
             ${actorId}::uuid, ${actorId}::uuid, v.source_row, v.original, v.fingerprint,
             ${sql.join(VALUE_COLUMNS.map((c) => sql.ref(`v.${c}`)))}
      from rows from (jsonb_to_recordset(${payload}::jsonb)
        as (source_row integer, original jsonb, fingerprint text, ${sql.raw(VALUE_COLUMN_TYPES)}))
        with ordinality as v
      order by v.ordinality
      returning id`.execute(tx);
    ids.push(...inserted.rows.map((row) => row.id));
  }
  return ids;
}

/**
 * Rows to become records, as another feature keeps them (a submitted import's staged rows): a relation, aliased
 * `r`, with the columns `source_row` (int), `original` (jsonb: what the Party wrote), `review_fixes` (jsonb array or
 * null), `fingerprint` (text, as fingerprintOf computes it), `case_id` (uuid shared by the records of one seizure,
 * or null) and `normalised` (jsonb: SeizureValues under their own
 * names). Records are written in the order of `source_row`, so a report lists them as its file had them. The feature that owns the rows builds it
 * (imports: stagedRecordSource), so this writer never names another feature's tables.
 */
export type RecordSource = RawBuilder<unknown>;

/**
 * Inserts the rows of a source as records of the report, in one statement that reads them where they are, so the
 * rows never travel to the application and back (a 116,000-row submit spent a tenth of its time reading them).
 *   insert into seizure_records (…) select $report…, r.source_row, r.original, r.review_fixes, r.fingerprint, v.*
 *     from ($source) r, jsonb_to_record(r.normalised) v(…) order by r.source_row
 * Returns the number of records written.
 */
export async function insertRecordsFrom(
  tx: Tx,
  report: ReportStamp,
  source: RecordSource,
  actorId: string | null,
): Promise<number> {
  const result = await sql`insert into seizure_records
      (report_id, reporting_party, report_year, is_published, share_parties, share_iccwc, share_etis,
       created_by, updated_by, source_row, original, review_fixes, fingerprint, case_id,
       ${sql.join(VALUE_COLUMNS.map((c) => sql.ref(c)))})
    select ${report.id}::uuid, ${report.party}, ${report.year}::int, ${report.isPublished}::boolean,
           ${report.shareParties}::boolean, ${report.shareIccwc}::boolean, ${report.shareEtis}::boolean,
           ${actorId}::uuid, ${actorId}::uuid, r.source_row, r.original, r.review_fixes, r.fingerprint, r.case_id,
           ${sql.join(VALUE_FIELDS.map((field) => sql.raw(`v."${field}"`)))}
    from ${source} r
      cross join lateral jsonb_to_record(r.normalised) as v(${sql.raw(VALUE_FIELD_TYPES)})
    order by r.source_row`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * A predicate for another feature's SQL: does the Party already have a stored record with this fingerprint? Both
 * are SQL expressions of the caller's query; the lookup uses seizure_records_fingerprint_idx.
 */
export function hasStoredTwin(
  party: RawBuilder<unknown>,
  fingerprint: RawBuilder<unknown>,
): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from seizure_records s
                               where s.reporting_party = ${party} and s.fingerprint = ${fingerprint})`;
}

/**
 * Fingerprints of this Party's stored records that match any of the given ones (duplicate detection). Each is looked
 * up on its own in seizure_records_fingerprint_idx: asked as one `fingerprint in (…)`, the planner may instead read
 * every record of the Party it may see (one tenth of a second a chunk for a Party with 100,000 records).
 *   select f from unnest($fingerprints) f, lateral (select 1 from seizure_records where party = $p and
 *     fingerprint = f limit 1)
 */
export async function findStoredFingerprints(
  tx: Tx,
  party: string,
  fingerprints: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(fingerprints)];
  for (let start = 0; start < unique.length; start += 5000) {
    const result = await sql<{ fingerprint: string }>`select f.fingerprint
        from unnest(${unique.slice(start, start + 5000)}::text[]) as f(fingerprint)
        cross join lateral (select 1 from seizure_records s
                             where s.reporting_party = ${party} and s.fingerprint = f.fingerprint limit 1) hit`.execute(
      tx,
    );
    for (const row of result.rows) found.add(row.fingerprint);
  }
  return found;
}

export interface Correction {
  values: SeizureValues;
  reason: string;
  actorId: string | null;
  actorLabel: string | null;
  /**
   * The version the corrector saw. Checked under the row's lock, so of simultaneous corrections from one version
   * exactly one is written; the others get StaleVersionError with the version now current. The platform's own
   * jobs (demo data, fixtures) may leave it out.
   */
  expectedVersion?: number;
}

/**
 * A correction: the current row is kept whole in seizure_record_versions (with who replaced it, when and why), then
 * the record takes the new values and the next version number. What the Party originally wrote stays as it was.
 * Returns the new version number, or null when the record does not exist or may not be written by this actor.
 */
export async function correctSeizureRecord(
  tx: Tx,
  recordId: number,
  correction: Correction,
): Promise<number | null> {
  const current = await tx
    .selectFrom('seizure_records')
    .selectAll()
    .where('id', '=', recordId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return null;
  if (correction.expectedVersion !== undefined && correction.expectedVersion !== current.version)
    throw new StaleVersionError(current.version);
  await tx
    .insertInto('seizure_record_versions')
    .values({
      record_id: recordId,
      version: current.version,
      data: JSON.stringify(current),
      replaced_by: correction.actorId,
      replaced_by_label: correction.actorLabel,
      reason: correction.reason,
    })
    .execute();
  const updated = await tx
    .updateTable('seizure_records')
    .set({
      ...columnsOf(correction.values),
      version: current.version + 1,
      fingerprint: fingerprintOf(current.reporting_party, correction.values),
      updated_by: correction.actorId,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', recordId)
    .returning('version')
    .executeTakeFirst();
  return updated?.version ?? null;
}

/** Copies a report's sharing answers and publication state onto its records (they are read from the record). */
export async function stampReportOnRecords(tx: Tx, report: ReportStamp): Promise<number> {
  const result = await tx
    .updateTable('seizure_records')
    .set({
      is_published: report.isPublished,
      share_parties: report.shareParties,
      share_iccwc: report.shareIccwc,
      share_etis: report.shareEtis,
    })
    .where('report_id', '=', report.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
