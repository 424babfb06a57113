/**
 * Kysely's view of the access receipts (migrations/0050_access_receipts.sql) and of publication requests with their
 * consents (migrations/0051_publication_requests.sql).
 */
import type { ColumnType } from 'kysely';

type Opt<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** A `date` column: the drivers hand it back as text or as a Date. */
type Day = ColumnType<string | Date, string, string>;

export type ReceiptKind = 'search' | 'view' | 'download';
export type PublicationStatus = 'pending' | 'approved' | 'refused' | 'withdrawn' | 'expired';
export type ConsentStatus = 'pending' | 'approved' | 'refused';

export interface AccessReceiptsTable {
  party: string;
  day: Day;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: 'secretariat' | 'party' | 'iccwc' | 'igo';
  kind: ReceiptKind;
  events: number;
  records: ColumnType<string, number, number>;
}

export interface AccessReceiptsProgressTable {
  singleton: Defaulted<boolean>;
  folded_seq: ColumnType<string, number, number>;
}

export interface UserPreferencesTable {
  user_id: string;
  access_receipt_summary: Defaulted<boolean>;
  updated_at: ColumnType<Date, Date, Date>;
}

export interface AccessReceiptSummariesTable {
  party: string;
  month: Day;
  sent_at: ColumnType<Date, Date, Date>;
  recipients: number;
}

export interface PublicationRequestsTable {
  id: Defaulted<string>;
  requester_id: string;
  organisation_id: string;
  requester_name: string;
  organisation_name: string;
  language: 'en' | 'fr' | 'es';
  download_id: Opt<string>;
  export_checksum: Opt<string>;
  filters: ColumnType<Record<string, unknown>, string, string>;
  title: string;
  intended_use: string;
  modification_statement: string;
  parties: string[];
  status: Defaulted<PublicationStatus>;
  consents_undecided: number;
  created_at: ColumnType<Date, Date, Date>;
  expires_at: ColumnType<Date, Date, Date>;
  closed_at: Opt<Date>;
  filed_at: Opt<Date>;
  reminders_sent: Defaulted<number>;
  last_reminded_at: Opt<Date>;
}

export interface PublicationConsentsTable {
  request_id: string;
  party: string;
  record_count: Opt<number>;
  status: Defaulted<ConsentStatus>;
  decided_by: Opt<string>;
  decider_name: Opt<string>;
  decider_organisation: Opt<string>;
  decided_at: Opt<Date>;
  comment: Opt<string>;
  comment_language: Opt<'en' | 'fr' | 'es'>;
}

export interface DataOutTables {
  access_receipts: AccessReceiptsTable;
  access_receipts_progress: AccessReceiptsProgressTable;
  user_preferences: UserPreferencesTable;
  access_receipt_summaries: AccessReceiptSummariesTable;
  publication_requests: PublicationRequestsTable;
  publication_consents: PublicationConsentsTable;
}
