/**
 * Step-up before a record-level export (issue 14): a signed-in user enters a second factor again; the session
 * remembers when, and for EXPORT_STEP_UP_MINUTES a record-level export needs no new code. A wrong code counts as a
 * failed sign-in (the same lockout), so step-up cannot be used to guess codes. Scripts never step up: their token
 * must have been made with the `export` scope (`itd tokens create --scope export`).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { UnauthenticatedError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { findUserForActor, isLocked, recordSecondFactor } from './identity.repo.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { FRONT_DOOR, type Authentication } from './sessions.service.ts';
import { countSecondFactorFailure } from './sign-in-throttle.ts';
import { markSessionSteppedUp, selectSessionSteppedUpAt, selectTokenScopes } from './step-up.repo.ts';
import { matchTotp } from './totp.ts';

/** How a credential stands for a record-level export. */
export type ExportClearance =
  { kind: 'session'; steppedUpAt: Date | null } | { kind: 'token'; scopes: string[] } | { kind: 'none' };

export async function stepUp(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: { authentication: Authentication; code: string },
): Promise<{ validUntil: string }> {
  const auth = input.authentication;
  if (auth.kind !== 'session' || auth.stage !== 'full' || actor.kind !== 'user')
    throw new UnauthenticatedError();
  const now = deps.clock();
  // As the front door, which alone reads the sealed TOTP secret and counts failures.
  const accepted = await withActor(deps.db, FRONT_DOOR, async (tx) => {
    const user = await findUserForActor(tx, { id: auth.user.id });
    if (!user || user.status !== 'active' || isLocked(user, now) || !user.totp_secret_sealed) return false;
    const step = matchTotp(deps.sealer.unseal(user.totp_secret_sealed), input.code, now);
    const isFresh = step !== null && (user.totp_last_step === null || step > user.totp_last_step);
    if (!isFresh) {
      await countSecondFactorFailure(tx, deps, request, user, 'step_up');
      return false;
    }
    await recordSecondFactor(tx, user.id, { now, step, isEnrolment: false });
    await markSessionSteppedUp(tx, auth.sessionId, user.id, now);
    // Entered in the front door's transaction, so written as the front door's (like the sign-in's), naming the user.
    await recordAudit(tx, auditContextOf(FRONT_DOOR, deps.clock, request), {
      action: 'auth.stepped_up',
      targetType: 'user',
      targetId: user.id,
      details: { sessionId: auth.sessionId },
    });
    return true;
  });
  // Thrown after the commit, so the failure it counted stays counted.
  if (!accepted) throw new UnauthenticatedError();
  return { validUntil: new Date(now.getTime() + deps.settings.exports.stepUpMinutes * 60_000).toISOString() };
}

/** When the session last stepped up, or the token's scopes: read as the credential's own user. */
export async function exportClearanceOf(
  db: Kysely<DB>,
  actor: Actor,
  authentication: Authentication,
): Promise<ExportClearance> {
  if (actor.kind !== 'user') return { kind: 'none' };
  if (authentication.kind === 'session') {
    const steppedUpAt = await withActor(
      db,
      actor,
      (tx) => selectSessionSteppedUpAt(tx, authentication.sessionId),
      {
        readsOnly: true,
      },
    );
    return { kind: 'session', steppedUpAt };
  }
  if (authentication.kind === 'token') {
    const scopes = await withActor(db, actor, (tx) => selectTokenScopes(tx, authentication.tokenId), {
      readsOnly: true,
    });
    return { kind: 'token', scopes };
  }
  return { kind: 'none' };
}
