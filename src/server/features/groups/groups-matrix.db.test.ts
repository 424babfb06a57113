/**
 * The group rules twice over: for every member category (as owner and as plain member, plus a non-member and a
 * Secretariat admin) × audience × open or confidential group × action, what groups.policy.ts `can` answers must
 * be what row-level security lets the same actor do in the database (migrations/0014, 0026). Each probe runs as the
 * actor inside withActor and is rolled back.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import type { UserActor } from '../../../shared/actor.ts';
import {
  AUDIENCES,
  MEMBER_CATEGORIES,
  type Audience,
  type MemberCategory,
} from '../../../shared/groups.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { can, type GroupAction, type MembershipFacts } from './groups.policy.ts';

let database: TestDatabase;

class Rollback extends Error {}

/** Runs fn as the actor and rolls back; a refusal by row-level security counts as false. */
async function probe(actor: UserActor, fn: (tx: Tx) => Promise<boolean>): Promise<boolean> {
  let result = false;
  try {
    await withActor(database.db, actor, async (tx) => {
      try {
        result = await fn(tx);
      } catch (error) {
        if (!/row-level security/.test(String(error))) throw error;
        result = false;
      }
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result;
}

interface Subject {
  label: string;
  actor: UserActor;
  membership: MembershipFacts | null;
}

interface Fixture {
  groupId: string;
  isConfidential: boolean;
  items: Record<Audience, string>;
  files: Record<Audience, string>;
  subjects: Subject[];
  plainMemberId: string;
}

const fixtures: Fixture[] = [];

async function makeUser(
  orgId: string,
  kind: 'party' | 'secretariat' | 'igo',
  role: 'member' | 'admin',
): Promise<UserActor> {
  const row = await database.db
    .insertInto('users')
    .values({
      email: `m-${randomUUID().slice(0, 12)}@example.org`,
      first_name: 'Matrix',
      last_name: randomUUID().slice(0, 6),
      organisation_id: orgId,
      role,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    kind: 'user',
    userId: row.id,
    label: 'matrix',
    organisationId: orgId,
    organisationKind: kind,
    party: kind === 'party' ? 'KE' : null,
    role,
    hasItdAccess: kind !== 'igo',
  };
}

before(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const org = async (kind: 'party' | 'secretariat' | 'igo') =>
    (
      await db
        .insertInto('organisations')
        .values({
          name: `Matrix ${kind} ${randomUUID().slice(0, 6)}`,
          kind,
          party: kind === 'party' ? 'KE' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const partyOrg = await org('party');
  const secretariatOrg = await org('secretariat');
  for (const isConfidential of [false, true]) {
    const group = await db
      .insertInto('groups')
      .values({
        name_en: `Matrix ${randomUUID()}`,
        name_fr: 'm',
        name_es: 'm',
        is_confidential: isConfidential,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const subjects: Subject[] = [];
    for (const category of MEMBER_CATEGORIES) {
      for (const isOwner of [false, true]) {
        const actor = await makeUser(partyOrg, 'party', 'member');
        await db
          .insertInto('group_members')
          .values({
            group_id: group.id,
            user_id: actor.userId,
            category,
            is_owner: isOwner,
            display_name: 'M',
          })
          .execute();
        subjects.push({
          label: `${category}${isOwner ? ' owner' : ''}`,
          actor,
          membership: { category, isOwner },
        });
      }
    }
    subjects.push({
      label: 'non-member',
      actor: await makeUser(partyOrg, 'party', 'member'),
      membership: null,
    });
    subjects.push({
      label: 'Secretariat admin',
      actor: await makeUser(secretariatOrg, 'secretariat', 'admin'),
      membership: null,
    });
    const plainMemberId = subjects.find((s) => s.label === 'customs')!.actor.userId;
    const items = {} as Record<Audience, string>;
    const files = {} as Record<Audience, string>;
    for (const audience of AUDIENCES) {
      const item = await db
        .insertInto('library_items')
        .values({ group_id: group.id, kind: 'alert', audience, title: `item ${audience}`, language: 'en' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const version = await db
        .insertInto('library_versions')
        .values({
          item_id: item.id,
          group_id: group.id,
          audience,
          version: 1,
          title: 't',
          language: 'en',
          created_by_name: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const fileId = randomUUID();
      await db
        .insertInto('group_files')
        .values({
          id: fileId,
          group_id: group.id,
          file_name: 'f.pdf',
          media_type: 'application/pdf',
          size_bytes: 1,
          sha256: 'x',
          sealed: Buffer.from([1, 2, 3]),
          library_version_id: version.id,
          audience,
        })
        .execute();
      // Every subject gets a notification of every item: reading them must follow the audience.
      await db
        .insertInto('group_notifications')
        .values(
          subjects.map((s) => ({
            user_id: s.actor.userId,
            group_id: group.id,
            kind: 'alert_published' as const,
            target_id: item.id,
            audience,
            title: 't',
          })),
        )
        .execute();
      items[audience] = item.id;
      files[audience] = fileId;
    }
    fixtures.push({ groupId: group.id, isConfidential, items, files, subjects, plainMemberId });
  }
});
after(async () => {
  await database?.close();
});

const count = async (query: Promise<{ n: string | number | bigint }>) => Number((await query).n);

/** What row-level security lets the actor do, action by action. */
function rlsProbe(fixture: Fixture, subject: Subject, action: GroupAction, audience: Audience | undefined) {
  const g = fixture.groupId;
  const me = subject.actor.userId;
  switch (action) {
    case 'see_group':
      return probe(subject.actor, async (tx) => {
        const rows = await tx.selectFrom('groups').select('id').where('id', '=', g).execute();
        return rows.length === 1;
      });
    case 'read_group':
      return probe(subject.actor, async (tx) => {
        const row = await sql<{ c: string | null }>`select app_group_category(${g}::uuid) as c`.execute(tx);
        return row.rows[0]?.c !== null;
      });
    case 'read_item':
      return probe(subject.actor, async (tx) => {
        const items = await count(
          tx
            .selectFrom('library_items')
            .select(sql<string>`count(*)`.as('n'))
            .where('id', '=', fixture.items[audience!])
            .executeTakeFirstOrThrow(),
        );
        const versions = await count(
          tx
            .selectFrom('library_versions')
            .select(sql<string>`count(*)`.as('n'))
            .where('item_id', '=', fixture.items[audience!])
            .executeTakeFirstOrThrow(),
        );
        const files = await count(
          tx
            .selectFrom('group_files')
            .select(sql<string>`count(*)`.as('n'))
            .where('id', '=', fixture.files[audience!])
            .executeTakeFirstOrThrow(),
        );
        const notes = await count(
          tx
            .selectFrom('group_notifications')
            .select(sql<string>`count(*)`.as('n'))
            .where('target_id', '=', fixture.items[audience!])
            .where('user_id', '=', me)
            .executeTakeFirstOrThrow(),
        );
        // All four walls must agree with one another before they are compared with the policy.
        assert.equal(
          new Set([items, versions, files, notes]).size,
          1,
          `${subject.label}: item, version, file, notification`,
        );
        return items === 1;
      });
    case 'publish_item':
      return probe(subject.actor, async (tx) => {
        await tx
          .insertInto('library_items')
          .values({ group_id: g, kind: 'document', audience: audience!, title: 'probe', language: 'en' })
          .execute();
        return true;
      });
    case 'list_all_members':
      return probe(subject.actor, async (tx) => {
        const seen = await tx
          .selectFrom('group_members')
          .select('user_id')
          .where('group_id', '=', g)
          .where('user_id', '=', fixture.plainMemberId)
          .where('user_id', '!=', me)
          .execute();
        return seen.length === 1 || (me === fixture.plainMemberId && !fixture.isConfidential);
      });
    case 'write_to_group':
    case 'write_to_owners':
    case 'write_to_members':
      return probe(subject.actor, async (tx) => {
        const id = randomUUID();
        await tx
          .insertInto('group_messages')
          .values({
            id,
            group_id: g,
            thread_id: id,
            is_anonymous: true,
            address_kind: ADDRESS_OF[action],
            subject: 's',
            body: 'b',
          })
          .execute();
        return true;
      });
    case 'moderate':
      return probe(subject.actor, async (tx) => {
        const updated = await tx
          .updateTable('group_members')
          .set({ category: 'police' })
          .where('group_id', '=', g)
          .where('user_id', '=', fixture.plainMemberId)
          .executeTakeFirst();
        return Number(updated.numUpdatedRows) === 1;
      });
    case 'administer':
      return probe(subject.actor, async (tx) => {
        const updated = await tx
          .updateTable('groups')
          .set({ name_fr: 'changed' })
          .where('id', '=', g)
          .executeTakeFirst();
        return Number(updated.numUpdatedRows) === 1;
      });
    case 'request_join':
      // Any signed-in user may file their own request in the database; "not already a member" is the service's
      // check (join-requests.service.ts), tested in groups-flow.db.test.ts.
      throw new Error('request_join is not a row-level rule');
  }
}

const ADDRESS_OF = {
  write_to_group: 'group',
  write_to_owners: 'owners',
  write_to_members: 'members',
} as const;

const CHECKED: { action: GroupAction; perAudience: boolean }[] = [
  { action: 'see_group', perAudience: false },
  { action: 'read_group', perAudience: false },
  { action: 'read_item', perAudience: true },
  { action: 'publish_item', perAudience: true },
  { action: 'list_all_members', perAudience: false },
  { action: 'write_to_group', perAudience: false },
  { action: 'write_to_owners', perAudience: false },
  { action: 'write_to_members', perAudience: false },
  { action: 'moderate', perAudience: false },
  { action: 'administer', perAudience: false },
];

describe('group rules: policy and row-level security agree', () => {
  test('every category × owner × audience × confidential × action', async () => {
    const disagreements: string[] = [];
    let checked = 0;
    for (const fixture of fixtures) {
      for (const subject of fixture.subjects) {
        for (const { action, perAudience } of CHECKED) {
          for (const audience of perAudience ? AUDIENCES : [undefined]) {
            const expected = can(subject.actor, subject.membership, action, {
              group: { isConfidential: fixture.isConfidential, status: 'active' },
              ...(audience ? { audience } : {}),
            });
            const actual = await rlsProbe(fixture, subject, action, audience);
            checked += 1;
            if (expected !== actual)
              disagreements.push(
                `${fixture.isConfidential ? 'confidential' : 'open'} / ${subject.label} / ${action}${audience ? ` / ${audience}` : ''}: policy ${expected}, database ${actual}`,
              );
          }
        }
      }
    }
    assert.deepEqual(disagreements, []);
    assert.equal(checked, 2 * 14 * 12);
  });

  test('the rule itself: no IGO member ever reads or publishes a law-enforcement item', () => {
    const categories: MemberCategory[] = [...MEMBER_CATEGORIES];
    for (const category of categories) {
      for (const isOwner of [false, true]) {
        for (const isConfidential of [false, true]) {
          const actor = fixtures[0]!.subjects[0]!.actor;
          const on = {
            group: { isConfidential, status: 'active' as const },
            audience: 'law_enforcement' as const,
          };
          const reads = can(actor, { category, isOwner }, 'read_item', on);
          if (category === 'igo' || category === 'management_authority') assert.equal(reads, false, category);
          else assert.equal(reads, true, category);
          assert.equal(can(actor, { category, isOwner }, 'publish_item', on), reads && isOwner);
        }
      }
    }
  });
});
