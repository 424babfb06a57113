/**
 * The closed-user-group rules (DESIGN §2), in one place. `can` answers for one group and, where it matters, one
 * item's audience; `visibleGroups` (which groups) and `visibleAudiences` (which items) are the list filters the
 * queries use. The row-level security of migrations/0014_closed_user_groups.sql (groups' own rows: 0026) restates
 * the same rules, and groups-matrix.db.test.ts checks that both agree for every category × audience × confidential
 * × action.
 *
 * A confidential group's existence may itself be sensitive: to anyone but its members and the Secretariat admins
 * who administer it, it does not exist — a 404, absent from lists and counts, not joinable by asking (joining is
 * by invitation or through the Secretariat).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../../shared/actor.ts';
import { can as canDo } from '../../../shared/permissions.ts';
import {
  AUDIENCES,
  LAW_ENFORCEMENT_CATEGORIES,
  type Audience,
  type GroupAbility,
  type MemberCategory,
} from '../../../shared/groups.contract.ts';

export interface GroupFacts {
  isConfidential: boolean;
  status: 'active' | 'archived';
}

/** The acting user's membership of the group, or null. */
export interface MembershipFacts {
  category: MemberCategory;
  isOwner: boolean;
}

export const GROUP_ACTIONS = [
  'see_group', // know the group exists: its id, name and description
  'read_group', // open the group's messages and library
  'request_join',
  'list_all_members', // see every member, not only the owners
  'write_to_group',
  'write_to_owners',
  'write_to_members', // address chosen members
  'read_item', // a library item of the given audience (and its files and notifications)
  'publish_item', // add a library item or version of the given audience
  'moderate', // decide join requests, change or remove members
  'administer', // create, rename, archive groups (Secretariat admins)
] as const;
export type GroupAction = (typeof GROUP_ACTIONS)[number];

/** Which member categories each audience reaches: the rule as data. */
export const AUDIENCE_CATEGORIES: Record<Audience, readonly MemberCategory[]> = {
  all_members: ['customs', 'police', 'wildlife_enforcement', 'management_authority', 'igo', 'secretariat'],
  law_enforcement: LAW_ENFORCEMENT_CATEGORIES,
};

// Secretariat admins administer every group: the role × action table says who they are.
const isSecretariatAdmin = (actor: Actor) => canDo(actor, 'group.administer');

export function seesAudience(membership: MembershipFacts | null, audience: Audience): boolean {
  return membership !== null && AUDIENCE_CATEGORIES[audience].includes(membership.category);
}

/** Who may know a group exists: members, Secretariat admins, and signed-in users for an active open group. */
function seesGroup(actor: Actor, member: boolean, group: GroupFacts): boolean {
  return member || isSecretariatAdmin(actor) || (group.status === 'active' && !group.isConfidential);
}

/**
 * The list filter of `see_group`, over the `groups` table: the same three clauses as `seesGroup`, with the
 * caller's memberships (their group ids) passed in.
 */
export function visibleGroups(actor: Actor, memberOf: readonly string[]): RawBuilder<boolean> {
  if (actor.kind !== 'user') return sql<boolean>`false`;
  if (isSecretariatAdmin(actor)) return sql<boolean>`true`;
  const open = sql<boolean>`(groups.status = 'active' and not groups.is_confidential)`;
  if (memberOf.length === 0) return open;
  return sql<boolean>`(${open} or groups.id in (${sql.join(memberOf.map((id) => sql`${id}::uuid`))}))`;
}

/** The audiences whose items a member may see: the list filter (`audience in (…)`); empty for non-members. */
export function visibleAudiences(membership: MembershipFacts | null): Audience[] {
  return AUDIENCES.filter((audience) => seesAudience(membership, audience));
}

export function can(
  actor: Actor,
  membership: MembershipFacts | null,
  action: GroupAction,
  target: { group: GroupFacts; audience?: Audience },
): boolean {
  if (actor.kind !== 'user') return false;
  const { group } = target;
  const active = group.status === 'active';
  const member = membership !== null;
  const owner = membership?.isOwner === true;
  switch (action) {
    case 'see_group':
      return seesGroup(actor, member, group);
    case 'read_group':
      return member;
    case 'request_join':
      // Asking presumes knowing: a confidential group is joined by invitation or through the Secretariat.
      return !member && active && seesGroup(actor, member, group);
    case 'list_all_members':
      return owner || isSecretariatAdmin(actor) || (member && !group.isConfidential);
    case 'write_to_group':
    case 'write_to_owners':
      return member && active;
    case 'write_to_members':
      // A confidential group: only the whole group or the owners may be addressed (DESIGN §2).
      return member && active && !group.isConfidential;
    case 'read_item':
      return target.audience !== undefined && seesAudience(membership, target.audience);
    case 'publish_item':
      // An owner publishes only to an audience they belong to: an IGO owner cannot post law-enforcement items.
      return owner && active && target.audience !== undefined && seesAudience(membership, target.audience);
    case 'moderate':
      return owner || isSecretariatAdmin(actor);
    case 'administer':
      return isSecretariatAdmin(actor);
  }
}

/** The abilities of a group response. */
export function groupAbilities(
  actor: Actor,
  membership: MembershipFacts | null,
  group: GroupFacts,
  hasPendingRequest: boolean,
): GroupAbility[] {
  const abilities: GroupAbility[] = [];
  const on = { group };
  if (can(actor, membership, 'read_group', on)) abilities.push('read');
  if (can(actor, membership, 'request_join', on) && !hasPendingRequest) abilities.push('request_join');
  if (can(actor, membership, 'list_all_members', on)) abilities.push('list_members');
  if (can(actor, membership, 'write_to_members', on)) abilities.push('write_to_members');
  if (
    visibleAudiences(membership).some((audience) =>
      can(actor, membership, 'publish_item', { group, audience }),
    )
  )
    abilities.push('publish');
  if (can(actor, membership, 'moderate', on)) abilities.push('moderate');
  if (can(actor, membership, 'administer', on)) abilities.push('administer');
  return abilities;
}
