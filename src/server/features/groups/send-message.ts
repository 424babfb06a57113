/**
 * Sending a message: to the whole group, to its owners, or (not in a confidential group) to chosen members; as a
 * reply in a thread; with attachments already uploaded; possibly anonymously. Each recipient gets a delivery row
 * (unread count, read receipt, live update) and an e-mail saying that a message arrived and where — never its
 * subject or text. The audit log records who wrote to whom and when, not what; for an anonymous message the entry
 * names the real sender, and only Secretariat admins read the audit log.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../shared/actor.ts';
import type { ComposeMessage, Message } from '../../../shared/groups.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { attachFiles } from './files.service.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { can } from './groups.policy.ts';
import { memberSignature } from './groups.repo.ts';
import { facts, loadMemberAccess } from './groups.service.ts';
import { threadInTx } from './messages.service.ts';
import { insertMessage, selectReadableMessage } from './messages.repo.ts';
import { groupContacts } from './notifications.repo.ts';
import { mailContacts } from './notify.ts';
import { toPlainText } from './plain-text.ts';

export async function sendMessage(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  input: ComposeMessage & { groupId: string },
): Promise<Message> {
  const user = groupUser(actor);
  const { groupId } = input;
  const sent = await withActor(deps.db, user, async (tx) => {
    const { group, membership } = await loadMemberAccess(tx, user, groupId);
    const on = { group: facts(group) };
    const action =
      input.to.kind === 'group'
        ? 'write_to_group'
        : input.to.kind === 'owners'
          ? 'write_to_owners'
          : 'write_to_members';
    if (!can(user, membership, action, on)) {
      // Security: chosen members are refused in a confidential group (DESIGN §2), whatever the page offered.
      throw new ValidationError([
        {
          field: 'to',
          reason:
            group.is_confidential && group.status === 'active' ? 'confidential_group_address' : 'invalid',
        },
      ]);
    }

    let threadId: string | null = null;
    if (input.replyToId) {
      const parent = await selectReadableMessage(tx, groupId, user.userId, input.replyToId);
      if (!parent) throw new NotFoundError();
      threadId = parent.thread_id;
    }

    const everyone = await groupContacts(tx, groupId, 'all_members', input.to.kind === 'owners');
    const others = everyone.filter((c) => c.user_id !== user.userId);
    let recipients = others;
    if (input.to.kind === 'members') {
      const wanted = new Set(input.to.userIds);
      recipients = others.filter((c) => wanted.has(c.user_id));
      if (recipients.length !== wanted.size || wanted.has(user.userId))
        throw new ValidationError([{ field: 'to.userIds', reason: 'not_a_member' }]);
    }
    if (recipients.length === 0) throw new ValidationError([{ field: 'to', reason: 'required' }]);

    const me = await memberSignature(tx, groupId, user.userId);
    const id = randomUUID();
    await insertMessage(
      tx,
      {
        id,
        group_id: groupId,
        thread_id: threadId ?? id,
        reply_to_id: input.replyToId ?? null,
        // Security: an anonymous message stores no author; the sender row is readable only by the sender and
        // Secretariat admins (row-level security), and no answer shows it (tested).
        author_id: input.isAnonymous ? null : user.userId,
        author_name: input.isAnonymous ? null : me.display_name,
        author_organisation: input.isAnonymous ? null : me.organisation_name,
        is_anonymous: input.isAnonymous,
        address_kind: input.to.kind,
        subject: toPlainText(input.subject).slice(0, 300) || '—',
        body: toPlainText(input.body),
        sent_at: deps.clock(),
      },
      user.userId,
      recipients.map((r) => ({ userId: r.user_id, name: r.display_name })),
    );
    await attachFiles(tx, user, groupId, input.attachmentIds, { messageId: id });
    await mailContacts(tx, deps.settings, group, recipients, 'group_message_received', `/messages/${id}`);
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
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
    return (await threadInTx(tx, user, { groupId, messageId: id })).message;
  });
  deps.mail.kick();
  return sent;
}
