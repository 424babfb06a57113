/**
 * Sign-in: password, then the second factor (enrolled at the first sign-in), then the terms. Every
 * failure looks the same to the caller; repeated failures lock the account with a growing back-off.
 * Failures are committed before the refusal is returned, so a lockout cannot be rolled back.
 */
import type { Actor } from '../../../shared/actor.ts';
import { recordAudit, type AuditInput } from '../audit/audit.service.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { findUserForActor, isLocked, recordFailure, type UserRecord } from './identity.repo.ts';
import type { IdentityDeps, RequestMeta } from './identity-deps.ts';
import { verifyPassword } from './passwords.ts';
import { hashSecret } from './secrets.ts';
import { createSession, FRONT_DOOR, replaceSession, type NewSession } from './sessions.service.ts';
import { enrolmentFor, matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode } from './totp.ts';

export type SignInNext = 'enrol_second_factor' | 'second_factor' | 'accept_terms' | 'done';
export type SignInResult = { ok: true; session: NewSession; next: SignInNext } | { ok: false };

const MAX_LOCK_MS = 3_600_000;

function audit(tx: Tx, deps: IdentityDeps, meta: RequestMeta, input: AuditInput, actor: Actor = FRONT_DOOR) {
  return recordAudit(
    tx,
    { actor, clock: deps.clock, ipAddress: meta.ipAddress, requestId: meta.requestId },
    input,
  );
}

/** Counts a failure and locks the account when there were too many; returns true when now locked. */
async function countFailure(
  tx: Tx,
  deps: IdentityDeps,
  meta: RequestMeta,
  user: UserRecord,
  step: string,
): Promise<void> {
  const failures = user.failed_sign_ins + 1;
  const { maxFailures, lockoutBaseSeconds } = deps.settings.signIn;
  const lockedUntil =
    failures >= maxFailures
      ? new Date(
          deps.clock().getTime() +
            Math.min(MAX_LOCK_MS, lockoutBaseSeconds * 1000 * 2 ** (failures - maxFailures)),
        )
      : null;
  await recordFailure(tx, user.id, failures, lockedUntil);
  await audit(tx, deps, meta, {
    action: 'auth.sign_in_failed',
    targetType: 'user',
    targetId: user.id,
    details: { step, failures },
  });
  if (lockedUntil) {
    await audit(tx, deps, meta, {
      action: 'auth.locked_out',
      targetType: 'user',
      targetId: user.id,
      details: { until: lockedUntil.toISOString(), failures },
    });
  }
}

export async function signInWithPassword(
  deps: IdentityDeps,
  meta: RequestMeta,
  email: string,
  password: string,
): Promise<SignInResult> {
  return withActor(deps.db, FRONT_DOOR, async (tx) => {
    const now = deps.clock();
    const user = await findUserForActor(tx, { email });
    const isPasswordRight = await verifyPassword(user?.password_hash ?? null, password);
    if (!user) {
      await audit(tx, deps, meta, {
        action: 'auth.sign_in_failed',
        details: { step: 'password', account: 'unknown' },
      });
      return { ok: false };
    }
    if (isLocked(user, now) || user.status !== 'active') {
      await audit(tx, deps, meta, {
        action: 'auth.sign_in_refused',
        targetType: 'user',
        targetId: user.id,
        details: { reason: user.status !== 'active' ? user.status : 'locked' },
      });
      return { ok: false };
    }
    if (!isPasswordRight) {
      await countFailure(tx, deps, meta, user, 'password');
      return { ok: false };
    }
    const session = await createSession(tx, {
      userId: user.id,
      stage: 'second_factor',
      now,
      settings: deps.settings,
      ...meta,
    });
    await audit(tx, deps, meta, { action: 'auth.password_accepted', targetType: 'user', targetId: user.id });
    return { ok: true, session, next: user.totp_enrolled_at ? 'second_factor' : 'enrol_second_factor' };
  });
}

/** The pending TOTP secret of a user who has not enrolled yet, created on first ask. */
export async function startEnrolment(deps: IdentityDeps, userId: string) {
  return withActor(deps.db, FRONT_DOOR, async (tx) => {
    const user = await findUserForActor(tx, { id: userId });
    if (!user || user.totp_enrolled_at) return null;
    let secret = user.totp_secret_sealed ? deps.sealer.unseal(user.totp_secret_sealed) : null;
    if (!secret) {
      secret = newTotpSecret();
      await tx
        .updateTable('users')
        .set({ totp_secret_sealed: deps.sealer.seal(secret) })
        .where('id', '=', userId)
        .execute();
    }
    return enrolmentFor(secret, user.email);
  });
}

export type SecondFactorResult =
  { ok: true; session: NewSession; next: SignInNext; recoveryCodes?: string[] } | { ok: false };

/** Enrolment (first sign-in) or verification: a right code replaces the session with a full one. */
export async function completeSecondFactor(
  deps: IdentityDeps,
  meta: RequestMeta,
  input: { sessionId: string; userId: string; code: string; isEnrolment: boolean },
): Promise<SecondFactorResult> {
  return withActor(deps.db, FRONT_DOOR, async (tx) => {
    const now = deps.clock();
    const user = await findUserForActor(tx, { id: input.userId });
    if (!user || user.status !== 'active' || isLocked(user, now) || !user.totp_secret_sealed)
      return { ok: false };
    if (input.isEnrolment !== (user.totp_enrolled_at === null)) return { ok: false };
    const secret = deps.sealer.unseal(user.totp_secret_sealed);
    const step = matchTotp(secret, input.code, now);
    const isFreshStep = step !== null && (user.totp_last_step === null || step > user.totp_last_step);
    let usedRecoveryCode = false;
    if (!isFreshStep && !input.isEnrolment)
      usedRecoveryCode = await useRecoveryCode(tx, user.id, input.code, now);
    if (!isFreshStep && !usedRecoveryCode) {
      await countFailure(tx, deps, meta, user, input.isEnrolment ? 'enrolment' : 'second_factor');
      return { ok: false };
    }
    await tx
      .updateTable('users')
      .set({
        failed_sign_ins: 0,
        locked_until: null,
        last_active_at: now,
        // Signing in answers the inactivity warning.
        inactivity_warned_at: null,
        ...(isFreshStep ? { totp_last_step: step } : {}),
        ...(input.isEnrolment ? { totp_enrolled_at: now } : {}),
      })
      .where('id', '=', user.id)
      .execute();
    let recoveryCodes: string[] | undefined;
    if (input.isEnrolment) {
      recoveryCodes = newRecoveryCodes();
      await tx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
      await tx
        .insertInto('recovery_codes')
        .values(
          recoveryCodes.map((code) => ({
            user_id: user.id,
            code_hash: hashSecret(normaliseRecoveryCode(code)),
          })),
        )
        .execute();
      await audit(tx, deps, meta, {
        action: 'auth.second_factor_enrolled',
        targetType: 'user',
        targetId: user.id,
      });
    }
    const session = await replaceSession(tx, input.sessionId, {
      userId: user.id,
      stage: 'full',
      now,
      settings: deps.settings,
      ...meta,
    });
    await audit(tx, deps, meta, {
      action: 'auth.signed_in',
      targetType: 'user',
      targetId: user.id,
      details: { secondFactor: usedRecoveryCode ? 'recovery_code' : 'totp', sessionId: session.id },
    });
    return { ok: true, session, next: 'accept_terms', ...(recoveryCodes ? { recoveryCodes } : {}) };
  });
}

/** update recovery_codes set used_at = now where user_id = $1 and code_hash = $2 and used_at is null */
async function useRecoveryCode(tx: Tx, userId: string, code: string, now: Date): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 10) return false;
  const result = await tx
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashSecret(normalised))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function signOut(
  deps: IdentityDeps,
  meta: RequestMeta,
  sessionId: string,
  userId: string,
): Promise<void> {
  await withActor(deps.db, FRONT_DOOR, async (tx) => {
    await tx.updateTable('sessions').set({ revoked_at: deps.clock() }).where('id', '=', sessionId).execute();
    await audit(tx, deps, meta, { action: 'auth.signed_out', targetType: 'user', targetId: userId });
  });
}
