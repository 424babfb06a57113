/**
 * The deadlines of consent to publish: a pending request past its expiry (PUBLICATION_CONSENT_DAYS) expires and
 * its requester is told; the focal points of the Parties that have not answered are reminded every
 * PUBLICATION_REMINDER_DAYS until then. Runs in the server every fifteen minutes, one instance at a time (an
 * advisory lock), as the platform; each step has its audit entry.
 */
import type { Kysely } from 'kysely';
import { systemActor } from '../../../../shared/actor.ts';
import { withAdvisoryLock } from '../../../db/advisory-lock.ts';
import type { DB } from '../../../db/schema.ts';
import { withActor } from '../../../db/with-actor.ts';
import { NO_REQUEST } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import { tellFocalPoints, tellRequester } from './publication-notices.ts';
import {
  countReminder,
  selectConsents,
  selectDueForReminder,
  selectExpiredPending,
  updateRequestState,
} from './publication.repo.ts';

const DAY = 86_400_000;
const JOB_LOCK_KEY = 7_315_051_001;
/** Requests handled per run at most; the next run takes the rest. */
const BATCH = 200;

export async function runPublicationDeadlines(
  db: Kysely<DB>,
  options: { reminderDays: number; publicUrl: string; clock: () => Date },
): Promise<{ expired: number; reminded: number } | null> {
  const actor = systemActor('publication deadlines');
  return withAdvisoryLock(db, JOB_LOCK_KEY, (conn) =>
    withActor(conn, actor, async (tx) => {
      const now = options.clock();
      const audit = auditContextOf(actor, options.clock, NO_REQUEST);
      const expired = await selectExpiredPending(tx, now, BATCH);
      for (const row of expired) {
        await updateRequestState(tx, row.id, { status: 'expired', closed_at: now });
        await recordAudit(tx, audit, {
          action: 'publication.expired',
          targetType: 'publication_request',
          targetId: row.id,
        });
        await tellRequester(tx, row, { template: 'publication_expired', publicUrl: options.publicUrl });
      }
      const due = await selectDueForReminder(tx, new Date(now.getTime() - options.reminderDays * DAY), BATCH);
      for (const row of due) {
        const waiting = (await selectConsents(tx, [row.id]))
          .filter((consent) => consent.status === 'pending')
          .map((consent) => consent.party.trim());
        await tellFocalPoints(tx, row, waiting, {
          template: 'publication_consent_reminder',
          publicUrl: options.publicUrl,
        });
        await countReminder(tx, row.id, now);
        await recordAudit(tx, audit, {
          action: 'publication.reminded',
          targetType: 'publication_request',
          targetId: row.id,
          details: { parties: waiting },
        });
      }
      return { expired: expired.length, reminded: due.length };
    }),
  );
}
