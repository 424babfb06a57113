/**
 * A group's members: listed to those who may (everyone for owners and open groups, only the owners for a plain
 * member of a confidential group), changed or removed by owners. Removal deletes the membership row, so the
 * person's next request finds nothing (404) — no session needs ending.
 */
import type { Actor, UserActor } from '../../../shared/actor.ts';
import type { Member, MemberCategory } from '../../../shared/groups.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { can } from './groups.policy.ts';
import {
  deleteMember,
  findMemberForUpdate,
  listMemberRows,
  ownerCount,
  updateMemberRow,
} from './groups.repo.ts';
import { facts, loadGroupAccess } from './groups.service.ts';

interface MemberIds {
  groupId: string;
  userId: string;
}

async function membersInTx(tx: Tx, user: UserActor, groupId: string): Promise<Member[]> {
  const { group, membership } = await loadGroupAccess(tx, user, groupId);
  const on = { group: facts(group) };
  const mayModerate = can(user, membership, 'moderate', on);
  if (!membership && !mayModerate) throw new NotFoundError();
  const listsAll = can(user, membership, 'list_all_members', on);
  const mayWriteTo = can(user, membership, 'write_to_members', on);
  // Row-level security already hides the others in a confidential group; the filter says so explicitly.
  const rows = (await listMemberRows(tx, groupId)).filter(
    (r) => listsAll || r.is_owner || r.user_id === user.userId,
  );
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.display_name,
    organisation: r.organisation_name,
    country: r.country,
    category: r.category,
    isOwner: r.is_owner,
    joinedAt: r.joined_at.toISOString(),
    abilities: [
      ...(mayModerate ? (['remove', 'change_category', 'set_owner'] as const) : []),
      ...(mayWriteTo && r.user_id !== user.userId ? (['write_to'] as const) : []),
    ],
  }));
}

export async function listMembers(
  deps: GroupsDeps,
  actor: Actor,
  _request: RequestContext,
  params: { groupId: string },
): Promise<{ items: Member[] }> {
  const user = groupUser(actor);
  const items = await withActor(deps.db, user, (tx) => membersInTx(tx, user, params.groupId), {
    readsOnly: true,
  });
  return { items };
}

async function loadForModeration(tx: Tx, user: UserActor, ids: MemberIds) {
  const { group, membership } = await loadGroupAccess(tx, user, ids.groupId);
  if (!can(user, membership, 'moderate', { group: facts(group) })) {
    if (membership) throw new ForbiddenError();
    throw new NotFoundError();
  }
  const target = await findMemberForUpdate(tx, ids.groupId, ids.userId);
  if (!target) throw new NotFoundError();
  return target;
}

export async function updateMember(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  input: MemberIds & { category?: MemberCategory | undefined; isOwner?: boolean | undefined },
): Promise<Member> {
  const user = groupUser(actor);
  const { groupId, userId, ...changes } = input;
  return withActor(deps.db, user, async (tx) => {
    const target = await loadForModeration(tx, user, input);
    if (changes.isOwner === false && target.is_owner && (await ownerCount(tx, groupId)) <= 1)
      throw new ValidationError([{ field: 'isOwner', reason: 'last_owner' }]);
    await updateMemberRow(
      tx,
      { groupId, userId },
      {
        ...(changes.category ? { category: changes.category } : {}),
        ...(changes.isOwner === undefined ? {} : { is_owner: changes.isOwner }),
      },
    );
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
      action: 'groups.member_updated',
      targetType: 'group',
      targetId: groupId,
      details: {
        userId,
        from: { category: target.category, isOwner: target.is_owner },
        to: changes,
      },
    });
    const member = (await membersInTx(tx, user, groupId)).find((m) => m.userId === userId);
    if (!member) throw new NotFoundError();
    return member;
  });
}

export async function removeMember(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  params: MemberIds,
): Promise<void> {
  const user = groupUser(actor);
  await withActor(deps.db, user, async (tx) => {
    const target = await loadForModeration(tx, user, params);
    if (target.is_owner && (await ownerCount(tx, params.groupId)) <= 1)
      throw new ValidationError([{ field: 'userId', reason: 'last_owner' }]);
    await deleteMember(tx, params);
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
      action: 'groups.member_removed',
      targetType: 'group',
      targetId: params.groupId,
      details: { userId: params.userId, category: target.category },
    });
  });
}
