/**
 * SQL for groups and memberships. Every query runs inside withActor, so row-level security applies on top of the
 * filters written here.
 */
import { sql, type Selectable } from 'kysely';
import type { GroupsTable } from '../../db/schema-groups.ts';
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
