/**
 * SQL for messages. Every query names the caller's own recipient or sender row explicitly (the rule of
 * groups.policy.ts: a member reads what was sent to them or by them); row-level security restates it.
 */
import { sql, type ExpressionBuilder, type Insertable, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { GroupMessagesTable } from '../../db/schema-groups.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { Keyset } from './paging.ts';
import { containsPattern } from '../../lib/contains-pattern.ts';

type WithM = DB & { m: GroupMessagesTable };

export type MessageRow = Selectable<GroupMessagesTable>;
export type Folder = 'inbox' | 'sent' | 'all';

const received = (eb: ExpressionBuilder<WithM, 'm'>, userId: string) =>
  eb.exists(
    eb
      .selectFrom('group_message_recipients as r')
      .select('r.user_id')
      .whereRef('r.message_id', '=', 'm.id')
      .where('r.user_id', '=', userId),
  );
const sent = (eb: ExpressionBuilder<WithM, 'm'>, userId: string) =>
  eb.exists(
    eb
      .selectFrom('group_message_senders as s')
      .select('s.user_id')
      .whereRef('s.message_id', '=', 'm.id')
      .where('s.user_id', '=', userId),
  );

/** Messages of a group the user received and/or sent. */
export function readableMessages(tx: Tx, groupId: string, userId: string, folder: Folder = 'all') {
  return tx
    .selectFrom('group_messages as m')
    .selectAll('m')
    .where('m.group_id', '=', groupId)
    .where((eb) =>
      folder === 'inbox'
        ? received(eb, userId)
        : folder === 'sent'
          ? sent(eb, userId)
          : eb.or([received(eb, userId), sent(eb, userId)]),
    );
}

/** Escapes LIKE's wildcards so a search for "50%" means the characters. */
export async function listMessages(
  tx: Tx,
  groupId: string,
  userId: string,
  query: { folder: Folder; q?: string | undefined; unreadOnly: boolean; after: Keyset | null; limit: number },
): Promise<MessageRow[]> {
  let select = readableMessages(tx, groupId, userId, query.folder);
  if (query.q) {
    const pattern = containsPattern(query.q);
    select = select.where((eb) => eb.or([eb('m.subject', 'ilike', pattern), eb('m.body', 'ilike', pattern)]));
  }
  if (query.unreadOnly) {
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('group_message_recipients as u')
          .select('u.user_id')
          .whereRef('u.message_id', '=', 'm.id')
          .where('u.user_id', '=', userId)
          .where('u.read_at', 'is', null),
      ),
    );
  }
  const after = query.after;
  if (after) {
    select = select.where((eb) =>
      eb.or([
        eb('m.sent_at', '<', new Date(after.at)),
        eb.and([eb('m.sent_at', '=', new Date(after.at)), eb('m.id', '<', after.id)]),
      ]),
    );
  }
  return select
    .orderBy('m.sent_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(query.limit + 1)
    .execute();
}

/** For a set of messages: which the user sent, which they have read, and every recipient row they may see. */
export async function messageFacts(tx: Tx, userId: string, messageIds: string[]) {
  if (messageIds.length === 0) return { own: new Set<string>(), recipients: [] };
  const own = await tx
    .selectFrom('group_message_senders')
    .select('message_id')
    .where('message_id', 'in', messageIds)
    .where('user_id', '=', userId)
    .execute();
  const recipients = await tx
    .selectFrom('group_message_recipients')
    .select(['message_id', 'user_id', 'recipient_name', 'read_at'])
    .where('message_id', 'in', messageIds)
    .orderBy('recipient_name')
    .execute();
  return { own: new Set(own.map((r) => r.message_id)), recipients };
}

/**
 * A new message with its sender row and one delivery row per recipient. The message is not read back
 * (RETURNING) before its sender row exists: row-level security would not show it yet.
 */
export async function insertMessage(
  tx: Tx,
  message: Insertable<GroupMessagesTable> & { id: string },
  senderId: string,
  recipients: { userId: string; name: string }[],
): Promise<void> {
  await tx.insertInto('group_messages').values(message).execute();
  await tx
    .insertInto('group_message_senders')
    .values({ message_id: message.id, user_id: senderId })
    .execute();
  await tx
    .insertInto('group_message_recipients')
    .values(recipients.map((r) => ({ message_id: message.id, user_id: r.userId, recipient_name: r.name })))
    .execute();
}

/** update group_message_recipients set read_at = now where message_id = $1 and user_id = $2 and unread */
export async function markRecipientRead(tx: Tx, messageId: string, userId: string, now: Date): Promise<void> {
  await tx
    .updateTable('group_message_recipients')
    .set({ read_at: now })
    .where('message_id', '=', messageId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

/** The newest delivery sequence number of the user: where a new live stream starts. */
export async function newestDeliverySeq(tx: Tx, userId: string): Promise<string> {
  const row = await tx
    .selectFrom('group_message_recipients')
    .select(sql<string>`coalesce(max(seq), 0)`.as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return String(row.n);
}

/** Deliveries to the user after a sequence number, in the given groups (the live stream's poll). */
export async function deliveriesAfter(tx: Tx, userId: string, groupIds: string[], seq: string) {
  return tx
    .selectFrom('group_message_recipients as r')
    .innerJoin('group_messages as m', 'm.id', 'r.message_id')
    .select(['r.seq', 'm.id', 'm.group_id', 'm.thread_id'])
    .where('r.user_id', '=', userId)
    .where('r.seq', '>', seq)
    .where('m.group_id', 'in', groupIds)
    .orderBy('r.seq')
    .limit(100)
    .execute();
}

/** One message the user may read in the group, or undefined (missing and unreadable are one answer). */
export async function selectReadableMessage(tx: Tx, groupId: string, userId: string, messageId: string) {
  return readableMessages(tx, groupId, userId).where('m.id', '=', messageId).executeTakeFirst();
}

/** The messages of a thread that the user may read, oldest first. */
export async function selectReadableThread(tx: Tx, groupId: string, userId: string, threadId: string) {
  return readableMessages(tx, groupId, userId)
    .where('m.thread_id', '=', threadId)
    .orderBy('m.sent_at')
    .orderBy('m.id')
    .execute();
}
