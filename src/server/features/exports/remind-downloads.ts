/**
 * Reminders to delete downloaded data (issue 14, item 3): the terms ask users to delete data when no longer needed,
 * so a download not attested deleted DOWNLOAD_REMINDER_DAYS after it was made brings its user an e-mail in their
 * language, and another every DOWNLOAD_REMINDER_DAYS until it is attested. Runs daily in the server, one instance
 * at a time (an advisory lock), and on demand with `itd downloads remind`.
 */
import type { Kysely } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import { withAdvisoryLock } from '../../db/advisory-lock.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { findUserForActor } from '../identity/index.ts';
import { queueMail } from '../mail/index.ts';
import { markReminded, selectDueReminders } from './downloads.repo.ts';

const DAY = 86_400_000;
const JOB_LOCK_KEY = 7_315_042_042;
/** Reminders queued per run at most; the next run takes the rest. */
const BATCH = 500;

export async function remindOutstandingDownloads(
  db: Kysely<DB>,
  options: { reminderDays: number; publicUrl: string; clock: () => Date },
): Promise<{ reminded: number } | null> {
  const actor = systemActor('download reminders');
  return withAdvisoryLock(db, JOB_LOCK_KEY, (conn) =>
    withActor(conn, actor, async (tx) => {
      const now = options.clock();
      const age = new Date(now.getTime() - options.reminderDays * DAY);
      const due = await selectDueReminders(tx, { due: age, again: age, limit: BATCH });
      for (const download of due) {
        const user = await findUserForActor(tx, { id: download.user_id });
        if (user) {
          await queueMail(tx, {
            to: user.email,
            language: user.language,
            template: 'download_deletion_reminder',
            params: {
              firstName: user.first_name,
              date: download.created_at.toISOString().slice(0, 10),
              rows: download.row_count ?? 0,
              exportId: download.id,
              link: `${options.publicUrl}/downloads`,
            },
          });
        }
        await markReminded(tx, download.id, now);
        await recordAudit(tx, auditContextOf(actor, options.clock, NO_REQUEST), {
          action: 'export.deletion_reminded',
          targetType: 'download',
          targetId: download.id,
          details: { remindersSent: download.reminders_sent + 1 },
        });
      }
      return { reminded: due.length };
    }),
  );
}
