/**
 * Who may take data out (issue 14), starting from the role × action table: `data.export` (anyone who reads the
 * ITD: never an `igo` user, never without ITD access; the HTTP layer's `data` level has already refused users
 * without the current terms accepted), `data.export_own_party` (a Party's focal points and reporters), and
 * `download.register` (the Secretariat's view). Which records a file holds is the sharing rule's, applied in the
 * query (seizures' `visibleTo`) and again by row-level security.
 *
 * The credential must be fit too: a record-level export from a session needs a second factor entered within the
 * last EXPORT_STEP_UP_MINUTES; any export through a token needs the token's `export` scope.
 */
import type { Actor, UserActor } from '../../../shared/actor.ts';
import { can as roleCan, type Action } from '../../../shared/permissions.ts';
import { ForbiddenError } from '../../errors.ts';
import type { ExportClearance } from '../identity/index.ts';

export type ExportLevel = 'records' | 'figures';

export function requireAction(actor: Actor, action: Action): UserActor {
  if (actor.kind !== 'user' || !roleCan(actor, action)) throw new ForbiddenError();
  return actor;
}

/** Refuses a credential not fit for this export, naming what is missing. */
export function requireClearance(
  clearance: ExportClearance,
  level: ExportLevel,
  now: Date,
  stepUpMinutes: number,
): void {
  switch (clearance.kind) {
    case 'token':
      if (!clearance.scopes.includes('export')) throw new ForbiddenError('export_scope_required');
      return;
    case 'session': {
      if (level === 'figures') return;
      const at = clearance.steppedUpAt;
      const fresh = at !== null && now.getTime() - at.getTime() <= stepUpMinutes * 60_000 && at <= now;
      if (!fresh) throw new ForbiddenError('step_up_required', { minutes: stepUpMinutes });
      return;
    }
    case 'none':
      throw new ForbiddenError();
  }
}
