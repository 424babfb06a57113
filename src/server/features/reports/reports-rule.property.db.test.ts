/**
 * Who sees and who writes a report: one truth table, checked every way the platform states it. fast-check makes
 * random reports (Party, status) and random actors (every organisation kind with every role, with or without a
 * Party and ITD access, and the platform's own jobs and anonymous callers); for every actor the reports seen must
 * be the same set
 *   - by the reference below, written from the words of DESIGN §2 and migrations/0007 and nothing else,
 *   - by canSeeReport of the policy module, on the reports as stored,
 *   - by app_can_see_report(), the SQL function behind the row-level security,
 *   - by reportsVisibleTo(actor) in SQL alone and by listVisibleReports, the list query (on the owner connection,
 *     where row-level security does not apply),
 *   - and by the row-level security policy alone (withActor, no WHERE clause of ours);
 * and the reports written the same set by the reference, canWriteReport, app_can_write_report() and the update
 * policy. Users whose terms are not accepted or who are suspended never reach a query (the HTTP layer's `data`
 * access level, proved in seizures-rule.db.test.ts), so they are not generated here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { createReport } from '../../../../test/support/seizure-factories.ts';
import {
  ANONYMOUS,
  ORGANISATION_KINDS,
  ROLES,
  systemActor,
  type Actor,
  type OrganisationKind,
  type Role,
} from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { canSeeReport, canWriteReport, reportsVisibleTo, type ReportFacts } from './reports.policy.ts';
import { listVisibleReports } from './reports.repo.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database?.close();
});

const PARTIES = ['KE', 'TZ', 'CN'] as const;
const STATUSES = ['draft', 'submitted', 'published'] as const;

type GeneratedActor =
  | { kind: 'system' }
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      organisationKind: OrganisationKind;
      party: string | null;
      role: Role;
      hasItdAccess: boolean;
    };

const party = fc.constantFrom(...PARTIES);
const reportArbitrary: fc.Arbitrary<ReportFacts> = fc.record({
  party,
  status: fc.constantFrom(...STATUSES),
});
// Every organisation kind with every role, not only the pairs the platform creates: the rule must not depend on
// the role table being right.
const actorArbitrary: fc.Arbitrary<GeneratedActor> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('user' as const),
      organisationKind: fc.constantFrom(...ORGANISATION_KINDS),
      party: fc.option(party, { nil: null, freq: 6 }),
      role: fc.constantFrom(...ROLES),
      hasItdAccess: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, fc.constant(false)),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'system' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'anonymous' as const }) },
);

/**
 * DESIGN §2 and migrations/0007, read literally. Seeing: "Records of a report that is not yet published are seen
 * only by the Secretariat and by the reporting Party's focal points and reporters"; a report itself is seen "as its
 * records, without rule 4 (a concerned Party sees the records it may use, not the other Party's report)" — so,
 * as ICCWC is rule 3, only the Secretariat and the reporting Party's bodies, and only by users "with ITD access".
 * Writing: "data_officer (Secretariat: import and correct ITD data)", admins holding every Secretariat right;
 * "focal_point (… submits its Party's reports …)", "reporter (a Party user who may upload its own Party's
 * reports)" — "for their own Party while the report is not published". The platform's own jobs act for the
 * Secretariat.
 */
function designSays(actor: GeneratedActor, report: ReportFacts): { sees: boolean; writes: boolean } {
  if (actor.kind === 'system') return { sees: true, writes: true };
  if (actor.kind === 'anonymous' || !actor.hasItdAccess) return { sees: false, writes: false };
  const prepares = actor.role === 'focal_point' || actor.role === 'reporter';
  if (actor.organisationKind === 'secretariat')
    return { sees: true, writes: actor.role === 'admin' || actor.role === 'data_officer' };
  const ownParty = actor.organisationKind === 'party' && actor.party === report.party;
  const published = report.status === 'published';
  return { sees: ownParty && (published || prepares), writes: ownParty && !published && prepares };
}

function actorOf(generated: GeneratedActor, index: number): Actor {
  if (generated.kind === 'system') return systemActor('generated job');
  if (generated.kind === 'anonymous') return ANONYMOUS;
  return {
    ...generated,
    userId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    label: 'generated user',
    organisationId: '00000000-0000-4000-8000-000000000000',
  };
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

/** The SQL functions of the rule on each report as stored, with the actor set as withActor sets it. */
async function sqlFunctionsSay(db: Kysely<DB>, actor: Actor, ids: string[]) {
  return db.transaction().execute(async (tx) => {
    const user = actor.kind === 'user' ? actor : null;
    await sql`select set_config('app.actor_kind', ${actor.kind}, true),
        set_config('app.actor_id', ${user?.userId ?? ''}, true),
        set_config('app.actor_org_kind', ${user?.organisationKind ?? ''}, true),
        set_config('app.actor_party', ${user?.party ?? ''}, true),
        set_config('app.actor_role', ${user?.role ?? ''}, true),
        set_config('app.actor_itd', ${user?.hasItdAccess ? 'true' : 'false'}, true)`.execute(tx);
    const result = await sql<{ id: string; sees: boolean; writes: boolean }>`
      select id, app_can_see_report(party, status = 'published') as sees,
             app_can_write_report(party, status = 'published') as writes
        from reports where id = any(${ids}::uuid[])`.execute(tx);
    return {
      sees: sorted(result.rows.filter((row) => row.sees).map((row) => row.id)),
      writes: sorted(result.rows.filter((row) => row.writes).map((row) => row.id)),
    };
  });
}

/** reportsVisibleTo alone, and the list query alone: the owner connection is not subject to row-level security. */
async function queriesSay(db: Kysely<DB>, actor: Actor, ids: string[]) {
  const predicate = await sql<{ id: string }>`
    select r.id from reports r where r.id = any(${ids}::uuid[]) and ${reportsVisibleTo(actor)}`.execute(db);
  // The database holds only this run's reports (each run deletes its own), so the list is the whole answer.
  const list = await db.transaction().execute((tx) => listVisibleReports(tx, actor, { limit: 100 }));
  assert.equal(list.nextCursor, null);
  return {
    predicate: sorted(predicate.rows.map((row) => row.id)),
    list: sorted(list.items.map((item) => item.id)),
  };
}

/** Row-level security alone: what the actor may read, and what the update policy lets it touch. */
async function policiesSay(db: Kysely<DB>, actor: Actor, ids: string[]) {
  const read = await withActor(db, actor, (tx) =>
    sql<{ id: string }>`select id from reports where id = any(${ids}::uuid[])`.execute(tx),
  );
  // Changes nothing (the same value), but only rows both policies let through are returned.
  const written = await withActor(db, actor, (tx) =>
    sql<{ id: string }>`update reports set updated_at = updated_at
      where id = any(${ids}::uuid[]) returning id`.execute(tx),
  );
  return {
    sees: sorted(read.rows.map((row) => row.id)),
    writes: sorted(written.rows.map((row) => row.id)),
  };
}

describe('the reports rule: one truth table, every check', () => {
  test('the reference, canSeeReport/canWriteReport, the SQL functions, the queries and the policies agree', async () => {
    const runs = Number(process.env.PROPERTY_RUNS ?? 100);
    const reached = { seen: 0, hidden: 0, written: 0, closed: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(reportArbitrary, { minLength: 1, maxLength: 6 }),
        fc.array(actorArbitrary, { minLength: 1, maxLength: 6 }),
        async (reports, actors) => {
          const ids: string[] = [];
          for (const report of reports) ids.push((await createReport(database.db, report)).id);
          try {
            for (const [index, generated] of actors.entries()) {
              const actor = actorOf(generated, index);
              const reference = reports.map((report) => designSays(generated, report));
              const expected = {
                sees: sorted(ids.filter((_, i) => reference[i]!.sees)),
                writes: sorted(ids.filter((_, i) => reference[i]!.writes)),
              };
              const context = JSON.stringify({ actor: generated, reports });
              const module = {
                sees: sorted(ids.filter((_, i) => canSeeReport(actor, reports[i]!))),
                writes: sorted(ids.filter((_, i) => canWriteReport(actor, reports[i]!))),
              };
              assert.deepEqual(module, expected, `canSeeReport/canWriteReport ${context}`);
              assert.deepEqual(
                await sqlFunctionsSay(database.db, actor, ids),
                expected,
                `app_can_see_report/app_can_write_report ${context}`,
              );
              const queries = await queriesSay(database.db, actor, ids);
              assert.deepEqual(queries.predicate, expected.sees, `reportsVisibleTo ${context}`);
              assert.deepEqual(queries.list, expected.sees, `listVisibleReports ${context}`);
              assert.deepEqual(await policiesSay(database.db, actor, ids), expected, `RLS ${context}`);
              reached.seen += expected.sees.length;
              reached.hidden += ids.length - expected.sees.length;
              reached.written += expected.writes.length;
              reached.closed += ids.length - expected.writes.length;
            }
          } finally {
            // Reports without records may go; the next run's list then holds only its own.
            await database.db.deleteFrom('reports').where('id', 'in', ids).execute();
          }
        },
      ),
      { numRuns: runs },
    );
    // The generators must reach both answers often, or the property would prove little.
    for (const [answer, count] of Object.entries(reached))
      assert.ok(count > runs, `only ${count} ${answer} (report, actor) pairs`);
  });
});
