/**
 * Writing seizure records: the one place rows enter `seizure_records` (imports, demo data, hand entry) and the one
 * place a correction turns the current row into a kept version. Runs inside the caller's withActor transaction, so
 * row-level security decides whether the actor may write this Party's records.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';

/** The normalised values of one record (DESIGN §3), next to what the Party wrote (`original`). */
export interface SeizureValues {
  seizureDate: string | null;
  datePrecision: 'day' | 'month' | 'year' | null;
  seizingAgency: string | null;
  taxonId: number | null;
  taxonName: string | null;
  appendix: string | null;
  termCode: string | null;
  quantity: number | null;
  unitCode: string | null;
  quantityKg: number | null;
  quantityCount: number | null;
  reason: string | null;
  locationType: string | null;
  locationName: string | null;
  detectionMethod: string | null;
  transportMode: string | null;
  seizureCountry: string | null;
  originCountry: string | null;
  exportCountry: string | null;
  transitCountries: string[];
  destinationCountry: string | null;
  offenderNationalities: string[];
  additionalInfo: string | null;
  isElephant: boolean;
}

export interface NewSeizureRecord {
  values: SeizureValues;
  /** Every column of the Party's row as text, keyed by canonical column name. */
  original: Record<string, string>;
  sourceRow: number | null;
}

/** The report a batch of records belongs to, with what the records copy from it. */
export interface ReportStamp {
  id: string;
  party: string;
  year: number;
  isPublished: boolean;
  shareParties: boolean;
  shareIccwc: boolean;
  shareEtis: boolean;
}

const INSERT_BATCH = 1000;

/**
 * The same seizure gives the same fingerprint: the normalised values that identify it, in a fixed order. Free text
 * that a Party may reword (additional information) is left out; what the Party wrote is compared through the
 * normalised values, so "USA" and "United States" are one country.
 */
export function fingerprintOf(party: string, values: SeizureValues): string {
  const identity = [
    party,
    values.seizureDate,
    values.datePrecision,
    values.taxonId ?? values.taxonName?.toLowerCase() ?? null,
    values.termCode,
    values.quantity,
    values.unitCode,
    values.seizureCountry,
    values.locationType,
    values.locationName?.toLowerCase() ?? null,
    values.originCountry,
    values.exportCountry,
    [...values.transitCountries].sort(),
    values.destinationCountry,
    [...values.offenderNationalities].sort(),
  ];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

function columnsOf(values: SeizureValues) {
  return {
    seizure_date: values.seizureDate,
    date_precision: values.datePrecision,
    seizing_agency: values.seizingAgency,
    taxon_id: values.taxonId,
    taxon_name: values.taxonName,
    appendix: values.appendix,
    term_code: values.termCode,
    quantity: values.quantity,
    unit_code: values.unitCode,
    quantity_kg: values.quantityKg,
    quantity_count: values.quantityCount,
    reason: values.reason,
    location_type: values.locationType,
    location_name: values.locationName,
    detection_method: values.detectionMethod,
    transport_mode: values.transportMode,
    seizure_country: values.seizureCountry,
    origin_country: values.originCountry,
    export_country: values.exportCountry,
    transit_countries: values.transitCountries,
    destination_country: values.destinationCountry,
    offender_nationalities: values.offenderNationalities,
    additional_info: values.additionalInfo,
    is_elephant: values.isElephant,
  };
}

/** The record columns columnsOf() fills, with their SQL types, for reading them from JSON. */
const VALUE_COLUMN_SQL_TYPES: Record<keyof ReturnType<typeof columnsOf>, string> = {
  seizure_date: 'date',
  date_precision: 'text',
  seizing_agency: 'text',
  taxon_id: 'bigint',
  taxon_name: 'text',
  appendix: 'text',
  term_code: 'text',
  quantity: 'numeric',
  unit_code: 'text',
  quantity_kg: 'numeric',
  quantity_count: 'numeric',
  reason: 'text',
  location_type: 'text',
  location_name: 'text',
  detection_method: 'text',
  transport_mode: 'text',
  seizure_country: 'char(2)',
  origin_country: 'char(2)',
  export_country: 'char(2)',
  transit_countries: 'char(2)[]',
  destination_country: 'char(2)',
  offender_nationalities: 'char(2)[]',
  additional_info: 'text',
  is_elephant: 'boolean',
};
const VALUE_COLUMNS = Object.keys(VALUE_COLUMN_SQL_TYPES);
const VALUE_COLUMN_TYPES = Object.entries(VALUE_COLUMN_SQL_TYPES)
  .map(([column, type]) => `${column} ${type}`)
  .join(', ');

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

/** The staged rows keep the values under the names of SeizureValues (seizure_date as seizureDate). */
const STAGED_VALUE_TYPES = Object.entries(VALUE_COLUMN_SQL_TYPES)
  .map(
    ([column, type]) =>
      `"${column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}" ${type}`,
  )
  .join(', ');
const STAGED_VALUE_KEYS = STAGED_VALUE_TYPES.split(', ').map((entry) => entry.split(' ')[0]!);

/**
 * Inserts a staged batch's importable rows with row numbers in (after, upTo] as records of the report, in one
 * statement that reads them where they are, so the rows never travel to the application and back (a 116,000-row
 * submit spent a tenth of its time reading them). The fingerprint is the one the staging check computed with
 * fingerprintOf. What the Party wrote is the file's cells (the unknown columns' under their own headers), whatever
 * the review corrected; the corrections go with the record as its review fixes.
 *   insert into seizure_records (…) select $report…, r.row_number, r.extra || r.file's cells, r.edits,
 *          r.fingerprint, v.*
 *     from import_rows r, jsonb_to_record(r.normalised) v(…) where r.batch_id = $batch and r.outcome = 'import' and …
 * Returns the number of records written.
 */
export async function insertStagedRecords(
  tx: Tx,
  report: ReportStamp,
  staged: { batchId: string; after: number; upTo: number },
  actorId: string | null,
): Promise<number> {
  const result = await sql`insert into seizure_records
      (report_id, reporting_party, report_year, is_published, share_parties, share_iccwc, share_etis,
       created_by, updated_by, source_row, original, review_fixes, fingerprint,
       ${sql.join(VALUE_COLUMNS.map((c) => sql.ref(c)))})
    select ${report.id}::uuid, ${report.party}, ${report.year}::int, ${report.isPublished}::boolean,
           ${report.shareParties}::boolean, ${report.shareIccwc}::boolean, ${report.shareEtis}::boolean,
           ${actorId}::uuid, ${actorId}::uuid, r.row_number, r.extra || coalesce(r.file_cells, r.cells),
           nullif(r.edits, '[]'::jsonb), r.fingerprint,
           ${sql.join(STAGED_VALUE_KEYS.map((key) => sql.raw(`v.${key}`)))}
    from import_rows r
      cross join lateral jsonb_to_record(r.normalised) as v(${sql.raw(STAGED_VALUE_TYPES)})
    where r.batch_id = ${staged.batchId}::uuid and r.outcome = 'import'
      and r.row_number > ${staged.after}::int and r.row_number <= ${staged.upTo}::int
    order by r.row_number`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
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
