/**
 * Groups themselves: the caller's list, one group, the public directory, and the Secretariat's create and update.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { Group } from '../../../shared/groups.contract.ts';
import type { MemberCategory } from '../../../shared/groups.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { auditCtx, type GroupCtx } from './groups-deps.ts';
import { can, groupAbilities, visibleGroups, type MembershipFacts } from './groups.policy.ts';
import {
  findGroup,
  findMembership,
  memberCounts,
  membershipsOf,
  pendingRequestsOf,
  unreadMessageCounts,
  type GroupRow,
} from './groups.repo.ts';

export const facts = (row: GroupRow) => ({ isConfidential: row.is_confidential, status: row.status });

/** The group and the caller's membership; a group the caller may not see is a 404 like a missing one. */
export async function loadGroupAccess(tx: Tx, actor: Actor, groupId: string) {
  const group = await findGroup(tx, groupId);
  if (!group || actor.kind !== 'user') throw new NotFoundError();
  const membership = await findMembership(tx, groupId, actor.userId);
  // Row-level security hides it too (migrations/0026); the rule is stated here so the service alone holds it.
  if (!can(actor, membership, 'see_group', { group: facts(group) })) throw new NotFoundError();
  return { group, membership };
}

/** As loadGroupAccess, for actions inside the group (messages, library, files): non-members get a 404. */
export async function loadMemberAccess(tx: Tx, actor: Actor, groupId: string) {
  const access = await loadGroupAccess(tx, actor, groupId);
  if (!access.membership || !can(actor, access.membership, 'read_group', { group: facts(access.group) }))
    throw new NotFoundError();
  return { group: access.group, membership: access.membership };
}

export function toGroup(
  actor: Actor,
  row: GroupRow,
  membership: (MembershipFacts & { joinedAt: Date }) | null,
  extra: { pendingRequestId: string | null; memberCount: number | null; unread: number },
): Group {
  const abilities = groupAbilities(actor, membership, facts(row), extra.pendingRequestId !== null);
  return {
    id: row.id,
    name: { en: row.name_en, fr: row.name_fr, es: row.name_es },
    description: { en: row.description_en, fr: row.description_fr, es: row.description_es },
    isConfidential: row.is_confidential,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    membership: membership
      ? {
          category: membership.category,
          isOwner: membership.isOwner,
          joinedAt: membership.joinedAt.toISOString(),
        }
      : null,
    pendingJoinRequestId: extra.pendingRequestId,
    memberCount: abilities.includes('list_members') ? extra.memberCount : null,
    unreadMessages: extra.unread,
    abilities,
  };
}

export async function listGroups(
  tx: Tx,
  ctx: GroupCtx,
  scope: 'mine' | 'joinable' | 'all',
): Promise<Group[]> {
  const actor = ctx.actor;
  const memberships = await membershipsOf(tx, actor.userId);
  // Only groups the caller may know of: a confidential group is never listed to a non-member.
  let query = tx
    .selectFrom('groups')
    .selectAll()
    .where(visibleGroups(actor, [...memberships.keys()]))
    .orderBy('name_en');
  if (scope === 'mine' || (scope === 'all' && !can(actor, null, 'administer', { group: ANY_GROUP }))) {
    if (memberships.size === 0) return [];
    query = query.where('id', 'in', [...memberships.keys()]);
  } else if (scope === 'joinable') {
    query = query.where('status', '=', 'active');
    if (memberships.size > 0) query = query.where('id', 'not in', [...memberships.keys()]);
  }
  const rows = await query.execute();
  const ids = rows.map((r) => r.id);
  // One connection per transaction: the queries run one after the other.
  const counts = await memberCounts(tx, ids);
  const pending = await pendingRequestsOf(tx, actor.userId);
  const unread = await unreadMessageCounts(tx, actor.userId);
  return rows.map((row) =>
    toGroup(actor, row, memberships.get(row.id) ?? null, {
      pendingRequestId: pending.get(row.id) ?? null,
      memberCount: counts.get(row.id) ?? 0,
      unread: unread.get(row.id) ?? 0,
    }),
  );
}

const ANY_GROUP = { isConfidential: false, status: 'active' as const };

export async function getGroup(tx: Tx, ctx: GroupCtx, groupId: string): Promise<Group> {
  const { group, membership } = await loadGroupAccess(tx, ctx.actor, groupId);
  const counts = await memberCounts(tx, [groupId]);
  const pending = await pendingRequestsOf(tx, ctx.actor.userId);
  const unread = await unreadMessageCounts(tx, ctx.actor.userId);
  return toGroup(ctx.actor, group, membership, {
    pendingRequestId: pending.get(groupId) ?? null,
    memberCount: counts.get(groupId) ?? 0,
    unread: unread.get(groupId) ?? 0,
  });
}

/** The public directory: active, non-confidential groups (row-level security restates it for anonymous callers). */
export async function listDirectory(tx: Tx) {
  const rows = await tx
    .selectFrom('groups')
    .select(['id', 'name_en', 'name_fr', 'name_es'])
    .where('status', '=', 'active')
    .where('is_confidential', '=', false)
    .orderBy('name_en')
    .execute();
  return rows.map((r) => ({ id: r.id, name: { en: r.name_en, fr: r.name_fr, es: r.name_es } }));
}

export interface GroupInput {
  name: { en: string; fr: string; es: string };
  description: { en: string; fr: string; es: string };
  isConfidential: boolean;
  owners: { userId: string; category: MemberCategory }[];
}

/** Creates a group with its owners (Secretariat admins, or the platform itself for demo data). */
export async function insertGroup(tx: Tx, createdBy: string | null, input: GroupInput, now: Date) {
  const taken = await tx
    .selectFrom('groups')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name_en']), '=', input.name.en.toLowerCase()))
    .executeTakeFirst();
  if (taken) throw new ValidationError([{ field: 'name.en', reason: 'invalid' }]);
  const group = await tx
    .insertInto('groups')
    .values({
      name_en: input.name.en,
      name_fr: input.name.fr,
      name_es: input.name.es,
      description_en: input.description.en,
      description_fr: input.description.fr,
      description_es: input.description.es,
      is_confidential: input.isConfidential,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const [index, owner] of input.owners.entries()) {
    const user = await tx
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
      .select(['u.id', 'u.first_name', 'u.last_name', 'u.country', 'o.name as organisation'])
      .where('u.id', '=', owner.userId)
      .where('u.status', '=', 'active')
      .executeTakeFirst();
    if (!user) throw new ValidationError([{ field: `owners.${index}.userId`, reason: 'invalid' }]);
    await tx
      .insertInto('group_members')
      .values({
        group_id: group.id,
        user_id: user.id,
        category: owner.category,
        is_owner: true,
        display_name: `${user.first_name} ${user.last_name}`,
        organisation_name: user.organisation,
        country: user.country,
        joined_at: now,
      })
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
      .execute();
  }
  return group;
}

export async function createGroup(tx: Tx, ctx: GroupCtx, input: GroupInput): Promise<Group> {
  if (!can(ctx.actor, null, 'administer', { group: ANY_GROUP })) throw new NotFoundError();
  const group = await insertGroup(tx, ctx.actor.userId, input, ctx.clock());
  await recordAudit(tx, auditCtx(ctx), {
    action: 'groups.created',
    targetType: 'group',
    targetId: group.id,
    details: { isConfidential: input.isConfidential, owners: input.owners.map((o) => o.userId) },
  });
  return getGroup(tx, ctx, group.id);
}

export async function updateGroup(
  tx: Tx,
  ctx: GroupCtx,
  groupId: string,
  input: Partial<Omit<GroupInput, 'owners'>> & { status?: 'active' | 'archived' | undefined },
): Promise<Group> {
  const { group, membership } = await loadGroupAccess(tx, ctx.actor, groupId);
  if (!can(ctx.actor, membership, 'administer', { group: facts(group) })) throw new NotFoundError();
  await tx
    .updateTable('groups')
    .set({
      ...(input.name ? { name_en: input.name.en, name_fr: input.name.fr, name_es: input.name.es } : {}),
      ...(input.description
        ? {
            description_en: input.description.en,
            description_fr: input.description.fr,
            description_es: input.description.es,
          }
        : {}),
      ...(input.isConfidential === undefined ? {} : { is_confidential: input.isConfidential }),
      ...(input.status === undefined ? {} : { status: input.status }),
      updated_at: ctx.clock(),
    })
    .where('id', '=', groupId)
    .execute();
  await recordAudit(tx, auditCtx(ctx), {
    action: 'groups.updated',
    targetType: 'group',
    targetId: groupId,
    details: { fields: Object.keys(input) },
  });
  return getGroup(tx, ctx, groupId);
}
