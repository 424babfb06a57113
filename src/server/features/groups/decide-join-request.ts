/**
 * An owner (or a Secretariat admin) decides a pending join request: approves it with a member category, or
 * rejects it with a reason. The person is told by e-mail (and in the app when approved); each decision is in the
 * audit log.
 */
import type { Actor, UserActor } from '../../../shared/actor.ts';
import type { JoinRequest, MemberCategory } from '../../../shared/groups.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { queueMail } from '../mail/index.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { can } from './groups.policy.ts';
import { upsertMember } from './groups.repo.ts';
import { facts, loadGroupAccess } from './groups.service.ts';
import { findJoinRequestForUpdate, updateJoinRequest } from './join-requests.repo.ts';
import { toJoinRequest } from './join-requests.service.ts';
import { notifyInApp } from './notifications.repo.ts';
import { groupLink, groupName } from './notify.ts';

interface JoinRequestIds {
  groupId: string;
  requestId: string;
}

async function loadPendingForDecision(tx: Tx, user: UserActor, ids: JoinRequestIds) {
  const { group, membership } = await loadGroupAccess(tx, user, ids.groupId);
  if (!can(user, membership, 'moderate', { group: facts(group) })) {
    if (membership) throw new ForbiddenError();
    throw new NotFoundError();
  }
  const row = await findJoinRequestForUpdate(tx, ids.groupId, ids.requestId);
  if (!row) throw new NotFoundError();
  if (row.status !== 'pending') throw new ValidationError([{ field: 'requestId', reason: 'expired' }]);
  return { group, row };
}

export async function approveJoinRequest(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  input: JoinRequestIds & { category: MemberCategory; isOwner: boolean },
): Promise<JoinRequest> {
  const user = groupUser(actor);
  const decided = await withActor(deps.db, user, async (tx) => {
    const { group, row } = await loadPendingForDecision(tx, user, input);
    const now = deps.clock();
    await upsertMember(tx, {
      group_id: group.id,
      user_id: row.user_id,
      category: input.category,
      is_owner: input.isOwner,
      display_name: `${row.first_name} ${row.last_name}`,
      organisation_name: row.organisation,
      country: row.country,
      joined_at: now,
    });
    const updated = await updateJoinRequest(tx, row.id, {
      status: 'approved',
      category: input.category,
      decided_by: user.userId,
      decided_at: now,
    });
    await queueMail(tx, {
      to: row.official_email,
      language: row.language,
      template: 'group_join_approved',
      params: {
        firstName: row.first_name,
        group: groupName(group, row.language),
        link: groupLink(deps.settings, group.id),
      },
    });
    await notifyInApp(tx, {
      userIds: [row.user_id],
      groupId: group.id,
      kind: 'join_decided',
      targetId: row.id,
      audience: 'all_members',
      title: groupName(group, row.language),
      now,
    });
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
      action: 'groups.join_approved',
      targetType: 'group_join_request',
      targetId: row.id,
      details: { groupId: group.id, userId: row.user_id, category: input.category, isOwner: input.isOwner },
    });
    return toJoinRequest(updated, true);
  });
  deps.mail.kick();
  return decided;
}

export async function rejectJoinRequest(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  input: JoinRequestIds & { reason: string },
): Promise<JoinRequest> {
  const user = groupUser(actor);
  const decided = await withActor(deps.db, user, async (tx) => {
    const { group, row } = await loadPendingForDecision(tx, user, input);
    const updated = await updateJoinRequest(tx, row.id, {
      status: 'rejected',
      decision_reason: input.reason,
      decided_by: user.userId,
      decided_at: deps.clock(),
    });
    await queueMail(tx, {
      to: row.official_email,
      language: row.language,
      template: 'group_join_rejected',
      params: { firstName: row.first_name, group: groupName(group, row.language), reason: input.reason },
    });
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
      action: 'groups.join_rejected',
      targetType: 'group_join_request',
      targetId: row.id,
      details: { groupId: group.id, userId: row.user_id },
    });
    return toJoinRequest(updated, true);
  });
  deps.mail.kick();
  return decided;
}
