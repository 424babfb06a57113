/**
 * SQL for in-app notifications and for whom to tell. Recipients are read with app_group_contacts (migrations
 * 0014, 0026), which honours the audience, so a law-enforcement item never notifies an IGO member.
 */
import { sql } from 'kysely';
import type { Audience } from '../../../shared/groups.contract.ts';
import type { Language } from '../../../shared/languages.ts';
import type { NotificationKind } from '../../db/schema-groups.ts';
import type { Tx } from '../../db/with-actor.ts';
import { visibleAudiences } from './groups.policy.ts';
import type { membershipsOf } from './groups.repo.ts';
import type { Keyset } from './paging.ts';

export interface Contact {
  user_id: string;
  display_name: string;
  email: string;
  language: Language;
}

/** select * from app_group_contacts(g, audience, owners_only) */
export async function groupContacts(
  tx: Tx,
  groupId: string,
  audience: Audience,
  ownersOnly: boolean,
): Promise<Contact[]> {
  const result = await sql<Contact>`select user_id, display_name, email, language
      from app_group_contacts(${groupId}::uuid, ${audience}, ${ownersOnly})`.execute(tx);
  return result.rows;
}

export async function notifyInApp(
  tx: Tx,
  rows: {
    userIds: string[];
    groupId: string;
    kind: NotificationKind;
    targetId: string | null;
    audience: Audience;
    title: string;
    now: Date;
  },
): Promise<void> {
  if (rows.userIds.length === 0) return;
  await tx
    .insertInto('group_notifications')
    .values(
      rows.userIds.map((userId) => ({
        user_id: userId,
        group_id: rows.groupId,
        kind: rows.kind,
        target_id: rows.targetId,
        audience: rows.audience,
        title: rows.title,
        created_at: rows.now,
      })),
    )
    .execute();
}

type Memberships = Awaited<ReturnType<typeof membershipsOf>>;

/** The caller's notifications, filtered by the audiences of each group the caller belongs to now. */
export function visibleNotifications(tx: Tx, userId: string, memberships: Memberships) {
  return tx
    .selectFrom('group_notifications as n')
    .where('n.user_id', '=', userId)
    .where((eb) =>
      eb.or(
        [...memberships.entries()].map(([groupId, membership]) =>
          eb.and([eb('n.group_id', '=', groupId), eb('n.audience', 'in', visibleAudiences(membership))]),
        ),
      ),
    );
}

/** One page of the caller's visible notifications, newest first (keyset on created_at, id). */
export async function listNotificationRows(
  tx: Tx,
  userId: string,
  memberships: Memberships,
  page: { after: Keyset | null; limit: number },
) {
  let select = visibleNotifications(tx, userId, memberships).selectAll('n');
  const after = page.after;
  if (after) {
    select = select.where((eb) =>
      eb.or([
        eb('n.created_at', '<', new Date(after.at)),
        eb.and([eb('n.created_at', '=', new Date(after.at)), eb('n.id', '<', after.id)]),
      ]),
    );
  }
  return select
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

export async function isNotificationVisible(
  tx: Tx,
  userId: string,
  memberships: Memberships,
  notificationId: string,
): Promise<boolean> {
  const row = await visibleNotifications(tx, userId, memberships)
    .select('n.id')
    .where('n.id', '=', notificationId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function markNotificationReadRow(tx: Tx, userId: string, notificationId: string, now: Date) {
  await tx
    .updateTable('group_notifications')
    .set({ read_at: now })
    .where('id', '=', notificationId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

/** Unread visible notifications per group. */
export async function unreadNotificationCounts(
  tx: Tx,
  userId: string,
  memberships: Memberships,
): Promise<Map<string, number>> {
  if (memberships.size === 0) return new Map();
  // The audience filter (visibleNotifications), not only row-level security, keeps hidden items out of counts.
  const rows = await visibleNotifications(tx, userId, memberships)
    .select(['n.group_id', sql<string>`count(*)`.as('n')])
    .where('n.read_at', 'is', null)
    .groupBy('n.group_id')
    .execute();
  return new Map(rows.map((row) => [row.group_id, Number(row.n)]));
}

/** The newest notification sequence number of the user: where a new live stream starts. */
export async function newestNotificationSeq(tx: Tx, userId: string): Promise<string> {
  const row = await tx
    .selectFrom('group_notifications')
    .select(sql<string>`coalesce(max(seq), 0)`.as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return String(row.n);
}

/** Visible notifications after a sequence number (the live stream's poll). */
export async function notificationsAfter(tx: Tx, userId: string, memberships: Memberships, seq: string) {
  return visibleNotifications(tx, userId, memberships)
    .select(['n.seq', 'n.id', 'n.group_id'])
    .where('n.seq', '>', seq)
    .orderBy('n.seq')
    .limit(100)
    .execute();
}

/** Of these active groups, those the acting user is a member of (app_group_category: its own membership). */
export async function groupsOfActorAmong(tx: Tx, groupIds: readonly string[]): Promise<string[]> {
  const result = await sql<{ id: string }>`select g.id from groups g
     where g.id = any(${groupIds}::uuid[]) and g.status = 'active' and app_group_category(g.id) is not null`.execute(
    tx,
  );
  return result.rows.map((row) => row.id);
}
