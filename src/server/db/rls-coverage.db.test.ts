/**
 * The database's rulebook, checked on the schema the migrations build (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL / DATABASE_URL is set):
 *   - every table of the public schema has row-level security enabled and forced, and at least one policy, so a
 *     table added without them fails the build instead of being readable by every signed-in user;
 *   - app_user holds exactly the privileges listed below, so any new grant (a table, a column, a security
 *     definer function, a role membership) is a change to this list that a reviewer sees.
 * The checkers are shown relations created in a transaction that is rolled back, to prove they would notice.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { findTablesWithoutRls, listAppUserPrivileges } from '../../../test/support/database-rules.ts';
import type { DB } from './schema.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => database?.close());

const ALL = 'DELETE INSERT SELECT UPDATE';
/**
 * What the request role may do. Changing a grant means changing this list, in the same commit as the migration.
 * No DELETE on reports, records, versions or events (records are corrected, never removed); UPDATE only on the
 * columns the platform changes where what the Party wrote is stored (migrations/0025).
 */
const EXPECTED: Record<string, string> = {
  'role app_user': 'member of: none', // no superuser, no BYPASSRLS, no login, inherits nothing
  'schema public': 'USAGE',
  'columns import_rows: UPDATE':
    'accepted cells edits extra file_cells fingerprint normalised outcome problems',
  'columns report_files: UPDATE': 'report_id',
  'columns downloads: UPDATE': [
    'checksum completed_at deleted_attested_at deleted_on deletion_statement last_reminded_at parties',
    'party_counts reminders_sent row_count size_bytes',
  ].join(' '),
  'columns publication_consents: UPDATE':
    'comment comment_language decided_at decided_by decider_name decider_organisation status',
  'columns publication_requests: UPDATE':
    'closed_at consents_undecided filed_at last_reminded_at reminders_sent status',
  'columns user_preferences: UPDATE': 'access_receipt_summary updated_at',
  'columns seizure_records: UPDATE': [
    'additional_info appendix date_precision destination_country detection_method export_country fingerprint',
    'is_elephant is_published location_name location_type offender_nationalities origin_country quantity',
    'quantity_count quantity_kg reason seizing_agency seizure_country seizure_date share_etis share_iccwc',
    'share_parties taxon_id taxon_name term_code transit_countries transport_mode unit_code updated_at',
    'updated_by version',
  ].join(' '),
  // Security definer functions run as their owner, past the policies: each is a door app_user may open.
  'function app_compact_seizure_figures()': 'EXECUTE',
  'function app_front_door_session(text)': 'EXECUTE',
  'function app_group_category(uuid)': 'EXECUTE',
  'function app_group_contacts(uuid,text,boolean)': 'EXECUTE',
  'function app_group_is_owner(uuid)': 'EXECUTE',
  'function app_group_member_visible(uuid,uuid,boolean)': 'EXECUTE',
  'function app_message_shows_recipients(uuid)': 'EXECUTE',
  // Permits (migration 0038): the acting user's own standing, read past the users and group_members policies.
  'function app_actor_is_management_authority()': 'EXECUTE',
  'function app_actor_verifies_permits()': 'EXECUTE',
  'function app_seizure_figures_apply()': 'EXECUTE', // a trigger function: calling it directly is refused
  'table access_receipt_summaries': 'INSERT SELECT',
  'table access_receipts': 'SELECT',
  // Checklist names (readable by all) through the trigram index, which `%` under the policies cannot use (0054).
  'function app_near_taxon_names(text)': 'EXECUTE',
  'table api_tokens': ALL,
  'table audit_chain_head': 'SELECT',
  'table audit_events': 'INSERT SELECT',
  'table cites_codes': ALL,
  'table countries': ALL,
  'table downloads': 'INSERT SELECT',
  'table group_files': ALL,
  'table group_join_requests': 'INSERT SELECT UPDATE',
  'table group_members': ALL,
  'table group_message_recipients': 'INSERT SELECT UPDATE',
  'table group_message_senders': 'INSERT SELECT',
  'table group_messages': 'INSERT SELECT',
  'table group_notifications': 'INSERT SELECT UPDATE',
  'table groups': 'INSERT SELECT UPDATE',
  'table import_batches': 'INSERT SELECT UPDATE',
  'table import_mapping_profiles': 'INSERT SELECT UPDATE',
  'table import_rows': 'DELETE INSERT SELECT',
  'table library_items': 'INSERT SELECT UPDATE',
  'table library_versions': 'INSERT SELECT',
  'table one_time_tokens': ALL,
  'table organisations': 'INSERT SELECT UPDATE',
  'table outbox': 'INSERT SELECT UPDATE',
  'table permit_endorsements': 'INSERT SELECT',
  'table permit_events': 'INSERT SELECT',
  'table permit_lines': ALL,
  'table permit_lookups': 'INSERT SELECT',
  'table permit_stamp_marks': 'INSERT SELECT', // migration 0049
  'table permits': 'INSERT SELECT UPDATE',
  'table publication_consents': 'INSERT SELECT',
  'table publication_requests': 'INSERT SELECT',
  'table recovery_codes': ALL,
  'table reference_seeds': ALL,
  'table registrations': 'INSERT SELECT UPDATE',
  'table report_events': 'INSERT SELECT',
  'table report_files': 'INSERT SELECT',
  'table reports': 'INSERT SELECT UPDATE',
  'table seizure_figures': 'SELECT',
  'table seizure_permit_links': 'DELETE INSERT SELECT', // migration 0048: written by the platform only
  'table seizure_record_versions': 'INSERT SELECT',
  'table seizure_records': 'INSERT SELECT',
  'table security_keys': 'DELETE INSERT SELECT UPDATE',
  'table sessions': ALL,
  'table sign_in_failures': 'DELETE INSERT SELECT',
  'table taxa': ALL,
  'table taxon_names': ALL,
  'table terms_acceptances': 'INSERT SELECT',
  'table terms_versions': 'INSERT SELECT',
  'table user_preferences': 'INSERT SELECT',
  'table users': 'INSERT SELECT UPDATE',
  'table webauthn_challenges': 'DELETE INSERT SELECT UPDATE',
};

class RolledBack extends Error {}

/** Runs fn in a transaction that is always rolled back, and returns what fn returned. */
async function thenRollBack<T>(fn: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await database.db.transaction().execute(async (tx) => {
      result = await fn(tx);
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return result as T;
}

describe('every table behind row-level security; app_user holds only what is listed', () => {
  test('no table, view or materialized view of the schema escapes row-level security', async () => {
    assert.deepEqual(await findTablesWithoutRls(database.db), []);
  });

  test('the check finds a table without row-level security, one not forced and one without a policy', async () => {
    const gaps = await thenRollBack(async (tx) => {
      await sql`create table probe_bare (id int)`.execute(tx);
      await sql`create table probe_not_forced (id int)`.execute(tx);
      await sql`alter table probe_not_forced enable row level security`.execute(tx);
      await sql`create table probe_no_policy (id int)`.execute(tx);
      await sql`alter table probe_no_policy enable row level security`.execute(tx);
      await sql`alter table probe_no_policy force row level security`.execute(tx);
      await sql`create view probe_view as select id from probe_bare`.execute(tx);
      return findTablesWithoutRls(tx);
    });
    assert.deepEqual(gaps, [
      { relation: 'probe_bare', problem: 'row-level security not enabled' },
      { relation: 'probe_no_policy', problem: 'no policy' },
      { relation: 'probe_not_forced', problem: 'row-level security not forced' },
      { relation: 'probe_view', problem: 'a view without security_invoker reads as its owner' },
    ]);
    assert.deepEqual(await findTablesWithoutRls(database.db), [], 'rolled back');
  });

  test('app_user holds exactly the listed privileges', async () => {
    assert.deepEqual(await listAppUserPrivileges(database.db), EXPECTED);
  });

  test('the list notices a new grant on a table, a column, a function and a role', async () => {
    const probeRole = `probe_reader_${randomBytes(4).toString('hex')}`;
    const granted = await thenRollBack(async (tx) => {
      await sql`create table probe_granted (id int)`.execute(tx);
      await sql`grant select on probe_granted to app_user`.execute(tx);
      await sql`grant update (original) on seizure_records to app_user`.execute(tx);
      await sql`create function probe_door() returns int language sql security definer as 'select 1'`.execute(
        tx,
      );
      // Roles belong to the whole PostgreSQL cluster: a name of its own, and gone with the rollback.
      await sql`create role ${sql.raw(probeRole)}`.execute(tx);
      await sql`grant ${sql.raw(probeRole)} to app_user`.execute(tx);
      return listAppUserPrivileges(tx);
    });
    const added = Object.entries(granted).filter(([what, privileges]) => EXPECTED[what] !== privileges);
    assert.deepEqual(Object.fromEntries(added), {
      'columns seizure_records: UPDATE': `${EXPECTED['columns seizure_records: UPDATE']!} original`
        .split(' ')
        .sort()
        .join(' '),
      'function probe_door()': 'EXECUTE',
      'role app_user': `member of: ${probeRole}`,
      'table probe_granted': 'SELECT',
    });
  });
});
