/**
 * Who may read which Party's access receipts (issue 14, item 4), starting from the role table's `access.receipts`:
 *   - a Party's focal points, for their own Party only (naming another Party is refused, and row-level security
 *     would return nothing of it anyway: migrations/0050);
 *   - the Secretariat's admins and data officers, for the Party they name;
 *   - nobody else: reporters, members, ICCWC and igo users are refused outright.
 * Receipts say which organisations read a Party's records, never who; no Party learns of another Party's records.
 */
import type { Actor, UserActor } from '../../../shared/actor.ts';
import { can } from '../../../shared/permissions.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';

export function requireReceiptReader(actor: Actor): UserActor {
  if (actor.kind !== 'user' || !can(actor, 'access.receipts')) throw new ForbiddenError();
  return actor;
}

/** The Party whose receipts this reader may see, given the one asked for. */
export function receiptPartyOf(actor: Actor, asked: string | undefined): string {
  const reader = requireReceiptReader(actor);
  if (reader.organisationKind === 'secretariat') {
    if (asked === undefined) throw new ValidationError([{ field: 'party', reason: 'required' }]);
    return asked;
  }
  if (reader.party === null || (asked !== undefined && asked !== reader.party)) throw new ForbiddenError();
  return reader.party;
}
