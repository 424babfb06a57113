/**
 * The SQL of exports. Every query reads `seizure_records s` under the explorer's `visibleTo(actor)` and filters
 * (passed in as one WHERE clause built by the seizures feature), in the caller's withActor transaction, where
 * row-level security applies the sharing rule a second time. Records are read through a cursor declared in that
 * transaction and fetched a chunk at a time, so an export of any size holds one chunk in memory, on PostgreSQL and
 * on PGlite alike.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';

/** One record as an export reads it (snake case; numerics come as text from the driver). */
export interface ExportRecordRow {
  id: string;
  report_id: string;
  reporting_party: string;
  report_year: number;
  year: number;
  version: number;
  seizure_date: string | null;
  date_precision: string | null;
  seizing_agency: string | null;
  taxon: string | null;
  taxon_name: string | null;
  appendix: string | null;
  term_code: string | null;
  quantity: string | number | null;
  unit_code: string | null;
  quantity_kg: string | number | null;
  quantity_count: string | number | null;
  reason: string | null;
  location_type: string | null;
  location_name: string | null;
  detection_method: string | null;
  transport_mode: string | null;
  seizure_country: string | null;
  origin_country: string | null;
  export_country: string | null;
  transit_countries: string[];
  destination_country: string | null;
  offender_nationalities: string[];
  additional_info: string | null;
  is_elephant: boolean;
  original?: Record<string, string>;
}

const RECORD_COLUMNS = sql`s.id::text as id, s.report_id, s.reporting_party::text as reporting_party,
  s.report_year, s.seizure_year as year, s.version, to_char(s.seizure_date, 'YYYY-MM-DD') as seizure_date,
  s.date_precision, s.seizing_agency, t.name as taxon, s.taxon_name, s.appendix, s.term_code, s.quantity,
  s.unit_code, s.quantity_kg, s.quantity_count, s.reason, s.location_type, s.location_name, s.detection_method,
  s.transport_mode, s.seizure_country::text as seizure_country, s.origin_country::text as origin_country,
  s.export_country::text as export_country, s.transit_countries::text[] as transit_countries,
  s.destination_country::text as destination_country, s.offender_nationalities::text[] as offender_nationalities,
  s.additional_info, s.is_elephant`;

/**
 * The reporting Parties of the matching records and how many each: the file's header names them before the rows.
 *   select s.reporting_party, count(*) from seizure_records s where <visible and filters> group by 1
 */
export async function selectMatchingParties(
  tx: Tx,
  where: RawBuilder<unknown>,
): Promise<{ party: string; count: number }[]> {
  const result = await sql<{ party: string; count: string }>`
    select s.reporting_party::text as party, count(*) as count
      from seizure_records s
     where ${where}
     group by 1 order by 1`.execute(tx);
  return result.rows.map((row) => ({ party: row.party.trim(), count: Number(row.count) }));
}

/**
 * Declares the cursor of an export's records, in id order, limited to the Parties the header named (a record of
 * another Party committed meanwhile is left out rather than missing from the header).
 *   declare <name> no scroll cursor for select s.…, t.name from seizure_records s left join taxa t …
 *    where <visible and filters> and s.reporting_party = any($parties) order by s.id
 */
export async function declareRecordCursor(
  tx: Tx,
  cursor: 'export_records',
  input: { where: RawBuilder<unknown>; parties: readonly string[]; withOriginal: boolean },
): Promise<void> {
  const original = input.withOriginal ? sql`, s.original` : sql``;
  await sql`declare ${sql.raw(cursor)} no scroll cursor for
    select ${RECORD_COLUMNS} ${original}
      from seizure_records s
      left join taxa t on t.id = s.taxon_id
     where ${input.where} and s.reporting_party = any(${[...input.parties]}::char(2)[])
     order by s.id`.execute(tx);
}

/** fetch forward <n> from <cursor>: the next chunk, empty at the end. */
export async function fetchRecords(
  tx: Tx,
  cursor: 'export_records',
  count: number,
): Promise<ExportRecordRow[]> {
  const result = await sql<ExportRecordRow>`fetch forward ${sql.raw(String(Math.trunc(count)))}
    from ${sql.raw(cursor)}`.execute(tx);
  return result.rows;
}

export async function closeCursor(tx: Tx, cursor: 'export_records'): Promise<void> {
  await sql`close ${sql.raw(cursor)}`.execute(tx);
}
