/**
 * In-app notifications of the groups (alerts and documents published, join requests and decisions). Row-level
 * security shows a notification only while its reader is a member who may see its audience; the queries say so
 * too (`visibleNotifications`).
 */
import type { Actor } from '../../../shared/actor.ts';
import type { Notification } from '../../../shared/groups.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { membershipsOf } from './groups.repo.ts';
import {
  isNotificationVisible,
  listNotificationRows,
  markNotificationReadRow,
} from './notifications.repo.ts';
import { decodeCursor, pageOf } from './paging.ts';

export async function listNotifications(
  deps: GroupsDeps,
  actor: Actor,
  _request: RequestContext,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: Notification[]; nextCursor: string | null }> {
  const user = groupUser(actor);
  return withActor(
    deps.db,
    user,
    async (tx) => {
      const memberships = await membershipsOf(tx, user.userId);
      if (memberships.size === 0) return { items: [], nextCursor: null };
      const rows = await listNotificationRows(tx, user.userId, memberships, {
        after: decodeCursor(query.cursor),
        limit: query.limit,
      });
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
    },
    { readsOnly: true },
  );
}

export async function markNotificationRead(
  deps: GroupsDeps,
  actor: Actor,
  _request: RequestContext,
  params: { notificationId: string },
): Promise<void> {
  const user = groupUser(actor);
  await withActor(deps.db, user, async (tx) => {
    const memberships = await membershipsOf(tx, user.userId);
    const found =
      memberships.size > 0 &&
      (await isNotificationVisible(tx, user.userId, memberships, params.notificationId));
    if (!found) throw new NotFoundError();
    await markNotificationReadRow(tx, user.userId, params.notificationId, deps.clock());
  });
}
