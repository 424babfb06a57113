/**
 * Automatic suspension of accounts nobody uses: a warning e-mail INACTIVITY_WARNING_DAYS before, then
 * suspension once the configured number of inactive days has passed (and the warning is at least
 * that old). Signing in again clears the warning. Runs hourly in the server (one instance at a time,
 * under an advisory lock, `db/advisory-lock.ts`) and on demand with `itd users suspend-inactive`.
 */
import type { Kysely } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import { withAdvisoryLock } from '../../db/advisory-lock.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { revokeAllSessions, revokeAllTokens } from '../identity/index.ts';
import { queueMail } from '../mail/index.ts';
import { markInactivityWarned, setUserStatus, usersToSuspend, usersToWarn } from './users.repo.ts';

export const INACTIVITY_WARNING_DAYS = 10;
const DAY = 86_400_000;
const JOB_LOCK_KEY = 7_315_042_010;

export interface InactivityReport {
  warned: number;
  suspended: number;
}

export async function suspendInactiveUsers(
  db: Kysely<DB>,
  options: { days: number; publicUrl: string; clock: () => Date },
): Promise<InactivityReport> {
  const actor = systemActor('inactivity job');
  const now = options.clock();
  const warnBefore = new Date(now.getTime() - (options.days - INACTIVITY_WARNING_DAYS) * DAY);
  const suspendBefore = new Date(now.getTime() - options.days * DAY);
  const warningAge = new Date(now.getTime() - INACTIVITY_WARNING_DAYS * DAY);
  const audit = auditContextOf(actor, options.clock, NO_REQUEST);
  return withActor(db, actor, async (tx) => {
    const toWarn = await usersToWarn(tx, warnBefore);
    for (const user of toWarn) {
      const deadline = new Date(
        Math.max(
          user.last_active.getTime() + options.days * DAY,
          now.getTime() + INACTIVITY_WARNING_DAYS * DAY,
        ),
      );
      await markInactivityWarned(tx, user.id, now);
      await queueMail(tx, {
        to: user.email,
        language: user.language,
        template: 'inactivity_warning',
        params: {
          firstName: user.first_name,
          date: deadline.toISOString().slice(0, 10),
          link: `${options.publicUrl}/sign-in`,
        },
      });
      await recordAudit(tx, audit, {
        action: 'user.inactivity_warned',
        targetType: 'user',
        targetId: user.id,
      });
    }
    const toSuspend = await usersToSuspend(tx, warningAge, suspendBefore);
    const reason = `No sign-in for ${options.days} days.`;
    for (const user of toSuspend) {
      await setUserStatus(tx, user.id, { status: 'suspended', reason, now });
      await revokeAllSessions(tx, user.id, now);
      await revokeAllTokens(tx, user.id, now);
      await queueMail(tx, {
        to: user.email,
        language: user.language,
        template: 'account_suspended',
        params: { firstName: user.first_name, reason },
      });
      await recordAudit(tx, audit, {
        action: 'user.suspended',
        targetType: 'user',
        targetId: user.id,
        details: { reason: 'inactivity', days: options.days },
      });
    }
    return { warned: toWarn.length, suspended: toSuspend.length };
  });
}

/** Runs the job unless another server instance is running it right now. */
export async function runInactivityJobOnce(
  db: Kysely<DB>,
  options: Parameters<typeof suspendInactiveUsers>[1],
): Promise<InactivityReport | null> {
  return withAdvisoryLock(db, JOB_LOCK_KEY, (conn) => suspendInactiveUsers(conn, options));
}
