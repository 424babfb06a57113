/**
 * Reading messages: inbox, sent, search, a thread, marking read, unread counts. What a message shows of its sender
 * is decided here once: a named member, or "anonymous member" — the real sender of an anonymous message is never
 * in an answer (only the sender's own `isOwn` flag, shown to the sender alone).
 */
import { sql } from 'kysely';
import type { Message, MessageSummary, UnreadCounts } from '../../../shared/groups.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import { filesOf, toUploadedFile } from './files.service.ts';
import type { GroupCtx } from './groups-deps.ts';
import { can, type MembershipFacts } from './groups.policy.ts';
import { membershipsOf, unreadMessageCounts, type GroupRow } from './groups.repo.ts';
import { visibleNotifications } from './notifications.service.ts';
import { facts, loadMemberAccess } from './groups.service.ts';
import {
  listMessages,
  messageFacts,
  readableMessages,
  type Folder,
  type MessageRow,
} from './messages.repo.ts';
import { decodeCursor, pageOf } from './paging.ts';

async function toMessages(
  tx: Tx,
  ctx: GroupCtx,
  group: GroupRow,
  membership: MembershipFacts,
  rows: MessageRow[],
): Promise<Message[]> {
  const ids = rows.map((r) => r.id);
  const { own, recipients } = await messageFacts(tx, ctx.actor.userId, ids);
  const files = await filesOf(tx, 'message_id', ids);
  const on = { group: facts(group) };
  const mayReplyToMembers = can(ctx.actor, membership, 'write_to_members', on);
  const mayReply = can(ctx.actor, membership, 'write_to_group', on);
  // Receipts name the readers only where the sender may list members anyway.
  const namesReaders = can(ctx.actor, membership, 'list_all_members', on);
  return rows.map((row) => {
    const isOwn = own.has(row.id);
    const mine = recipients.filter((r) => r.message_id === row.id);
    const myRow = mine.find((r) => r.user_id === ctx.actor.userId);
    const read = mine.filter((r) => r.read_at !== null);
    const attachments = files.filter((f) => f.message_id === row.id).map(toUploadedFile);
    return {
      id: row.id,
      groupId: row.group_id,
      threadId: row.thread_id,
      subject: row.subject,
      preview: row.body.slice(0, 200),
      sender:
        row.is_anonymous || row.author_id === null
          ? { kind: 'anonymous' as const }
          : {
              kind: 'member' as const,
              userId: row.author_id,
              name: row.author_name ?? '',
              organisation: row.author_organisation ?? '',
            },
      isOwn,
      to: {
        kind: row.address_kind,
        names: row.address_kind === 'members' ? mine.map((r) => r.recipient_name) : [],
      },
      sentAt: row.sent_at.toISOString(),
      isRead: isOwn || (myRow?.read_at ?? null) !== null,
      hasAttachments: attachments.length > 0,
      body: row.body,
      attachments,
      receipts: isOwn
        ? {
            recipients: mine.length,
            read: read.length,
            readers:
              namesReaders || row.address_kind === 'members'
                ? read.map((r) => ({ name: r.recipient_name, readAt: new Date(r.read_at!).toISOString() }))
                : null,
          }
        : null,
      abilities: [
        ...(mayReply ? (['reply'] as const) : []),
        ...(mayReplyToMembers ? (['reply_to_members'] as const) : []),
      ],
    };
  });
}

const summaryOf = (m: Message): MessageSummary => ({
  id: m.id,
  groupId: m.groupId,
  threadId: m.threadId,
  subject: m.subject,
  preview: m.preview,
  sender: m.sender,
  isOwn: m.isOwn,
  to: m.to,
  sentAt: m.sentAt,
  isRead: m.isRead,
  hasAttachments: m.hasAttachments,
});

export async function listGroupMessages(
  tx: Tx,
  ctx: GroupCtx,
  groupId: string,
  query: {
    folder: Folder;
    q?: string | undefined;
    unreadOnly: boolean;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const { group, membership } = await loadMemberAccess(tx, ctx.actor, groupId);
  const rows = await listMessages(tx, groupId, ctx.actor.userId, {
    ...query,
    after: decodeCursor(query.cursor),
  });
  const page = pageOf(rows, query.limit, (r) => ({ at: r.sent_at, id: r.id }));
  const messages = await toMessages(tx, ctx, group, membership, page.items);
  return { items: messages.map(summaryOf), nextCursor: page.nextCursor };
}

/** One message and its thread (the messages of the thread the caller may read, oldest first). */
export async function getMessageThread(tx: Tx, ctx: GroupCtx, ids: { groupId: string; messageId: string }) {
  const { group, membership } = await loadMemberAccess(tx, ctx.actor, ids.groupId);
  const row = await readableMessages(tx, ids.groupId, ctx.actor.userId)
    .where('m.id', '=', ids.messageId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  const threadRows = await readableMessages(tx, ids.groupId, ctx.actor.userId)
    .where('m.thread_id', '=', row.thread_id)
    .orderBy('m.sent_at')
    .orderBy('m.id')
    .execute();
  const thread = await toMessages(tx, ctx, group, membership, threadRows);
  const message = thread.find((m) => m.id === row.id);
  if (!message) throw new NotFoundError();
  return { message, thread };
}

export async function markMessageRead(tx: Tx, ctx: GroupCtx, ids: { groupId: string; messageId: string }) {
  await loadMemberAccess(tx, ctx.actor, ids.groupId);
  const row = await readableMessages(tx, ids.groupId, ctx.actor.userId)
    .where('m.id', '=', ids.messageId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  await tx
    .updateTable('group_message_recipients')
    .set({ read_at: ctx.clock() })
    .where('message_id', '=', ids.messageId)
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null)
    .execute();
}

/** Unread messages and notifications per group of which the caller is a member now. */
export async function unreadCounts(tx: Tx, ctx: GroupCtx): Promise<UnreadCounts> {
  const memberOf = await tx
    .selectFrom('group_members')
    .select('group_id')
    .where('user_id', '=', ctx.actor.userId)
    .execute();
  const messages = await unreadMessageCounts(tx, ctx.actor.userId);
  const memberships = await membershipsOf(tx, ctx.actor.userId);
  const notifications = new Map<string, number>();
  if (memberships.size > 0) {
    // The audience filter (visibleNotifications), not only row-level security, keeps hidden items out of counts.
    const rows = await visibleNotifications(tx, ctx.actor.userId, memberships)
      .select(['n.group_id', sql<string>`count(*)`.as('n')])
      .where('n.read_at', 'is', null)
      .groupBy('n.group_id')
      .execute();
    for (const row of rows) notifications.set(row.group_id, Number(row.n));
  }
  const groups = memberOf
    .map(({ group_id: groupId }) => ({
      groupId,
      messages: messages.get(groupId) ?? 0,
      notifications: notifications.get(groupId) ?? 0,
    }))
    .filter((g) => g.messages > 0 || g.notifications > 0);
  return {
    totalMessages: groups.reduce((sum, g) => sum + g.messages, 0),
    totalNotifications: groups.reduce((sum, g) => sum + g.notifications, 0),
    groups,
  };
}
