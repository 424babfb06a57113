/**
 * Who may work on staged imports: whoever may start a report for the batch's Party (reports.policy): Secretariat
 * data officers and admins for any Party, a Party's focal points and reporters for their own. Row-level security
 * (migrations/0008) states the same rule a second time.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { ImportBatch } from '../../../shared/imports.contract.ts';
import { can } from '../../../shared/permissions.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { canCreateReport } from '../reports/index.ts';

/** A user without the import role at all is refused outright (403); the system actor (CLI) may. */
export function assertMayImport(actor: Actor): void {
  if (actor.kind === 'system') return;
  if (actor.kind !== 'user' || !can(actor, 'report.import')) throw new ForbiddenError();
}

/** Another Party's batch (or upload for another Party) answers exactly like a missing one. */
export function assertMayWorkOn(actor: Actor, party: string): void {
  assertMayImport(actor);
  if (!canCreateReport(actor, party)) throw new NotFoundError();
}

export function batchAbilities(
  actor: Actor,
  batch: { party: string; status: string },
): ImportBatch['abilities'] {
  const writer = canCreateReport(actor, batch.party) && batch.status === 'staged';
  return { edit: writer, submit: writer, discard: writer };
}
