/**
 * Sign-in: password, then the second factor (enrolled at the first sign-in), then the terms. Every wrong
 * credential looks the same to the caller; wrong passwords slow down the caller's address (sign-in-throttle.ts).
 * Failures are committed before the refusal is returned, so a lockout cannot be rolled back.
 */
import type { Actor } from '../../../shared/actor.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import {
  AccountLockedError,
  ForbiddenError,
  NotFoundError,
  ThrottledError,
  UnauthenticatedError,
} from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit, type AuditInput } from '../audit/index.ts';
import {
  findUserForActor,
  isLocked,
  recordSecondFactor,
  replaceRecoveryCodes,
  revokeSession,
  setPendingTotpSecret,
  useRecoveryCodeHash,
} from './identity.repo.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { verifyPassword } from './passwords.ts';
import { countKeys } from './security-keys.repo.ts';
import { isKeyRequired } from './security-keys.service.ts';
import { clearPairFailures } from './sign-in-throttle.repo.ts';
import {
  callerAddress,
  countPasswordFailure,
  countSecondFactorFailure,
  secondsToWait,
} from './sign-in-throttle.ts';
import { hashSecret } from './secrets.ts';
import {
  createSession,
  FRONT_DOOR,
  replaceSession,
  type Authentication,
  type NewSession,
} from './sessions.service.ts';
import { enrolmentFor, matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode } from './totp.ts';

export type SignInNext = 'enrol_second_factor' | 'second_factor' | 'accept_terms' | 'done';
export type SignInResult = { session: NewSession; next: SignInNext };

function audit(
  tx: Tx,
  deps: IdentityDeps,
  request: RequestContext,
  input: AuditInput,
  actor: Actor = FRONT_DOOR,
) {
  return recordAudit(tx, auditContextOf(actor, deps.clock, request), input);
}

type PasswordOutcome = SignInResult | { refusal: Error };

/**
 * The password step. Signing in acts as the front door whoever asks. A throttled caller is answered before the
 * password is checked; a locked account is told until when, whatever the password. Refusals are thrown only
 * after the transaction committed, so the failure they counted stays counted.
 */
export async function signInWithPassword(
  deps: IdentityDeps,
  _actor: Actor,
  request: RequestContext,
  input: { email: string; password: string },
): Promise<SignInResult> {
  const email = input.email.toLowerCase();
  const ipAddress = callerAddress(request);
  const result = await withActor(deps.db, FRONT_DOOR, async (tx): Promise<PasswordOutcome> => {
    const now = deps.clock();
    const user = await findUserForActor(tx, { email });
    if (user && isLocked(user, now)) {
      await audit(tx, deps, request, {
        action: 'auth.sign_in_refused',
        targetType: 'user',
        targetId: user.id,
        details: { reason: 'locked' },
      });
      return { refusal: new AccountLockedError(user.locked_until!) };
    }
    const wait = await secondsToWait(tx, deps, { email, ipAddress });
    if (wait > 0) {
      await audit(tx, deps, request, {
        action: 'auth.sign_in_throttled',
        ...(user ? { targetType: 'user', targetId: user.id } : {}),
        details: { seconds: wait },
      });
      return { refusal: new ThrottledError(wait) };
    }
    const isPasswordRight = await verifyPassword(user?.password_hash ?? null, input.password);
    if (!user || !isPasswordRight) {
      await countPasswordFailure(tx, deps, request, { email, user });
      return { refusal: new UnauthenticatedError() };
    }
    if (user.status !== 'active') {
      await audit(tx, deps, request, {
        action: 'auth.sign_in_refused',
        targetType: 'user',
        targetId: user.id,
        details: { reason: user.status },
      });
      return { refusal: new UnauthenticatedError() };
    }
    await clearPairFailures(tx, email, ipAddress);
    const session = await createSession(tx, {
      userId: user.id,
      stage: 'second_factor',
      now,
      settings: deps.settings,
      ipAddress: request.ipAddress,
      userAgent: request.userAgent,
    });
    await audit(tx, deps, request, {
      action: 'auth.password_accepted',
      targetType: 'user',
      targetId: user.id,
    });
    return { session, next: user.totp_enrolled_at ? 'second_factor' : 'enrol_second_factor' };
  });
  if ('refusal' in result) throw result.refusal;
  return result;
}

/** The pending TOTP secret of a user who has not enrolled yet, created on first ask; a 404 once enrolled. */
export async function startEnrolment(
  deps: IdentityDeps,
  _actor: Actor,
  _request: RequestContext,
  input: { authentication: Authentication },
) {
  const auth = input.authentication;
  if (auth.kind !== 'session') throw new UnauthenticatedError();
  const userId = auth.user.id;
  const enrolment = await withActor(deps.db, FRONT_DOOR, async (tx) => {
    const user = await findUserForActor(tx, { id: userId });
    if (!user || user.totp_enrolled_at) return null;
    let secret = user.totp_secret_sealed ? deps.sealer.unseal(user.totp_secret_sealed) : null;
    if (!secret) {
      secret = newTotpSecret();
      await setPendingTotpSecret(tx, userId, deps.sealer.seal(secret));
    }
    return enrolmentFor(secret, user.email);
  });
  if (!enrolment) throw new NotFoundError();
  return enrolment;
}

export type SecondFactorResult = { session: NewSession; next: SignInNext; recoveryCodes?: string[] };

/** Enrolment (first sign-in) or verification: a right code replaces the session with a full one. */
export async function completeSecondFactor(
  deps: IdentityDeps,
  _actor: Actor,
  request: RequestContext,
  input: { authentication: Authentication; code: string; isEnrolment: boolean },
): Promise<SecondFactorResult> {
  const auth = input.authentication;
  if (auth.kind !== 'session') throw new UnauthenticatedError();
  const result = await withActor(deps.db, FRONT_DOOR, async (tx): Promise<SecondFactorResult | null> => {
    const now = deps.clock();
    const user = await findUserForActor(tx, { id: auth.user.id });
    if (!user || user.status !== 'active' || isLocked(user, now) || !user.totp_secret_sealed) return null;
    if (input.isEnrolment !== (user.totp_enrolled_at === null)) return null;
    // Secretariat admins who have a security key must use it when the setting says so (ADR 0013); one without a
    // key yet signs in with the code, and the account page asks them to add one.
    if (!input.isEnrolment && isKeyRequired(deps, user) && (await countKeys(tx, user.id)) > 0)
      throw new ForbiddenError('security_key_required');
    const secret = deps.sealer.unseal(user.totp_secret_sealed);
    const step = matchTotp(secret, input.code, now);
    const isFreshStep = step !== null && (user.totp_last_step === null || step > user.totp_last_step);
    let usedRecoveryCode = false;
    if (!isFreshStep && !input.isEnrolment)
      usedRecoveryCode = await useRecoveryCode(tx, user.id, input.code, now);
    if (!isFreshStep && !usedRecoveryCode) {
      await countSecondFactorFailure(
        tx,
        deps,
        request,
        user,
        input.isEnrolment ? 'enrolment' : 'second_factor',
      );
      return null;
    }
    await recordSecondFactor(tx, user.id, {
      now,
      step: isFreshStep ? step : null,
      isEnrolment: input.isEnrolment,
    });
    let recoveryCodes: string[] | undefined;
    if (input.isEnrolment) {
      recoveryCodes = newRecoveryCodes();
      await replaceRecoveryCodes(
        tx,
        user.id,
        recoveryCodes.map((code) => hashSecret(normaliseRecoveryCode(code))),
      );
      await audit(tx, deps, request, {
        action: 'auth.second_factor_enrolled',
        targetType: 'user',
        targetId: user.id,
      });
    }
    const session = await replaceSession(tx, auth.sessionId, {
      userId: user.id,
      stage: 'full',
      now,
      settings: deps.settings,
      ipAddress: request.ipAddress,
      userAgent: request.userAgent,
    });
    await audit(tx, deps, request, {
      action: 'auth.signed_in',
      targetType: 'user',
      targetId: user.id,
      details: { secondFactor: usedRecoveryCode ? 'recovery_code' : 'totp', sessionId: session.id },
    });
    return { session, next: 'accept_terms', ...(recoveryCodes ? { recoveryCodes } : {}) };
  });
  if (!result) throw new UnauthenticatedError();
  return result;
}

/** A recovery code in place of a TOTP code: each works once. */
async function useRecoveryCode(tx: Tx, userId: string, code: string, now: Date): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 10) return false;
  return useRecoveryCodeHash(tx, userId, hashSecret(normalised), now);
}

export async function signOut(
  deps: IdentityDeps,
  _actor: Actor,
  request: RequestContext,
  input: { authentication: Authentication },
): Promise<void> {
  const auth = input.authentication;
  if (auth.kind !== 'session') return;
  await withActor(deps.db, FRONT_DOOR, async (tx) => {
    await revokeSession(tx, auth.sessionId, deps.clock());
    await audit(tx, deps, request, { action: 'auth.signed_out', targetType: 'user', targetId: auth.user.id });
  });
}
