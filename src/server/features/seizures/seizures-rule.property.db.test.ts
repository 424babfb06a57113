/**
 * One truth table, checked four ways. fast-check makes random records (reporting Party, report status, sharing
 * answers, every country role) and random users (every organisation kind, Party, role, ITD access, terms state,
 * suspension); for every user the records they may see must be the same set
 *   - by the reference below, written from the words of DESIGN §2 and nothing else,
 *   - by visibleTo(actor) in SQL alone (on the owner connection, where row-level security does not apply),
 *   - by the row-level security policy alone (withActor, no WHERE clause),
 *   - by canSee(actor, record) of the policy module, on the rows as stored,
 *   - and by app_can_see_seizure(), the SQL function of the rule for one row.
 *
 * Terms not accepted and suspended users: the reference says they see nothing. No query ever runs for them: the
 * HTTP layer's `data` access level refuses them before any handler (src/server/http/access.ts; a suspended user
 * has no session at all). The SQL checks are therefore compared for users who get through that gate, and
 * seizures-rule.db.test.ts proves the gate itself through the HTTP app.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { createRecords, createReport } from '../../../../test/support/seizure-factories.ts';
import {
  ORGANISATION_KINDS,
  ROLES,
  type OrganisationKind,
  type Role,
  type UserActor,
} from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { canSee, visibleTo } from './seizures.policy.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database?.close();
});

const PARTIES = ['KE', 'TZ', 'CN', 'VN', 'US'] as const;
const STATUSES = ['draft', 'submitted', 'published'] as const;

interface GeneratedRecord {
  reportingParty: string;
  status: (typeof STATUSES)[number];
  shareParties: boolean;
  shareIccwc: boolean;
  seizureCountry: string | null;
  originCountry: string | null;
  exportCountry: string | null;
  transitCountries: string[];
  destinationCountry: string | null;
  offenderNationalities: string[];
}

interface GeneratedUser {
  organisationKind: OrganisationKind;
  party: string | null;
  role: Role;
  hasItdAccess: boolean;
  termsAccepted: boolean;
  suspended: boolean;
}

const party = fc.constantFrom(...PARTIES);
/** A boolean that is `usual` six times out of seven. */
const mostly = (usual: boolean) =>
  fc.oneof({ arbitrary: fc.constant(usual), weight: 6 }, { arbitrary: fc.constant(!usual), weight: 1 });
const recordArbitrary: fc.Arbitrary<GeneratedRecord> = fc.record({
  reportingParty: party,
  status: fc.constantFrom(...STATUSES),
  shareParties: fc.boolean(),
  shareIccwc: fc.boolean(),
  seizureCountry: fc.option(party, { nil: null }),
  originCountry: fc.option(party, { nil: null }),
  exportCountry: fc.option(party, { nil: null }),
  transitCountries: fc.uniqueArray(party, { maxLength: 2 }),
  destinationCountry: fc.option(party, { nil: null }),
  offenderNationalities: fc.uniqueArray(party, { maxLength: 2 }),
});
// Every organisation kind with every role, not only the pairs the platform creates: the rule must not depend on
// the role table being right. A Party body usually has a Party; one without is possible and sees nothing of rule 4.
const userArbitrary: fc.Arbitrary<GeneratedUser> = fc.record({
  organisationKind: fc.constantFrom(...ORGANISATION_KINDS),
  party: fc.option(party, { nil: null, freq: 6 }),
  role: fc.constantFrom(...ROLES),
  hasItdAccess: mostly(true),
  termsAccepted: mostly(true),
  suspended: mostly(false),
});

/**
 * DESIGN §2, "The ITD sharing rule", read literally: "A user U with ITD access, signed in and with the terms
 * accepted, sees record R when one of these holds: 1. … secretariat; 2. … a party body of the Party that reported
 * R; 3. … iccwc and R is share_iccwc; 4. … a party body of Party P, R is share_parties, and P is concerned by R:
 * P is the country of seizure, of origin, of export, a transit country, the destination, or the nationality of an
 * offender in R. Nothing else. … Records of a report that is not yet published are seen only by the Secretariat
 * and by the reporting Party's focal points and reporters. igo users never see ITD records."
 */
function designSays(user: GeneratedUser, record: GeneratedRecord): boolean {
  if (!user.hasItdAccess || !user.termsAccepted || user.suspended) return false;
  if (user.organisationKind === 'igo') return false;
  const isSecretariat = user.organisationKind === 'secretariat';
  const isReportingPartyBody = user.organisationKind === 'party' && user.party === record.reportingParty;
  if (record.status !== 'published') {
    return (
      isSecretariat || (isReportingPartyBody && (user.role === 'focal_point' || user.role === 'reporter'))
    );
  }
  const concerned = [
    record.seizureCountry,
    record.originCountry,
    record.exportCountry,
    ...record.transitCountries,
    record.destinationCountry,
    ...record.offenderNationalities,
  ].includes(user.party);
  return (
    isSecretariat ||
    isReportingPartyBody ||
    (user.organisationKind === 'iccwc' && record.shareIccwc) ||
    (user.organisationKind === 'party' && user.party !== null && record.shareParties && concerned)
  );
}

function actorOf(user: GeneratedUser, index: number): UserActor {
  return {
    kind: 'user',
    userId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    label: 'generated user',
    organisationId: '00000000-0000-4000-8000-000000000000',
    organisationKind: user.organisationKind,
    party: user.party,
    role: user.role,
    hasItdAccess: user.hasItdAccess,
  };
}

/** Stores the generated records (one report each, since status and answers are per report); ids in order. */
async function store(db: Kysely<DB>, records: readonly GeneratedRecord[]): Promise<number[]> {
  const ids: number[] = [];
  for (const record of records) {
    const report = await createReport(db, {
      party: record.reportingParty,
      status: record.status,
      shareParties: record.shareParties,
      shareIccwc: record.shareIccwc,
    });
    ids.push(...(await createRecords(db, report, [record])));
  }
  return ids;
}

const sorted = (ids: Iterable<number>) => [...ids].map(Number).sort((a, b) => a - b);

/** visibleTo alone: the owner connection is not subject to row-level security. */
async function seenByVisibleTo(db: Kysely<DB>, actor: UserActor, ids: number[]): Promise<number[]> {
  const result = await sql<{ id: number }>`
    select s.id from seizure_records s where s.id = any(${ids}::bigint[]) and ${visibleTo(actor)}`.execute(
    db,
  );
  return sorted(result.rows.map((row) => row.id));
}

/** Row-level security alone: withActor, and no condition of ours. */
async function seenByPolicy(db: Kysely<DB>, actor: UserActor, ids: number[]): Promise<number[]> {
  const result = await withActor(db, actor, (tx) =>
    sql<{ id: number }>`select id from seizure_records where id = any(${ids}::bigint[])`.execute(tx),
  );
  return sorted(result.rows.map((row) => row.id));
}

/** The module's canSee and the SQL function app_can_see_seizure, on each row as stored (owner connection). */
async function seenByRowChecks(
  db: Kysely<DB>,
  actor: UserActor,
  ids: number[],
): Promise<{ module: number[]; sqlFunction: number[] }> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('app.actor_kind', 'user', true),
        set_config('app.actor_id', ${actor.userId}, true),
        set_config('app.actor_org_kind', ${actor.organisationKind}, true),
        set_config('app.actor_party', ${actor.party ?? ''}, true),
        set_config('app.actor_role', ${actor.role}, true),
        set_config('app.actor_itd', ${actor.hasItdAccess ? 'true' : 'false'}, true)`.execute(tx);
    const rows = await sql<{
      id: number;
      reporting_party: string;
      is_published: boolean;
      share_parties: boolean;
      share_iccwc: boolean;
      concerned_parties: string[];
      by_function: boolean;
    }>`select id, reporting_party, is_published, share_parties, share_iccwc,
              concerned_parties::text[] as concerned_parties,
              app_can_see_seizure(reporting_party, is_published, share_parties, share_iccwc, concerned_parties)
                as by_function
         from seizure_records where id = any(${ids}::bigint[])`.execute(tx);
    const module = rows.rows.filter((row) =>
      canSee(actor, {
        reportingParty: row.reporting_party,
        isPublished: row.is_published,
        shareParties: row.share_parties,
        shareIccwc: row.share_iccwc,
        concernedParties: row.concerned_parties,
      }),
    );
    return {
      module: sorted(module.map((row) => row.id)),
      sqlFunction: sorted(rows.rows.filter((row) => row.by_function).map((row) => row.id)),
    };
  });
}

describe('the sharing rule: one truth table, every check', () => {
  test('the reference, visibleTo, the row-level security policy, canSee and the SQL function agree', async () => {
    const runs = Number(process.env.PROPERTY_RUNS ?? 100);
    let compared = 0;
    let seen = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArbitrary, { minLength: 1, maxLength: 8 }),
        fc.array(userArbitrary, { minLength: 1, maxLength: 6 }),
        async (records, users) => {
          const ids = await store(database.db, records);
          for (const [index, user] of users.entries()) {
            const expected = sorted(ids.filter((_, i) => designSays(user, records[i]!)));
            if (!user.termsAccepted || user.suspended) {
              // The gate in front of every query: nothing for this user, whatever the records say.
              assert.deepEqual(expected, []);
              continue;
            }
            const actor = actorOf(user, index);
            const context = JSON.stringify({ user, records });
            assert.deepEqual(
              await seenByVisibleTo(database.db, actor, ids),
              expected,
              `visibleTo ${context}`,
            );
            assert.deepEqual(await seenByPolicy(database.db, actor, ids), expected, `RLS ${context}`);
            const rowChecks = await seenByRowChecks(database.db, actor, ids);
            assert.deepEqual(rowChecks.module, expected, `canSee ${context}`);
            assert.deepEqual(rowChecks.sqlFunction, expected, `app_can_see_seizure ${context}`);
            compared += 1;
            seen += expected.length;
          }
        },
      ),
      { numRuns: runs },
    );
    // The generators must reach both answers often, or the property would prove little.
    assert.ok(compared > runs * 1.5, `only ${compared} users compared`);
    assert.ok(seen > runs, `only ${seen} records seen`);
  });
});
