/**
 * Kysely's view of the tables, written by hand next to the migrations that create them.
 * Column names stay snake_case here; services convert to camelCase in their repositories.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in by default. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: DefaultedTimestamp;
  app_version: string;
}

export interface AuditEventsTable {
  seq: number;
  occurred_at: Timestamp;
  actor_kind: 'user' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  ip_address: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  singleton: boolean;
  seq: number;
  hash: string;
}

export interface CountriesTable {
  code: string;
  kind: 'country' | 'territory' | 'special';
  is_cites_party: boolean;
  name_en: string;
  name_fr: string;
  name_es: string;
}

export interface CitesCodesTable {
  kind: 'term' | 'unit' | 'purpose' | 'source';
  code: string;
  label_en: string;
  label_fr: string;
  label_es: string;
  base_unit: 'kg' | 'm' | 'm2' | 'm3' | 'count' | null;
  factor: number | null;
}

export interface TaxaTable {
  id: Generated<number>;
  speciesplus_id: number | null;
  name: string;
  rank: string;
  parent_id: number | null;
  lineage: ColumnType<number[], number[] | undefined, number[]>;
  author: string | null;
  appendix: string | null;
  kingdom: string;
  phylum: string | null;
  class_name: string | null;
  order_name: string | null;
  family: string | null;
  genus: string | null;
  is_cites_accepted: boolean;
  distribution: ColumnType<string[], string[] | undefined, string[]>;
  source: 'starter' | 'speciesplus' | 'implied';
  updated_at: DefaultedTimestamp;
}

export interface TaxonNamesTable {
  id: Generated<number>;
  taxon_id: number;
  kind: 'accepted' | 'synonym' | 'common';
  language: 'en' | 'fr' | 'es' | null;
  name: string;
  normalized: string;
}

export interface ReferenceSeedsTable {
  name: string;
  checksum: string;
  loaded_at: DefaultedTimestamp;
}

export interface RateLimitHitsTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  audit_events: AuditEventsTable;
  audit_chain_head: AuditChainHeadTable;
  countries: CountriesTable;
  cites_codes: CitesCodesTable;
  taxa: TaxaTable;
  taxon_names: TaxonNamesTable;
  reference_seeds: ReferenceSeedsTable;
  rate_limit_hits: RateLimitHitsTable;
}
