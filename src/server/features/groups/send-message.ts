/**
 * Sending a message: to the whole group, to its owners, or (not in a confidential group) to chosen members; as a
 * reply in a thread; with attachments already uploaded; possibly anonymously. Each recipient gets a delivery row
 * (unread count, read receipt, live update) and an e-mail saying that a message arrived and where — never its
 * subject or text. The audit log records who wrote to whom and when, not what; for an anonymous message the entry
 * names the real sender, and only Secretariat admins read the audit log.
 */
import { randomUUID } from 'node:crypto';
import type { ComposeMessage, Message } from '../../../shared/groups.contract.ts';
import type { Settings } from '../../config.ts';
import type { Tx } from '../../db/with-actor.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { attachFiles } from './files.service.ts';
import { auditCtx, type GroupCtx } from './groups-deps.ts';
import { can } from './groups.policy.ts';
import { facts, loadMemberAccess } from './groups.service.ts';
import { getMessageThread } from './messages.service.ts';
import { readableMessages } from './messages.repo.ts';
import { groupContacts, mailContacts } from './notify.ts';
import { toPlainText } from './plain-text.ts';

export async function sendMessage(
  tx: Tx,
  ctx: GroupCtx,
  settings: Settings,
  groupId: string,
  input: ComposeMessage,
): Promise<Message> {
  const { group, membership } = await loadMemberAccess(tx, ctx.actor, groupId);
  const on = { group: facts(group) };
  const action =
    input.to.kind === 'group'
      ? 'write_to_group'
      : input.to.kind === 'owners'
        ? 'write_to_owners'
        : 'write_to_members';
  if (!can(ctx.actor, membership, action, on)) {
    // Security: chosen members are refused in a confidential group (DESIGN §2), whatever the page offered.
    throw new ValidationError([
      {
        field: 'to',
        reason: group.is_confidential && group.status === 'active' ? 'confidential_group_address' : 'invalid',
      },
    ]);
  }

  let threadId: string | null = null;
  if (input.replyToId) {
    const parent = await readableMessages(tx, groupId, ctx.actor.userId)
      .where('m.id', '=', input.replyToId)
      .executeTakeFirst();
    if (!parent) throw new NotFoundError();
    threadId = parent.thread_id;
  }

  const everyone = await groupContacts(tx, groupId, 'all_members', input.to.kind === 'owners');
  const others = everyone.filter((c) => c.user_id !== ctx.actor.userId);
  let recipients = others;
  if (input.to.kind === 'members') {
    const wanted = new Set(input.to.userIds);
    recipients = others.filter((c) => wanted.has(c.user_id));
    if (recipients.length !== wanted.size || wanted.has(ctx.actor.userId))
      throw new ValidationError([{ field: 'to.userIds', reason: 'not_a_member' }]);
  }
  if (recipients.length === 0) throw new ValidationError([{ field: 'to', reason: 'required' }]);

  const me = await tx
    .selectFrom('group_members')
    .select(['display_name', 'organisation_name'])
    .where('group_id', '=', groupId)
    .where('user_id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const now = ctx.clock();
  // The id is made here: the row cannot be read back (RETURNING) before its sender row exists.
  await tx
    .insertInto('group_messages')
    .values({
      id,
      group_id: groupId,
      thread_id: threadId ?? id,
      reply_to_id: input.replyToId ?? null,
      // Security: an anonymous message stores no author; the sender row below is readable only by the sender
      // and Secretariat admins (row-level security), and no answer shows it (tested).
      author_id: input.isAnonymous ? null : ctx.actor.userId,
      author_name: input.isAnonymous ? null : me.display_name,
      author_organisation: input.isAnonymous ? null : me.organisation_name,
      is_anonymous: input.isAnonymous,
      address_kind: input.to.kind,
      subject: toPlainText(input.subject).slice(0, 300) || '—',
      body: toPlainText(input.body),
      sent_at: now,
    })
    .execute();
  await tx
    .insertInto('group_message_senders')
    .values({ message_id: id, user_id: ctx.actor.userId })
    .execute();
  await tx
    .insertInto('group_message_recipients')
    .values(recipients.map((r) => ({ message_id: id, user_id: r.user_id, recipient_name: r.display_name })))
    .execute();
  await attachFiles(tx, ctx, groupId, input.attachmentIds, { messageId: id });
  await mailContacts(tx, settings, group, recipients, 'group_message_received', `/messages/${id}`);
  await recordAudit(tx, auditCtx(ctx), {
    action: input.isAnonymous ? 'groups.message_sent_anonymously' : 'groups.message_sent',
    targetType: 'group_message',
    targetId: id,
    details: {
      groupId,
      to: input.to.kind,
      recipients: recipients.map((r) => r.user_id),
      threadId: threadId ?? id,
      attachments: input.attachmentIds.length,
      isAnonymous: input.isAnonymous,
    },
  });
  return (await getMessageThread(tx, ctx, { groupId, messageId: id })).message;
}
