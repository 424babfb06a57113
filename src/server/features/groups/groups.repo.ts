/**
 * SQL for groups and memberships. Every query runs inside withActor, so row-level security applies on top of the
 * filters written here.
 */
import { sql, type Insertable, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import type { GroupMembersTable, GroupsTable } from '../../db/schema-groups.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { MembershipFacts } from './groups.policy.ts';

export type GroupRow = Selectable<GroupsTable>;

/** select * from groups where id = $1 — null when missing or hidden by row-level security. */
export async function findGroup(tx: Tx, groupId: string): Promise<GroupRow | null> {
  return (await tx.selectFrom('groups').selectAll().where('id', '=', groupId).executeTakeFirst()) ?? null;
}

/** select category, is_owner, joined_at from group_members where group_id = $1 and user_id = $2 */
export async function findMembership(
  tx: Tx,
  groupId: string,
  userId: string,
): Promise<(MembershipFacts & { joinedAt: Date }) | null> {
  const row = await tx
    .selectFrom('group_members')
    .select(['category', 'is_owner', 'joined_at'])
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? { category: row.category, isOwner: row.is_owner, joinedAt: row.joined_at } : null;
}

/** The caller's memberships keyed by group id. */
export async function membershipsOf(tx: Tx, userId: string) {
  const rows = await tx
    .selectFrom('group_members')
    .select(['group_id', 'category', 'is_owner', 'joined_at'])
    .where('user_id', '=', userId)
    .execute();
  return new Map(
    rows.map((r) => [r.group_id, { category: r.category, isOwner: r.is_owner, joinedAt: r.joined_at }]),
  );
}

/** select group_id, count(*) from group_members where group_id in (…) group by group_id (rows RLS lets us see). */
export async function memberCounts(tx: Tx, groupIds: string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('group_members')
    .select(['group_id', sql<string>`count(*)`.as('n')])
    .where('group_id', 'in', groupIds)
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
}

/** The caller's unread messages per group: select m.group_id, count(*) from recipients r join messages m … */
export async function unreadMessageCounts(tx: Tx, userId: string): Promise<Map<string, number>> {
  const rows = await tx
    .selectFrom('group_message_recipients as r')
    .innerJoin('group_messages as m', 'm.id', 'r.message_id')
    .select(['m.group_id', sql<string>`count(*)`.as('n')])
    .where('r.user_id', '=', userId)
    .where('r.read_at', 'is', null)
    .groupBy('m.group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
}

/** The caller's pending join requests keyed by group id. */
export async function pendingRequestsOf(tx: Tx, userId: string): Promise<Map<string, string>> {
  const rows = await tx
    .selectFrom('group_join_requests')
    .select(['id', 'group_id'])
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .execute();
  return new Map(rows.map((r) => [r.group_id, r.id]));
}

/** Current members, for addressing messages and notifying an audience. */
export async function listMemberRows(tx: Tx, groupId: string) {
  return tx
    .selectFrom('group_members')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('is_owner', 'desc')
    .orderBy('display_name')
    .execute();
}

/** select * from groups where <visible> [and id in (…)] [and status = 'active' and id not in (…)] order by name_en */
export async function listGroupRows(
  tx: Tx,
  where: { visible: RawBuilder<boolean>; onlyIds?: string[]; activeOnly?: boolean; exceptIds?: string[] },
): Promise<GroupRow[]> {
  let query = tx.selectFrom('groups').selectAll().where(where.visible).orderBy('name_en');
  if (where.onlyIds) query = query.where('id', 'in', where.onlyIds);
  if (where.activeOnly) query = query.where('status', '=', 'active');
  if (where.exceptIds && where.exceptIds.length > 0) query = query.where('id', 'not in', where.exceptIds);
  return query.execute();
}

/** select id, names from groups where status = 'active' and not is_confidential order by name_en */
export async function listDirectoryRows(tx: Tx) {
  return tx
    .selectFrom('groups')
    .select(['id', 'name_en', 'name_fr', 'name_es'])
    .where('status', '=', 'active')
    .where('is_confidential', '=', false)
    .orderBy('name_en')
    .execute();
}

/** select id, names from groups where status = 'active' — the groups a registrant may name (as the Secretariat). */
export async function listActiveGroupNames(tx: Tx) {
  return tx
    .selectFrom('groups')
    .select(['id', 'name_en', 'name_fr', 'name_es'])
    .where('status', '=', 'active')
    .execute();
}

/** select id from groups where lower(name_en) = lower($1) */
export async function isGroupNameTaken(tx: Tx, nameEn: string): Promise<boolean> {
  const taken = await tx
    .selectFrom('groups')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name_en']), '=', nameEn.toLowerCase()))
    .executeTakeFirst();
  return taken !== undefined;
}

/** select id from groups where name_en = $1 */
export async function findGroupIdByName(tx: Tx, nameEn: string): Promise<string | null> {
  const row = await tx.selectFrom('groups').select('id').where('name_en', '=', nameEn).executeTakeFirst();
  return row?.id ?? null;
}

export async function insertGroupRow(tx: Tx, values: Insertable<GroupsTable>): Promise<GroupRow> {
  return tx.insertInto('groups').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateGroupRow(tx: Tx, groupId: string, set: Updateable<GroupsTable>): Promise<void> {
  await tx.updateTable('groups').set(set).where('id', '=', groupId).execute();
}

/** An active user as a member row sees them: name, organisation, country. */
export async function findActiveUserForMembership(tx: Tx, userId: string) {
  return tx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.first_name', 'u.last_name', 'u.country', 'o.name as organisation'])
    .where('u.id', '=', userId)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
}

/** select id from users where email = $1 and status = 'active' */
export async function findActiveUserIdByEmail(tx: Tx, email: string): Promise<string | null> {
  const row = await tx
    .selectFrom('users')
    .select(['id', 'status'])
    .where('email', '=', email)
    .executeTakeFirst();
  return row && row.status === 'active' ? row.id : null;
}

/** select language from users where id = $1 */
export async function languageOfUser(tx: Tx, userId: string) {
  const row = await tx
    .selectFrom('users')
    .select('language')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.language;
}

/** insert into group_members … on conflict do nothing (a group's first owners). */
export async function addMemberIfAbsent(tx: Tx, values: Insertable<GroupMembersTable>): Promise<void> {
  await tx
    .insertInto('group_members')
    .values(values)
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
    .execute();
}

/** insert into group_members … on conflict update category and owner flag (an approved join request). */
export async function upsertMember(tx: Tx, values: Insertable<GroupMembersTable>): Promise<void> {
  await tx
    .insertInto('group_members')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['group_id', 'user_id'])
        .doUpdateSet({ category: values.category, is_owner: values.is_owner }),
    )
    .execute();
}

/** select * from group_members where group_id = $1 and user_id = $2 for update */
export async function findMemberForUpdate(tx: Tx, groupId: string, userId: string) {
  return tx
    .selectFrom('group_members')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

/** The name and organisation a member writes and publishes under. */
export async function memberSignature(tx: Tx, groupId: string, userId: string) {
  return tx
    .selectFrom('group_members')
    .select(['display_name', 'organisation_name'])
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** select count(*) from group_members where group_id = $1 and is_owner */
export async function ownerCount(tx: Tx, groupId: string): Promise<number> {
  const rows = await tx
    .selectFrom('group_members')
    .select('user_id')
    .where('group_id', '=', groupId)
    .where('is_owner', '=', true)
    .execute();
  return rows.length;
}

export async function updateMemberRow(
  tx: Tx,
  ids: { groupId: string; userId: string },
  set: Updateable<GroupMembersTable>,
): Promise<void> {
  await tx
    .updateTable('group_members')
    .set(set)
    .where('group_id', '=', ids.groupId)
    .where('user_id', '=', ids.userId)
    .execute();
}

export async function deleteMember(tx: Tx, ids: { groupId: string; userId: string }): Promise<void> {
  await tx
    .deleteFrom('group_members')
    .where('group_id', '=', ids.groupId)
    .where('user_id', '=', ids.userId)
    .execute();
}
