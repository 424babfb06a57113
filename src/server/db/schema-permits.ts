/**
 * Kysely's view of the permit registry (migrations/0038_permit_registry.sql). Dates are read as text
 * (`::text` in the repository) so a day never shifts with the server's time zone.
 */
import type { ColumnType, Generated } from 'kysely';
import type {
  PermitEventKind,
  PermitSourceFormat,
  PermitStatus,
  PermitType,
} from '../../shared/permits.contract.ts';

type Id = ColumnType<string, string | undefined, string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Opt<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Day = ColumnType<string | null, string | null | undefined, string | null>;

export interface PermitsTable {
  id: Id;
  issuing_country: string;
  number: string;
  number_key: string;
  permit_type: PermitType;
  is_copy: Defaulted<boolean>;
  issued_on: Day;
  valid_from: Day;
  valid_until: Day;
  importer_name: Defaulted<string>;
  importer_address: Defaulted<string>;
  importer_country: Opt<string>;
  exporter_name: Defaulted<string>;
  exporter_address: Defaulted<string>;
  exporter_country: Opt<string>;
  special_conditions: Defaulted<string>;
  purpose_code: Opt<string>;
  security_stamp: Opt<string>;
  security_stamp_key: Opt<string>;
  issuing_authority: Defaulted<string>;
  issued_place: Defaulted<string>;
  transport_document: Opt<string>;
  status: Defaulted<PermitStatus>;
  status_on: Day;
  status_note: Defaulted<string>;
  replaced_by: Opt<string>;
  source_format: PermitSourceFormat;
  content: ColumnType<Record<string, unknown>, string, string>;
  content_hash: string;
  version: Defaulted<number>;
  created_by: Opt<string>;
  created_at: DefaultedTimestamp;
  updated_by: Opt<string>;
  updated_at: DefaultedTimestamp;
}

export interface PermitLinesTable {
  permit_id: string;
  line_no: number;
  taxon_name: string;
  taxon_id: Opt<number>;
  common_name: Defaulted<string>;
  description: Defaulted<string>;
  term_code: Opt<string>;
  appendix: Opt<string>;
  source_code: Opt<string>;
  quantity: number;
  unit_code: Opt<string>;
  origin_country: Opt<string>;
  origin_permit: Opt<string>;
  reexport_country: Opt<string>;
  reexport_permit: Opt<string>;
}

export interface PermitEndorsementsTable {
  id: Generated<number>;
  permit_id: string;
  line_no: number;
  quantity: number;
  port: Defaulted<string>;
  endorsed_on: string;
  user_id: Opt<string>;
  organisation_id: Opt<string>;
  created_at: DefaultedTimestamp;
}

export interface PermitEventsTable {
  id: Generated<number>;
  permit_id: string;
  kind: PermitEventKind;
  occurred_on: Day;
  note: Defaulted<string>;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  user_id: Opt<string>;
  created_at: DefaultedTimestamp;
}

export interface PermitLookupsTable {
  id: Generated<number>;
  issuing_country: string;
  number_key: string;
  permit_id: Opt<string>;
  is_found: boolean;
  is_valid: boolean;
  flags: ColumnType<string[], string[] | undefined, string[]>;
  user_id: Opt<string>;
  organisation_id: Opt<string>;
  organisation_name: Defaulted<string>;
  looked_up_at: DefaultedTimestamp;
}

/** migrations/0049: ranges of blank security stamps reported lost or stolen. */
export interface PermitStampMarksTable {
  id: Generated<number>;
  issuing_country: string;
  stamp_from: string;
  stamp_to: string;
  prefix: Defaulted<string>;
  first_no: ColumnType<string, number | string, number | string>;
  last_no: ColumnType<string, number | string, number | string>;
  status: 'lost' | 'stolen';
  marked_on: ColumnType<string, string, string>;
  note: Defaulted<string>;
  user_id: Opt<string>;
  created_at: DefaultedTimestamp;
}

/** migrations/0048: the permit numbers written in seizure records, matched to the registry. */
export interface SeizurePermitLinksTable {
  record_id: ColumnType<string, number | string, number | string>;
  source: 'field' | 'text';
  number: string;
  number_key: string;
  issuing_country: Opt<string>;
  permit_id: Opt<string>;
  verdict: 'valid' | 'invalid' | 'unknown';
  flags: ColumnType<string[], string[] | undefined, string[]>;
  judged_at: DefaultedTimestamp;
}

export interface PermitTables {
  permits: PermitsTable;
  permit_lines: PermitLinesTable;
  permit_endorsements: PermitEndorsementsTable;
  permit_events: PermitEventsTable;
  permit_lookups: PermitLookupsTable;
  permit_stamp_marks: PermitStampMarksTable;
  seizure_permit_links: SeizurePermitLinksTable;
}
