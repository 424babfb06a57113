/**
 * The sign-in throttle (ADR 0013). Wrong passwords slow down the caller's address, not the account: after
 * SIGN_IN_MAX_FAILURES from one address for one account, that pair waits a growing delay (LOCKOUT_BASE_SECONDS,
 * doubling, at most 15 minutes), and an address failing SIGN_IN_ADDRESS_MAX_FAILURES times over any accounts waits
 * too. The owner, from another address, is not slowed. The account itself is hard-locked for an hour only for
 * an attack from SIGN_IN_HARD_LOCK_ADDRESSES throttled addresses or of SIGN_IN_HARD_LOCK_FAILURES failures within
 * an hour, and its owner is told by e-mail. The throttle counts addresses typed whether or not an account has
 * them, so it tells nothing about which addresses have accounts.
 */
import type { Settings } from '../../config.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { queueMail } from '../mail/index.ts';
import { recordFailure, type UserRecord } from './identity.repo.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { FRONT_DOOR } from './sessions.service.ts';
import { failureCounts, recordPasswordFailure, type FailureCounts } from './sign-in-throttle.repo.ts';

const WINDOW_MS = 3_600_000;
const MAX_DELAY_MS = 15 * 60_000;
export const HARD_LOCK_MS = 3_600_000;

/** The address a failure is counted against; work without a request shares one. */
export const callerAddress = (request: RequestContext) => request.ipAddress ?? 'none';

function delayAfter(count: number, limit: number, last: Date | null, baseSeconds: number): number {
  if (count < limit || !last) return 0;
  const delay = Math.min(MAX_DELAY_MS, baseSeconds * 1000 * 2 ** (count - limit));
  return last.getTime() + delay;
}

/** When the caller may try this address typed again (0: now), from the counts. Pure, for the tests. */
export function throttledUntil(counts: FailureCounts, settings: Settings): number {
  const { maxFailures, lockoutBaseSeconds } = settings.signIn;
  return Math.max(
    delayAfter(counts.pair, maxFailures, counts.pairLast, lockoutBaseSeconds),
    delayAfter(
      counts.fromAddress,
      settings.signInThrottle.addressMaxFailures,
      counts.fromAddressLast,
      lockoutBaseSeconds,
    ),
  );
}

/** Seconds the caller must still wait before a password is even checked, or 0. */
export async function secondsToWait(
  tx: Tx,
  deps: IdentityDeps,
  input: { email: string; ipAddress: string },
): Promise<number> {
  const now = deps.clock();
  const counts = await failureCounts(tx, {
    ...input,
    since: new Date(now.getTime() - WINDOW_MS),
    pairLimit: deps.settings.signIn.maxFailures,
  });
  const until = throttledUntil(counts, deps.settings);
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * Counts a wrong password for the address typed from the caller's address; hard-locks a known account when the
 * attack is repeated (many addresses or many attempts) and tells its owner.
 */
export async function countPasswordFailure(
  tx: Tx,
  deps: IdentityDeps,
  request: RequestContext,
  input: { email: string; user: UserRecord | undefined },
): Promise<void> {
  const now = deps.clock();
  const ipAddress = callerAddress(request);
  await recordPasswordFailure(tx, { email: input.email, ipAddress, at: now });
  const counts = await failureCounts(tx, {
    email: input.email,
    ipAddress,
    since: new Date(now.getTime() - WINDOW_MS),
    pairLimit: deps.settings.signIn.maxFailures,
  });
  const { user } = input;
  await recordAudit(tx, auditContextOf(FRONT_DOOR, deps.clock, request), {
    action: 'auth.sign_in_failed',
    ...(user ? { targetType: 'user', targetId: user.id } : {}),
    details: { step: 'password', ...(user ? {} : { account: 'unknown' }), failuresFromAddress: counts.pair },
  });
  if (!user) return;
  const { hardLockFailures, hardLockAddresses } = deps.settings.signInThrottle;
  if (counts.account >= hardLockFailures || counts.throttledAddresses >= hardLockAddresses) {
    await lockAccount(tx, deps, request, user, {
      failures: counts.account,
      addresses: Math.max(1, counts.throttledAddresses),
    });
  }
}

/**
 * A wrong second factor (the password was right, so the caller has it): counted on the account, which is
 * hard-locked, and its owner told, after SIGN_IN_MAX_FAILURES of them.
 */
export async function countSecondFactorFailure(
  tx: Tx,
  deps: IdentityDeps,
  request: RequestContext,
  user: UserRecord,
  step: string,
): Promise<void> {
  const failures = user.failed_sign_ins + 1;
  await recordFailure(tx, user.id, failures, user.locked_until);
  await recordAudit(tx, auditContextOf(FRONT_DOOR, deps.clock, request), {
    action: 'auth.sign_in_failed',
    targetType: 'user',
    targetId: user.id,
    details: { step, failures },
  });
  if (failures >= deps.settings.signIn.maxFailures)
    await lockAccount(tx, deps, request, user, { failures, addresses: 1 });
}

/** Hard-locks the account for an hour (unless it already is), with an audit entry and an e-mail to its owner. */
export async function lockAccount(
  tx: Tx,
  deps: IdentityDeps,
  request: RequestContext,
  user: UserRecord,
  evidence: { failures: number; addresses: number },
): Promise<void> {
  const now = deps.clock();
  if (user.locked_until && user.locked_until > now) return;
  const until = new Date(now.getTime() + HARD_LOCK_MS);
  await recordFailure(tx, user.id, evidence.failures, until);
  await recordAudit(tx, auditContextOf(FRONT_DOOR, deps.clock, request), {
    action: 'auth.locked_out',
    targetType: 'user',
    targetId: user.id,
    details: { until: until.toISOString(), ...evidence },
  });
  await queueMail(tx, {
    to: user.email,
    language: user.language,
    template: 'account_locked',
    params: {
      firstName: user.first_name,
      until: until.toISOString().slice(0, 16).replace('T', ' '),
      failures: evidence.failures,
      addresses: evidence.addresses,
      link: `${deps.settings.publicUrl}/reset-password`,
    },
  });
  deps.mail.kick();
}
