/**
 * A group's members: listed to those who may (everyone for owners and open groups, only the owners for a plain
 * member of a confidential group), changed or removed by owners. Removal deletes the membership row, so the
 * person's next request finds nothing (404) — no session needs ending.
 */
import type { Member, MemberCategory } from '../../../shared/groups.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { auditCtx, type GroupCtx } from './groups-deps.ts';
import { can } from './groups.policy.ts';
import { listMemberRows } from './groups.repo.ts';
import { facts, loadGroupAccess } from './groups.service.ts';

export async function listMembers(tx: Tx, ctx: GroupCtx, groupId: string): Promise<Member[]> {
  const { group, membership } = await loadGroupAccess(tx, ctx.actor, groupId);
  const on = { group: facts(group) };
  const mayModerate = can(ctx.actor, membership, 'moderate', on);
  if (!membership && !mayModerate) throw new NotFoundError();
  const listsAll = can(ctx.actor, membership, 'list_all_members', on);
  const mayWriteTo = can(ctx.actor, membership, 'write_to_members', on);
  // Row-level security already hides the others in a confidential group; the filter says so explicitly.
  const rows = (await listMemberRows(tx, groupId)).filter(
    (r) => listsAll || r.is_owner || r.user_id === ctx.actor.userId,
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
      ...(mayWriteTo && r.user_id !== ctx.actor.userId ? (['write_to'] as const) : []),
    ],
  }));
}

async function loadForModeration(tx: Tx, ctx: GroupCtx, groupId: string, userId: string) {
  const { group, membership } = await loadGroupAccess(tx, ctx.actor, groupId);
  if (!can(ctx.actor, membership, 'moderate', { group: facts(group) })) {
    if (membership) throw new ForbiddenError();
    throw new NotFoundError();
  }
  const target = await tx
    .selectFrom('group_members')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!target) throw new NotFoundError();
  return target;
}

async function ownerCount(tx: Tx, groupId: string): Promise<number> {
  const rows = await tx
    .selectFrom('group_members')
    .select('user_id')
    .where('group_id', '=', groupId)
    .where('is_owner', '=', true)
    .execute();
  return rows.length;
}

export async function updateMember(
  tx: Tx,
  ctx: GroupCtx,
  ids: { groupId: string; userId: string },
  input: { category?: MemberCategory | undefined; isOwner?: boolean | undefined },
): Promise<Member> {
  const target = await loadForModeration(tx, ctx, ids.groupId, ids.userId);
  if (input.isOwner === false && target.is_owner && (await ownerCount(tx, ids.groupId)) <= 1)
    throw new ValidationError([{ field: 'isOwner', reason: 'last_owner' }]);
  await tx
    .updateTable('group_members')
    .set({
      ...(input.category ? { category: input.category } : {}),
      ...(input.isOwner === undefined ? {} : { is_owner: input.isOwner }),
    })
    .where('group_id', '=', ids.groupId)
    .where('user_id', '=', ids.userId)
    .execute();
  await recordAudit(tx, auditCtx(ctx), {
    action: 'groups.member_updated',
    targetType: 'group',
    targetId: ids.groupId,
    details: {
      userId: ids.userId,
      from: { category: target.category, isOwner: target.is_owner },
      to: input,
    },
  });
  const member = (await listMembers(tx, ctx, ids.groupId)).find((m) => m.userId === ids.userId);
  if (!member) throw new NotFoundError();
  return member;
}

export async function removeMember(
  tx: Tx,
  ctx: GroupCtx,
  ids: { groupId: string; userId: string },
): Promise<void> {
  const target = await loadForModeration(tx, ctx, ids.groupId, ids.userId);
  if (target.is_owner && (await ownerCount(tx, ids.groupId)) <= 1)
    throw new ValidationError([{ field: 'userId', reason: 'last_owner' }]);
  await tx
    .deleteFrom('group_members')
    .where('group_id', '=', ids.groupId)
    .where('user_id', '=', ids.userId)
    .execute();
  await recordAudit(tx, auditCtx(ctx), {
    action: 'groups.member_removed',
    targetType: 'group',
    targetId: ids.groupId,
    details: { userId: ids.userId, category: target.category },
  });
}
