/**
 * Kysely's view of the tables, written by hand next to the migrations that create them.
 * Column names stay snake_case here; services convert to camelCase in their repositories.
 */
import type { ColumnType, Generated } from 'kysely';
import type { ImportTables } from './schema-imports.ts';
import type { GroupTables } from './schema-groups.ts';
import type { ReportTables } from './schema-reports.ts';
import type { DataOutTables } from './schema-data-out.ts';
import type { ExportTables } from './schema-exports.ts';
import type { PermitTables } from './schema-permits.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in by default. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The id (a fingerprint) of the platform key that sealed the stored secrets (migrations/0034). */
export interface PlatformKeyTable {
  singleton: boolean;
  key_id: string;
  recorded_at: DefaultedTimestamp;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: DefaultedTimestamp;
  app_version: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  /** Null only inside the writing transaction: the entry is linked into the chain at commit. */
  seq: number | null;
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
  prev_hash: string | null;
  hash: string | null;
  /** How the hash was computed (audit-chain.ts): 1 by the server, 2 by the database at commit. */
  scheme: Generated<number>;
  /** Scheme 2: sha256 of the canonical JSON of the entry's content. */
  digest: string | null;
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

type Id = ColumnType<string, string | undefined, string>;
type Serial = ColumnType<number, never, never>;
type Lang = 'en' | 'fr' | 'es';
/** A nullable column: may be left out of an insert (it defaults to null). */
type Opt<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface OrganisationsTable {
  id: Id;
  name: string;
  kind: 'secretariat' | 'party' | 'iccwc' | 'igo';
  party: Opt<string>;
  authority_type: Opt<string>;
  created_at: DefaultedTimestamp;
}

export interface UsersTable {
  id: Id;
  email: string;
  first_name: string;
  last_name: string;
  function_title: ColumnType<string, string | undefined, string>;
  telephone: ColumnType<string, string | undefined, string>;
  country: Opt<string>;
  language: ColumnType<Lang, Lang | undefined, Lang>;
  organisation_id: string;
  role: 'admin' | 'data_officer' | 'focal_point' | 'reporter' | 'member';
  has_itd_access: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<
    'active' | 'suspended' | 'withdrawn',
    'active' | 'suspended' | 'withdrawn' | undefined,
    'active' | 'suspended' | 'withdrawn'
  >;
  status_reason: Opt<string>;
  password_hash: Opt<string>;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  totp_secret_sealed: Opt<string>;
  totp_enrolled_at: Opt<Date>;
  totp_last_step: Opt<number>;
  failed_sign_ins: ColumnType<number, number | undefined, number>;
  locked_until: Opt<Date>;
  last_active_at: Opt<Date>;
  inactivity_warned_at: Opt<Date>;
  created_at: DefaultedTimestamp;
}

export interface RecoveryCodesTable {
  id: Serial;
  user_id: string;
  code_hash: string;
  used_at: Opt<Date>;
}

export interface SessionsTable {
  id: Id;
  token_hash: string;
  user_id: string;
  stage: 'second_factor' | 'full';
  terms_version: Opt<number>;
  csrf_token: string;
  created_at: DefaultedTimestamp;
  last_seen_at: DefaultedTimestamp;
  expires_at: Timestamp;
  ip_address: Opt<string>;
  user_agent: Opt<string>;
  revoked_at: Opt<Date>;
  /** When the user last entered a second factor to step up (record-level exports), migration 0042. */
  stepped_up_at: Opt<Date>;
}

export interface ApiTokensTable {
  id: Id;
  user_id: string;
  name: string;
  token_hash: string;
  terms_version: Opt<number>;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  last_used_at: Opt<Date>;
  revoked_at: Opt<Date>;
  /** null: the token acts as its user everywhere; a scope opens only the routes that declare it (migration 0039). */
  scope: Opt<'permits.lookup'>;
  /** What the token may do beyond reading: `export` (migration 0042). */
  scopes: ColumnType<string[], string[] | undefined, string[]>;
}

export interface TermsVersionsTable {
  version: number;
  text_en: string;
  text_fr: string;
  text_es: string;
  change_en: Opt<string>;
  change_fr: Opt<string>;
  change_es: Opt<string>;
  published_at: DefaultedTimestamp;
  published_by: Opt<string>;
}

export interface TermsAcceptancesTable {
  id: Serial;
  user_id: string;
  version: number;
  accepted_at: DefaultedTimestamp;
  ip_address: Opt<string>;
  via: 'session' | 'token';
}

type RegistrationStatus =
  'pending_verification' | 'pending_review' | 'more_info_requested' | 'approved' | 'rejected';

export interface RegistrationsTable {
  id: Id;
  status: ColumnType<RegistrationStatus, RegistrationStatus | undefined, RegistrationStatus>;
  country: string;
  last_name: string;
  first_name: string;
  organisation: string;
  function_title: string;
  telephone: string;
  email: string;
  requests_itd_access: ColumnType<boolean, boolean | undefined, boolean>;
  requested_groups: ColumnType<string[], string[] | undefined, string[]>;
  justification: string;
  language: Lang;
  is_webmail: ColumnType<boolean, boolean | undefined, boolean>;
  email_verified_at: Opt<Date>;
  endorsement: Opt<'endorsed' | 'objected'>;
  endorsement_note: Opt<string>;
  endorsed_by: Opt<string>;
  endorsed_at: Opt<Date>;
  decision_reason: Opt<string>;
  decided_by: Opt<string>;
  decided_at: Opt<Date>;
  user_id: Opt<string>;
  created_at: DefaultedTimestamp;
}

export interface OneTimeTokensTable {
  token_hash: string;
  purpose: 'verify_email' | 'reset_password';
  registration_id: Opt<string>;
  user_id: Opt<string>;
  expires_at: Timestamp;
  used_at: Opt<Date>;
  created_at: DefaultedTimestamp;
}

/** Failed passwords by address typed and caller's address (migration 0030): the sign-in throttle's evidence. */
export interface SignInFailuresTable {
  id: Serial;
  email: string;
  ip_address: string;
  failed_at: Timestamp;
}

/** Security keys and passkeys (migration 0031): a WebAuthn credential's public half, its owner and name. */
export interface SecurityKeysTable {
  id: Id;
  user_id: string;
  name: string;
  credential_id: string;
  public_key: Buffer;
  sign_count: ColumnType<string | number, number | undefined, number>;
  transports: ColumnType<string[], string[] | undefined, string[]>;
  created_at: DefaultedTimestamp;
  last_used_at: Opt<Date>;
}

/** Single-use, short-lived WebAuthn challenges, one per session and purpose (migration 0031). */
export interface WebauthnChallengesTable {
  session_id: string;
  purpose: 'enrol' | 'sign_in';
  challenge: string;
  expires_at: Timestamp;
}

export interface OutboxTable {
  id: Serial;
  recipient: string;
  subject: string;
  body: string;
  language: Lang;
  created_at: DefaultedTimestamp;
  sent_at: Opt<Date>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: Opt<string>;
}

/** Every table; large features keep their tables' types in a `schema-<feature>.ts` of their own. */
export interface DB
  extends ReportTables, ImportTables, GroupTables, PermitTables, ExportTables, DataOutTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  terms_versions: TermsVersionsTable;
  terms_acceptances: TermsAcceptancesTable;
  registrations: RegistrationsTable;
  one_time_tokens: OneTimeTokensTable;
  outbox: OutboxTable;
  sign_in_failures: SignInFailuresTable;
  security_keys: SecurityKeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  schema_migrations: SchemaMigrationsTable;
  platform_key: PlatformKeyTable;
  audit_events: AuditEventsTable;
  audit_chain_head: AuditChainHeadTable;
  countries: CountriesTable;
  cites_codes: CitesCodesTable;
  taxa: TaxaTable;
  taxon_names: TaxonNamesTable;
  reference_seeds: ReferenceSeedsTable;
  rate_limit_hits: RateLimitHitsTable;
}
