/**
 * Kysely's view of the import staging tables (migrations/0008_import_staging.sql).
 */
import type { ReviewFix } from '../../shared/reports.contract.ts';
import type { ColumnType } from 'kysely';

type Id = ColumnType<string, string | undefined, string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Opt<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type BatchStatus = 'staged' | 'submitted' | 'discarded';
export type RowOutcome = 'import' | 'reject' | 'duplicate';

export interface ImportBatchesTable {
  id: Id;
  party: string;
  year: number;
  share_parties: boolean;
  share_iccwc: boolean;
  share_etis: boolean;
  preparing_agency: ColumnType<string, string | undefined, string>;
  contributing_agencies: ColumnType<string, string | undefined, string>;
  contact_name: ColumnType<string, string | undefined, string>;
  contact_email: ColumnType<string, string | undefined, string>;
  file_name: string;
  media_type: string;
  file_id: Opt<string>;
  status: ColumnType<BatchStatus, BatchStatus | undefined, BatchStatus>;
  sheet_name: Opt<string>;
  header_row: number;
  unknown_columns: TextArray;
  missing_columns: TextArray;
  uploaded_by: Opt<string>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  report_id: Opt<string>;
  submitted_at: Opt<Date | string>;
  summary: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  date_order: Opt<'dmy' | 'mdy'>;
  date_order_decided_by: Opt<string>;
  date_order_decided_at: Opt<Date | string>;
  decimal_mark: Opt<'point' | 'comma'>;
  decimal_mark_decided_by: Opt<string>;
  decimal_mark_decided_at: Opt<Date | string>;
  /** The file's header row, and how each of its columns was decided (migration 0053). */
  source_headers: TextArray;
  profile_name: Opt<string>;
  column_decisions: ColumnType<ColumnDecisionRow[], string | undefined, string>;
  mapping_decided_by: Opt<string>;
  mapping_decided_at: Opt<Date | string>;
}

/** One source column's fate: a template column, kept as additional information, or ignored. */
export interface ColumnDecisionRow {
  header: string;
  to: string;
}

/** Named column mappings (migration 0053): a Party's own, or shared (party null). */
export interface ImportMappingProfilesTable {
  id: Id;
  name: string;
  party: string | null;
  description: ColumnType<string, string | undefined, string>;
  signature: string[];
  is_exact: ColumnType<boolean, boolean | undefined, boolean>;
  definition: Json<unknown>;
  created_by: Opt<string>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ImportRowsTable {
  batch_id: string;
  party: string;
  row_number: number;
  cells: Json<Record<string, string>>;
  file_cells: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  edits: ColumnType<ReviewFix[], string | undefined, string>;
  extra: ColumnType<Record<string, string>, string | undefined, string>;
  /** The file's cells under the file's own headers, exactly as written (migration 0046). */
  source_cells: ColumnType<Record<string, string> | null, string | null | undefined, never>;
  normalised: Json<unknown>;
  problems: ColumnType<unknown[], string | undefined, string>;
  accepted: TextArray;
  fingerprint: string;
  outcome: RowOutcome;
}

export interface ImportTables {
  import_batches: ImportBatchesTable;
  import_rows: ImportRowsTable;
  import_mapping_profiles: ImportMappingProfilesTable;
}
