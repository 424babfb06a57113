/**
 * Automatic suspension of accounts nobody uses: a warning e-mail INACTIVITY_WARNING_DAYS before, then
 * suspension once the configured number of inactive days has passed (and the warning is at least
 * that old). Signing in again clears the warning. Runs hourly in the server (one instance at a time,
 * under an advisory lock) and on demand with `itd users suspend-inactive`.
 */
import { sql, type Kysely } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { revokeAllSessions } from '../identity/identity.repo.ts';
import { queueMail } from '../mail/mail.service.ts';

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
  return withActor(db, actor, async (tx) => {
    const lastActive = sql<Date>`coalesce(last_active_at, created_at)`;
    const toWarn = await tx
      .selectFrom('users')
      .select(['id', 'email', 'first_name', 'language', lastActive.as('last_active')])
      .where('status', '=', 'active')
      .where('inactivity_warned_at', 'is', null)
      .where(lastActive, '<', warnBefore)
      .execute();
    for (const user of toWarn) {
      const deadline = new Date(
        Math.max(
          user.last_active.getTime() + options.days * DAY,
          now.getTime() + INACTIVITY_WARNING_DAYS * DAY,
        ),
      );
      await tx.updateTable('users').set({ inactivity_warned_at: now }).where('id', '=', user.id).execute();
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
      await recordAudit(
        tx,
        { actor, clock: options.clock },
        { action: 'user.inactivity_warned', targetType: 'user', targetId: user.id },
      );
    }
    const toSuspend = await tx
      .selectFrom('users')
      .select(['id', 'email', 'first_name', 'language'])
      .where('status', '=', 'active')
      .where('inactivity_warned_at', '<=', warningAge)
      .where(lastActive, '<', suspendBefore)
      .execute();
    const reason = `No sign-in for ${options.days} days.`;
    for (const user of toSuspend) {
      await tx
        .updateTable('users')
        .set({ status: 'suspended', status_reason: reason })
        .where('id', '=', user.id)
        .execute();
      await revokeAllSessions(tx, user.id, now);
      await queueMail(tx, {
        to: user.email,
        language: user.language,
        template: 'account_suspended',
        params: { firstName: user.first_name, reason },
      });
      await recordAudit(
        tx,
        { actor, clock: options.clock },
        {
          action: 'user.suspended',
          targetType: 'user',
          targetId: user.id,
          details: { reason: 'inactivity', days: options.days },
        },
      );
    }
    return { warned: toWarn.length, suspended: toSuspend.length };
  });
}

/** Runs the job unless another server instance is running it right now. */
export async function runInactivityJobOnce(
  db: Kysely<DB>,
  options: Parameters<typeof suspendInactiveUsers>[1],
): Promise<InactivityReport | null> {
  return db.connection().execute(async (conn) => {
    const lock = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${JOB_LOCK_KEY}) as locked`.execute(conn);
    if (!lock.rows[0]?.locked) return null;
    try {
      return await suspendInactiveUsers(conn, options);
    } finally {
      await sql`select pg_advisory_unlock(${JOB_LOCK_KEY})`.execute(conn);
    }
  });
}
