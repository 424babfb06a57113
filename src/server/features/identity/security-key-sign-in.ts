/**
 * The second factor with a security key instead of a TOTP code: after the password, the session (stage
 * second_factor) asks for options with a single-use, two-minute challenge; the browser's signed answer is checked
 * against one of the user's keys, its counter moves on, and the session becomes a full one. A wrong answer counts
 * as a failed second factor, like a wrong code.
 */
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
} from '@simplewebauthn/server';
import type { Actor } from '../../../shared/actor.ts';
import type { CeremonyOptions } from '../../../shared/security-keys.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { NotFoundError, UnauthenticatedError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { findUserForActor, isLocked, recordSecondFactor } from './identity.repo.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { credentialsOf, putChallenge, recordKeyUse, takeChallenge } from './security-keys.repo.ts';
import { CHALLENGE_MS } from './security-keys.service.ts';
import { FRONT_DOOR, replaceSession, type Authentication } from './sessions.service.ts';
import type { SecondFactorResult } from './sign-in.service.ts';
import { countSecondFactorFailure } from './sign-in-throttle.ts';

function pendingSession(auth: Authentication) {
  if (auth.kind !== 'session' || auth.stage !== 'second_factor') throw new UnauthenticatedError();
  return auth;
}

/** Options naming the user's keys; a 404 when they have none (the page then offers the code only). */
export async function startKeySignIn(
  deps: IdentityDeps,
  _actor: Actor,
  _request: RequestContext,
  input: { authentication: Authentication },
) {
  const auth = pendingSession(input.authentication);
  const options = await withActor(deps.db, FRONT_DOOR, async (tx) => {
    const keys = await credentialsOf(tx, auth.user.id);
    if (keys.length === 0) return null;
    const generated = await generateAuthenticationOptions({
      rpID: deps.settings.webauthn.rpId,
      allowCredentials: keys.map((key) => ({ id: key.credential_id, transports: key.transports })),
      userVerification: 'preferred',
      timeout: CHALLENGE_MS,
    });
    await putChallenge(tx, {
      session_id: auth.sessionId,
      purpose: 'sign_in',
      challenge: generated.challenge,
      expires_at: new Date(deps.clock().getTime() + CHALLENGE_MS),
    });
    return generated;
  });
  if (!options) throw new NotFoundError();
  return options as unknown as CeremonyOptions;
}

export async function finishKeySignIn(
  deps: IdentityDeps,
  _actor: Actor,
  request: RequestContext,
  input: { authentication: Authentication; response: { id: string } },
): Promise<SecondFactorResult> {
  const auth = pendingSession(input.authentication);
  const result = await withActor(deps.db, FRONT_DOOR, async (tx): Promise<SecondFactorResult | null> => {
    const now = deps.clock();
    const user = await findUserForActor(tx, { id: auth.user.id });
    if (!user || user.status !== 'active' || isLocked(user, now)) return null;
    // The challenge is used up by this answer whatever it is worth.
    const challenge = await takeChallenge(tx, auth.sessionId, 'sign_in', now);
    const key = (await credentialsOf(tx, user.id)).find((k) => k.credential_id === input.response.id);
    const verification =
      challenge && key
        ? await verifyAuthenticationResponse({
            response: input.response as AuthenticationResponseJSON,
            expectedChallenge: challenge,
            expectedOrigin: deps.settings.webauthn.origin,
            expectedRPID: deps.settings.webauthn.rpId,
            credential: {
              id: key.credential_id,
              publicKey: new Uint8Array(key.public_key),
              counter: Number(key.sign_count),
              transports: key.transports,
            },
            requireUserVerification: false,
          }).catch(() => null)
        : null;
    if (!key || !verification?.verified) {
      await countSecondFactorFailure(tx, deps, request, user, 'security_key');
      return null;
    }
    await recordKeyUse(tx, key.id, verification.authenticationInfo.newCounter, now);
    await recordSecondFactor(tx, user.id, { now, step: null, isEnrolment: false });
    const session = await replaceSession(tx, auth.sessionId, {
      userId: user.id,
      stage: 'full',
      now,
      settings: deps.settings,
      ipAddress: request.ipAddress,
      userAgent: request.userAgent,
    });
    await recordAudit(tx, auditContextOf(FRONT_DOOR, deps.clock, request), {
      action: 'auth.signed_in',
      targetType: 'user',
      targetId: user.id,
      details: { secondFactor: 'security_key', keyId: key.id, sessionId: session.id },
    });
    return { session, next: 'accept_terms' };
  });
  if (!result) throw new UnauthenticatedError();
  return result;
}
