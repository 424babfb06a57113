/**
 * In-app notifications of the groups (alerts and documents published, join requests and decisions). Row-level
 * security shows a notification only while its reader is a member who may see its audience.
 */
import type { Notification } from '../../../shared/groups.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import type { GroupCtx } from './groups-deps.ts';
import { visibleAudiences } from './groups.policy.ts';
import { membershipsOf } from './groups.repo.ts';
import { decodeCursor, pageOf } from './paging.ts';

/** The caller's notifications, filtered by the audiences of each group the caller belongs to now. */
export function visibleNotifications(
  tx: Tx,
  userId: string,
  memberships: Awaited<ReturnType<typeof membershipsOf>>,
) {
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

export async function listNotifications(
  tx: Tx,
  ctx: GroupCtx,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: Notification[]; nextCursor: string | null }> {
  const memberships = await membershipsOf(tx, ctx.actor.userId);
  if (memberships.size === 0) return { items: [], nextCursor: null };
  let select = visibleNotifications(tx, ctx.actor.userId, memberships).selectAll('n');
  const after = decodeCursor(query.cursor);
  if (after) {
    select = select.where((eb) =>
      eb.or([
        eb('n.created_at', '<', new Date(after.at)),
        eb.and([eb('n.created_at', '=', new Date(after.at)), eb('n.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = pageOf(rows, query.limit, (r) => ({ at: r.created_at, id: r.id }));
  return {
    items: page.items.map((r) => ({
      id: r.id,
      groupId: r.group_id,
      kind: r.kind,
      targetId: r.target_id,
      title: r.title,
      createdAt: r.created_at.toISOString(),
      isRead: r.read_at !== null,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function markNotificationRead(tx: Tx, ctx: GroupCtx, notificationId: string): Promise<void> {
  const memberships = await membershipsOf(tx, ctx.actor.userId);
  const found =
    memberships.size > 0 &&
    (await visibleNotifications(tx, ctx.actor.userId, memberships)
      .select('n.id')
      .where('n.id', '=', notificationId)
      .executeTakeFirst());
  if (!found) throw new NotFoundError();
  await tx
    .updateTable('group_notifications')
    .set({ read_at: ctx.clock() })
    .where('id', '=', notificationId)
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null)
    .execute();
}
