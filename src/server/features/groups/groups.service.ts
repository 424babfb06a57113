/**
 * Groups themselves: the caller's list, one group, the public directory, and the Secretariat's changes. The
 * access steps (`loadGroupAccess`, `loadMemberAccess`) are shared by every use case of the feature, inside its
 * transaction. Creating a group is in create-group.ts.
 */
import { ANONYMOUS, type Actor, type UserActor } from '../../../shared/actor.ts';
import type { Group } from '../../../shared/groups.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { can, groupAbilities, visibleGroups, type MembershipFacts } from './groups.policy.ts';
import {
  findGroup,
  findMembership,
  listDirectoryRows,
  listGroupRows,
  memberCounts,
  membershipsOf,
  pendingRequestsOf,
  unreadMessageCounts,
  updateGroupRow,
  type GroupRow,
} from './groups.repo.ts';

export const facts = (row: GroupRow) => ({ isConfidential: row.is_confidential, status: row.status });

/** Stands for "any group" where a rule does not depend on the group (administering in general). */
export const ANY_GROUP = { isConfidential: false, status: 'active' as const };

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
  deps: GroupsDeps,
  actor: Actor,
  _request: RequestContext,
  query: { scope: 'mine' | 'joinable' | 'all' },
): Promise<Group[]> {
  const user = groupUser(actor);
  return withActor(
    deps.db,
    user,
    async (tx) => {
      const memberships = await membershipsOf(tx, user.userId);
      const memberOf = [...memberships.keys()];
      const { scope } = query;
      const onlyMine =
        scope === 'mine' || (scope === 'all' && !can(user, null, 'administer', { group: ANY_GROUP }));
      if (onlyMine && memberOf.length === 0) return [];
      // Only groups the caller may know of: a confidential group is never listed to a non-member.
      const rows = await listGroupRows(tx, {
        visible: visibleGroups(user, memberOf),
        ...(onlyMine ? { onlyIds: memberOf } : {}),
        ...(scope === 'joinable' ? { activeOnly: true, exceptIds: memberOf } : {}),
      });
      // One connection per transaction: the queries run one after the other.
      const counts = await memberCounts(
        tx,
        rows.map((r) => r.id),
      );
      const pending = await pendingRequestsOf(tx, user.userId);
      const unread = await unreadMessageCounts(tx, user.userId);
      return rows.map((row) =>
        toGroup(user, row, memberships.get(row.id) ?? null, {
          pendingRequestId: pending.get(row.id) ?? null,
          memberCount: counts.get(row.id) ?? 0,
          unread: unread.get(row.id) ?? 0,
        }),
      );
    },
    { readsOnly: true },
  );
}

/** One group as the caller sees it, inside a use case's transaction. */
export async function groupInTx(tx: Tx, user: UserActor, groupId: string): Promise<Group> {
  const { group, membership } = await loadGroupAccess(tx, user, groupId);
  const counts = await memberCounts(tx, [groupId]);
  const pending = await pendingRequestsOf(tx, user.userId);
  const unread = await unreadMessageCounts(tx, user.userId);
  return toGroup(user, group, membership, {
    pendingRequestId: pending.get(groupId) ?? null,
    memberCount: counts.get(groupId) ?? 0,
    unread: unread.get(groupId) ?? 0,
  });
}

export async function getGroup(
  deps: GroupsDeps,
  actor: Actor,
  _request: RequestContext,
  params: { groupId: string },
): Promise<Group> {
  const user = groupUser(actor);
  return withActor(deps.db, user, (tx) => groupInTx(tx, user, params.groupId), { readsOnly: true });
}

/**
 * The public directory: active, open groups. Read as the anonymous actor whoever asks, on purpose: row-level
 * security then shows only active, open groups, whatever the query says.
 */
export async function listDirectory(deps: GroupsDeps, _actor: Actor, _request: RequestContext) {
  const rows = await withActor(deps.db, ANONYMOUS, (tx) => listDirectoryRows(tx), { readsOnly: true });
  return { items: rows.map((r) => ({ id: r.id, name: { en: r.name_en, fr: r.name_fr, es: r.name_es } })) };
}

export interface GroupChanges {
  name?: { en: string; fr: string; es: string } | undefined;
  description?: { en: string; fr: string; es: string } | undefined;
  isConfidential?: boolean | undefined;
  status?: 'active' | 'archived' | undefined;
}

export async function updateGroup(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  input: { groupId: string; changes: GroupChanges },
): Promise<Group> {
  const user = groupUser(actor);
  const { groupId, changes } = input;
  return withActor(deps.db, user, async (tx) => {
    const { group, membership } = await loadGroupAccess(tx, user, groupId);
    if (!can(user, membership, 'administer', { group: facts(group) })) throw new NotFoundError();
    await updateGroupRow(tx, groupId, {
      ...(changes.name
        ? { name_en: changes.name.en, name_fr: changes.name.fr, name_es: changes.name.es }
        : {}),
      ...(changes.description
        ? {
            description_en: changes.description.en,
            description_fr: changes.description.fr,
            description_es: changes.description.es,
          }
        : {}),
      ...(changes.isConfidential === undefined ? {} : { is_confidential: changes.isConfidential }),
      ...(changes.status === undefined ? {} : { status: changes.status }),
      updated_at: deps.clock(),
    });
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
      action: 'groups.updated',
      targetType: 'group',
      targetId: groupId,
      details: { fields: Object.keys(changes) },
    });
    return groupInTx(tx, user, groupId);
  });
}
