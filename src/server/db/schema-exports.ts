/**
 * Kysely's view of the download register (migrations/0042_exports_and_download_register.sql).
 */
import type { ColumnType } from 'kysely';

type Opt<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface DownloadsTable {
  id: string;
  user_id: string;
  organisation_id: string;
  user_label: string;
  organisation_name: string;
  kind: 'records' | 'figures' | 'party_records';
  format: 'csv' | 'xlsx';
  language: 'en' | 'fr' | 'es';
  filters: ColumnType<Record<string, unknown>, string, string>;
  columns: Defaulted<string[]>;
  group_by: Opt<string>;
  publication: Defaulted<boolean>;
  row_count: Opt<number>;
  parties: Defaulted<string[]>;
  /** Reporting Party → records of it in the file (migration 0051). */
  party_counts: ColumnType<Record<string, number>, string | undefined, string>;
  checksum: Opt<string>;
  size_bytes: ColumnType<string | null, number | null | undefined, number | null>;
  created_at: ColumnType<Date, Date, Date>;
  completed_at: Opt<Date>;
  deleted_on: ColumnType<string | null, string | null | undefined, string | null>;
  deletion_statement: Opt<string>;
  deleted_attested_at: Opt<Date>;
  reminders_sent: Defaulted<number>;
  last_reminded_at: Opt<Date>;
}

export interface ExportTables {
  downloads: DownloadsTable;
}
