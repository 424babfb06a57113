/**
 * Reading messages: inbox, sent, search, a thread, marking read, unread counts. What a message shows of its sender
 * is decided here once: a named member, or "anonymous member" — the real sender of an anonymous message is never
 * in an answer (only the sender's own `isOwn` flag, shown to the sender alone).
 */
import type { Actor, UserActor } from '../../../shared/actor.ts';
import type { Message, MessageSummary, UnreadCounts } from '../../../shared/groups.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { toUploadedFile } from './files.service.ts';
import { filesOf } from './files.repo.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { can, type MembershipFacts } from './groups.policy.ts';
import { membershipsOf, unreadMessageCounts, type GroupRow } from './groups.repo.ts';
import { facts, loadMemberAccess } from './groups.service.ts';
import {
  listMessages,
  markRecipientRead,
  messageFacts,
  selectReadableMessage,
  selectReadableThread,
  type Folder,
  type MessageRow,
} from './messages.repo.ts';
import { unreadNotificationCounts } from './notifications.repo.ts';
import { decodeCursor, pageOf } from './paging.ts';

async function toMessages(
  tx: Tx,
  user: UserActor,
  group: GroupRow,
  membership: MembershipFacts,
  rows: MessageRow[],
): Promise<Message[]> {
  const ids = rows.map((r) => r.id);
  const { own, recipients } = await messageFacts(tx, user.userId, ids);
  const files = await filesOf(tx, 'message_id', ids);
  const on = { group: facts(group) };
  const mayReplyToMembers = can(user, membership, 'write_to_members', on);
  const mayReply = can(user, membership, 'write_to_group', on);
  // Receipts name the readers only where the sender may list members anyway.
  const namesReaders = can(user, membership, 'list_all_members', on);
  return rows.map((row) => {
    const isOwn = own.has(row.id);
    const mine = recipients.filter((r) => r.message_id === row.id);
    const myRow = mine.find((r) => r.user_id === user.userId);
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
  deps: GroupsDeps,
  actor: Actor,
  _request: RequestContext,
  query: {
    groupId: string;
    folder: Folder;
    q?: string | undefined;
    unreadOnly: boolean;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const user = groupUser(actor);
  return withActor(
    deps.db,
    user,
    async (tx) => {
      const { group, membership } = await loadMemberAccess(tx, user, query.groupId);
      const rows = await listMessages(tx, query.groupId, user.userId, {
        folder: query.folder,
        q: query.q,
        unreadOnly: query.unreadOnly,
        limit: query.limit,
        after: decodeCursor(query.cursor),
      });
      const page = pageOf(rows, query.limit, (r) => ({ at: r.sent_at, id: r.id }));
      const messages = await toMessages(tx, user, group, membership, page.items);
      return { items: messages.map(summaryOf), nextCursor: page.nextCursor };
    },
    { readsOnly: true },
  );
}

interface MessageIds {
  groupId: string;
  messageId: string;
}

/** One message and its thread (the messages of the thread the caller may read, oldest first). */
export async function threadInTx(tx: Tx, user: UserActor, ids: MessageIds) {
  const { group, membership } = await loadMemberAccess(tx, user, ids.groupId);
  const row = await selectReadableMessage(tx, ids.groupId, user.userId, ids.messageId);
  if (!row) throw new NotFoundError();
  const threadRows = await selectReadableThread(tx, ids.groupId, user.userId, row.thread_id);
  const thread = await toMessages(tx, user, group, membership, threadRows);
  const message = thread.find((m) => m.id === row.id);
  if (!message) throw new NotFoundError();
  return { message, thread };
}

export async function getMessageThread(
  deps: GroupsDeps,
  actor: Actor,
  _request: RequestContext,
  params: MessageIds,
) {
  const user = groupUser(actor);
  return withActor(deps.db, user, (tx) => threadInTx(tx, user, params), { readsOnly: true });
}

export async function markMessageRead(
  deps: GroupsDeps,
  actor: Actor,
  _request: RequestContext,
  params: MessageIds,
): Promise<void> {
  const user = groupUser(actor);
  await withActor(deps.db, user, async (tx) => {
    await loadMemberAccess(tx, user, params.groupId);
    const row = await selectReadableMessage(tx, params.groupId, user.userId, params.messageId);
    if (!row) throw new NotFoundError();
    await markRecipientRead(tx, params.messageId, user.userId, deps.clock());
  });
}

/** Unread messages and notifications per group of which the user is a member now (also the live stream's). */
export async function unreadCountsInTx(tx: Tx, user: UserActor): Promise<UnreadCounts> {
  const messages = await unreadMessageCounts(tx, user.userId);
  const memberships = await membershipsOf(tx, user.userId);
  const notifications = await unreadNotificationCounts(tx, user.userId, memberships);
  const groups = [...memberships.keys()]
    .map((groupId) => ({
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

export async function unreadCounts(deps: GroupsDeps, actor: Actor, _request: RequestContext) {
  const user = groupUser(actor);
  return withActor(deps.db, user, (tx) => unreadCountsInTx(tx, user), { readsOnly: true });
}
