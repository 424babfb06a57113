/**
 * Who may do what with permits (issue 16), in the words of the issue, starting from the role table
 * (`permit.import`, `permit.lookup` in src/shared/permissions.ts):
 *   - import permits and mark them lost, stolen or cancelled: a Secretariat data officer or admin, for any Party;
 *     a user of a Party's Management Authority, for that Party only. "Management Authority" is the organisation's
 *     authority type (organisations.authority_type: "management authority", "CITES Management Authority" or "MA");
 *     the actor does not carry it, so the database says (app_actor_is_management_authority, the function the
 *     row-level security policies call);
 *   - see who verified a Party's permits (its receipts): the same people, and the Secretariat;
 *   - verify a permit and endorse it: enforcement users — the Secretariat and every Party body by the role table, and
 *     closed-user-group members of the customs, police or wildlife enforcement category (app_actor_verifies_permits).
 *     A member of the igo category is not one: IGO members see no permit.
 * System actors (the `itd` command) may do everything. A refusal is a 403 here: the lookup's existence is public
 * (the home page announces it); which permits exist is never told to someone refused.
 */
import type { Actor } from '../../../shared/actor.ts';
import { can } from '../../../shared/permissions.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import { memberGroupsOfActor } from '../groups/index.ts';
import type { PermitStanding } from './permit-activity.repo.ts';

export function mayWritePermitsOf(actor: Actor, standing: PermitStanding, party: string): boolean {
  switch (actor.kind) {
    case 'system':
      return true;
    case 'anonymous':
      return false;
    case 'user':
      if (!can(actor, 'permit.import')) return false;
      if (actor.organisationKind === 'secretariat') return true;
      return actor.organisationKind === 'party' && actor.party === party && standing.isManagementAuthority;
  }
}

export function mayVerifyPermits(actor: Actor, standing: PermitStanding): boolean {
  switch (actor.kind) {
    case 'system':
      return true;
    case 'anonymous':
      return false;
    case 'user':
      return can(actor, 'permit.lookup') || standing.verifiesPermits;
  }
}

export function mayReadReceiptsOf(actor: Actor, standing: PermitStanding, party: string): boolean {
  if (actor.kind === 'user' && actor.organisationKind === 'secretariat') return true;
  return mayWritePermitsOf(actor, standing, party);
}

/** The Party a writer works for when it names none: its own (a Secretariat user must name one). */
export function partyOfWriter(actor: Actor, party: string | undefined): string | null {
  if (party !== undefined) return party;
  return actor.kind === 'user' && actor.organisationKind === 'party' ? actor.party : null;
}

/**
 * The groups an alert may go to: groups of its author (a member of each), so no one reaches a group's members
 * from outside it. A group named that the author is not in is refused, not silently left out.
 */
export async function alertGroupsOf(tx: Tx, actor: Actor, named: readonly string[]): Promise<string[]> {
  if (named.length === 0) return [];
  if (actor.kind !== 'user') throw new ValidationError([{ field: 'alertGroups', reason: 'invalid' }]);
  const unique = [...new Set(named)];
  const mine = await memberGroupsOfActor(tx, unique);
  if (mine.length !== unique.length) throw new ValidationError([{ field: 'alertGroups', reason: 'invalid' }]);
  return mine;
}

export function assertAllowed(allowed: boolean): void {
  if (!allowed) throw new ForbiddenError();
}
