/**
 * Who may do what with a request for consent to publish (issue 14, item 5), starting from the role table:
 *   - ask (`publication.request`): anyone who reads the ITD; the request is theirs alone to withdraw while pending;
 *   - answer (`publication.consent`): a Party's focal points, for their own Party's consent only, while pending;
 *   - see the filed proofs (`publication.proofs`): the Secretariat's admins and data officers;
 *   - read a request: its requester, the focal points of a Party it asks, the Secretariat's proof readers; anyone
 *     else gets a 404 (row-level security returns nothing either: migrations/0051). A focal point sees its own
 *     Party's consent and none of the others': no Party learns another's answer, nor whose records a file held;
 *   - the certificate: once the proof is filed, for the requester and the Secretariat's proof readers.
 */
import type { Actor, UserActor } from '../../../../shared/actor.ts';
import { can } from '../../../../shared/permissions.ts';
import type { PublicationAbility } from '../../../../shared/publication.contract.ts';
import { ForbiddenError } from '../../../errors.ts';

interface RequestFacts {
  requester_id: string;
  parties: string[];
  status: string;
  filed_at: Date | null;
}

export function requireAbility(
  actor: Actor,
  action: 'publication.request' | 'publication.consent' | 'publication.proofs',
): UserActor {
  if (actor.kind !== 'user' || !can(actor, action)) throw new ForbiddenError();
  return actor;
}

const isRequester = (actor: Actor, row: RequestFacts) =>
  actor.kind === 'user' && actor.userId === row.requester_id;
const isProofReader = (actor: Actor) => can(actor, 'publication.proofs');

/** The focal point's Party when the request asks it, else null. */
export function askedPartyOf(actor: Actor, row: RequestFacts): string | null {
  if (actor.kind !== 'user' || !can(actor, 'publication.consent') || actor.party === null) return null;
  return row.parties.some((party) => party.trim() === actor.party) ? actor.party : null;
}

export function mayRead(actor: Actor, row: RequestFacts): boolean {
  return isRequester(actor, row) || isProofReader(actor) || askedPartyOf(actor, row) !== null;
}

/** The Parties whose consent the caller may see: every one, or only the focal point's own. */
export function shownPartiesOf(actor: Actor, row: RequestFacts): Set<string> {
  if (isRequester(actor, row) || isProofReader(actor))
    return new Set(row.parties.map((party) => party.trim()));
  const own = askedPartyOf(actor, row);
  return new Set(own ? [own] : []);
}

export function publicationAbilities(
  actor: Actor,
  row: RequestFacts,
  ownConsentPending: boolean,
): PublicationAbility[] {
  const abilities: PublicationAbility[] = [];
  const pending = row.status === 'pending';
  if (pending && isRequester(actor, row)) abilities.push('withdraw');
  if (pending && ownConsentPending && askedPartyOf(actor, row) !== null) abilities.push('decide');
  if (row.filed_at !== null && (isRequester(actor, row) || isProofReader(actor)))
    abilities.push('certificate');
  return abilities;
}
