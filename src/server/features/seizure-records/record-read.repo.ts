/**
 * Reading seizure records as the presenter needs them, for every page that shows one (the explorer, a report's
 * records). The caller passes its visibility predicate over `seizure_records s` (the explorer: visibleTo(actor);
 * a report's pages: the report was checked first); row-level security applies the sharing rule underneath either
 * way, so nothing here reads a record the caller may not see.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ReviewFix } from '../../../shared/seizure-record.contract.ts';
import { PREPARED } from '../../db/prepared-statements.ts';
import type { Tx } from '../../db/with-actor.ts';
import { VALUE_COLUMNS } from './record-columns.ts';

/** One record as selected: the value columns under their own names, and what the presenter adds to them. */
export interface RecordRow extends Record<string, unknown> {
  id: number | string;
  report_id: string;
  reporting_party: string;
  report_year: number;
  year: number | string;
  version: number;
  source_row: number | null;
  updated_at: Date | string;
  is_published: boolean;
  share_parties: boolean;
  share_iccwc: boolean;
  share_etis: boolean;
  concerned_parties: string[];
  taxon_ref_name: string | null;
  taxon_ref_appendix: string | null;
  original: Record<string, string>;
  review_fixes: ReviewFix[] | null;
}

/** A kept version as stored: the whole row as it was (JSON), and who replaced it, when and why. */
export interface VersionRow {
  version: number;
  data: Record<string, unknown>;
  replaced_at: Date | string;
  replaced_by_label: string | null;
  reason: string;
}

export interface RecordWithVersionsRow extends RecordRow {
  /** Newest first. */
  versions: VersionRow[];
}

/** How each value column is selected: dates as text (one driver turns a date into a local Date), codes as text[]. */
function valueColumn(column: string): string {
  if (column === 'seizure_date') return `to_char(s.seizure_date, 'YYYY-MM-DD') as seizure_date`;
  if (column === 'transit_countries' || column === 'offender_nationalities')
    return `s.${column}::text[] as ${column}`;
  return `s.${column}`;
}

/** The record's columns, the same for one record and for a page of them. */
const RECORD_COLUMNS = sql.raw(`s.id, s.report_id, s.reporting_party, s.report_year, s.seizure_year as year,
  s.version, s.source_row, s.updated_at, s.is_published, s.share_parties, s.share_iccwc, s.share_etis,
  s.concerned_parties::text[] as concerned_parties, t.name as taxon_ref_name, t.appendix as taxon_ref_appendix,
  s.original, s.review_fixes, ${VALUE_COLUMNS.map(valueColumn).join(', ')}`);

/**
 * One record with its kept versions (newest first) in one round trip, when `visible` lets it through (row-level
 * security alone when not given); within one report when `reportId` is given.
 *   select s.…, t.name, (select json_agg(v.… order by v.version desc) from seizure_record_versions v
 *                        where v.record_id = s.id) as versions
 *     from seizure_records s left join taxa t on t.id = s.taxon_id where s.id = $id [and s.report_id = $r] and …
 */
export async function selectRecordWithVersions(
  tx: Tx,
  where: { id: number; reportId?: string; visible?: RawBuilder<boolean> },
): Promise<RecordWithVersionsRow | undefined> {
  const inReport = where.reportId === undefined ? sql`` : sql`and s.report_id = ${where.reportId}::uuid`;
  const visible = where.visible ?? sql<boolean>`true`;
  const result = await sql<RecordWithVersionsRow>`${PREPARED}
    select ${RECORD_COLUMNS},
           (select coalesce(json_agg(json_build_object('version', v.version, 'data', v.data,
                                                       'replaced_at', v.replaced_at,
                                                       'replaced_by_label', v.replaced_by_label,
                                                       'reason', v.reason)
                                     order by v.version desc), '[]')
              from seizure_record_versions v
             where v.record_id = s.id) as versions
      from seizure_records s
      left join taxa t on t.id = s.taxon_id
     where s.id = ${where.id}::bigint ${inReport} and ${visible}`.execute(tx);
  return result.rows[0];
}

/**
 * A page of a report's records in file order (then id); `after` is the last id of the previous page.
 *   select s.…, t.name from seizure_records s left join taxa t on … where s.report_id = $r and s.id > $after
 *    order by s.id limit $n
 */
export async function selectReportRecordRows(
  tx: Tx,
  reportId: string,
  page: { after: number | null; limit: number },
): Promise<RecordRow[]> {
  const after = page.after === null ? sql`` : sql`and s.id > ${page.after}::bigint`;
  const result = await sql<RecordRow>`select ${RECORD_COLUMNS}
      from seizure_records s
      left join taxa t on t.id = s.taxon_id
     where s.report_id = ${reportId}::uuid ${after}
     order by s.id
     limit ${page.limit}::int`.execute(tx);
  return result.rows;
}
