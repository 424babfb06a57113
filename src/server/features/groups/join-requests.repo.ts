/** SQL for join requests. Row-level security shows a request to its person and to the group's moderators. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { GroupJoinRequestsTable } from '../../db/schema-groups.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { Keyset } from './paging.ts';

export type JoinRow = Selectable<GroupJoinRequestsTable>;

export async function insertJoinRequest(
  tx: Tx,
  values: Insertable<GroupJoinRequestsTable>,
): Promise<JoinRow> {
  return tx.insertInto('group_join_requests').values(values).returningAll().executeTakeFirstOrThrow();
}

/** select id from group_join_requests where group_id = $1 and user_id = $2 and status = 'pending' */
export async function hasPendingRequest(tx: Tx, groupId: string, userId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('group_join_requests')
    .select('id')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}

/** One page of requests of a status, of a group or of a person, oldest first (keyset on created_at, id). */
export async function listJoinRequestRows(
  tx: Tx,
  where: { status: JoinRow['status']; groupId: string } | { status: JoinRow['status']; userId: string },
  page: { after: Keyset | null; limit: number },
): Promise<JoinRow[]> {
  let select = tx.selectFrom('group_join_requests').selectAll().where('status', '=', where.status);
  select =
    'groupId' in where
      ? select.where('group_id', '=', where.groupId)
      : select.where('user_id', '=', where.userId);
  const after = page.after;
  if (after) {
    select = select.where((eb) =>
      eb.or([
        eb('created_at', '>', new Date(after.at)),
        eb.and([eb('created_at', '=', new Date(after.at)), eb('id', '>', after.id)]),
      ]),
    );
  }
  return select
    .orderBy('created_at')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
}

/** select * from group_join_requests where id = $1 and group_id = $2 for update */
export async function findJoinRequestForUpdate(tx: Tx, groupId: string, requestId: string) {
  return tx
    .selectFrom('group_join_requests')
    .selectAll()
    .where('id', '=', requestId)
    .where('group_id', '=', groupId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateJoinRequest(
  tx: Tx,
  requestId: string,
  set: Updateable<GroupJoinRequestsTable>,
): Promise<JoinRow> {
  return tx
    .updateTable('group_join_requests')
    .set(set)
    .where('id', '=', requestId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
