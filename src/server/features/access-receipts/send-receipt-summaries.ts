/**
 * The monthly e-mail summary of access receipts (issue 14, item 4): once a month is over, each Party whose records
 * were read by anyone that month has its active focal points told — in their language, unless they turned the
 * summary off — how many organisations read how many of its records, with a link to the receipts. Each Party's month
 * is summarised once (access_receipt_summaries). The e-mail names no organisation and no record: the page does.
 * Runs in the server every six hours, one instance at a time (an advisory lock), after bringing the receipts up to
 * date; the month's first run sends.
 */
import type { Kysely } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import { withAdvisoryLock } from '../../db/advisory-lock.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { NO_REQUEST } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { queueMail } from '../mail/index.ts';
import {
  insertSummarySent,
  selectSummaryRecipients,
  selectUnsummarisedMonth,
} from './access-receipts.repo.ts';
import { foldAccessReceipts } from './fold-access-receipts.ts';

const JOB_LOCK_KEY = 7_315_050_002;

/** The calendar month (UTC) before the one `now` falls in: its first day and the next month's first day. */
export function previousMonth(now: Date): { first: string; next: string } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return { first: first.toISOString().slice(0, 10), next: next.toISOString().slice(0, 10) };
}

export async function sendAccessReceiptSummaries(
  db: Kysely<DB>,
  options: { publicUrl: string; clock: () => Date },
): Promise<{ parties: number; mails: number } | null> {
  const actor = systemActor('access receipt summaries');
  return withAdvisoryLock(db, JOB_LOCK_KEY, async (conn) => {
    await foldAccessReceipts(conn);
    const month = previousMonth(options.clock());
    return withActor(conn, actor, async (tx) => {
      const parties = await selectUnsummarisedMonth(tx, month);
      let mails = 0;
      for (const party of parties) {
        const recipients = await selectSummaryRecipients(tx, party.party.trim());
        for (const recipient of recipients) {
          await queueMail(tx, {
            to: recipient.email,
            language: recipient.language,
            template: 'access_receipt_summary',
            params: {
              firstName: recipient.first_name,
              month: month.first.slice(0, 7),
              party: party.party.trim(),
              organisations: Number(party.organisations),
              searched: Number(party.searched ?? 0),
              viewed: Number(party.viewed ?? 0),
              downloaded: Number(party.downloaded ?? 0),
              link: `${options.publicUrl}/access-receipts`,
            },
          });
        }
        mails += recipients.length;
        await insertSummarySent(tx, {
          party: party.party,
          month: month.first,
          sentAt: options.clock(),
          recipients: recipients.length,
        });
        await recordAudit(tx, auditContextOf(actor, options.clock, NO_REQUEST), {
          action: 'access.receipts_summarised',
          details: {
            party: party.party.trim(),
            month: month.first.slice(0, 7),
            recipients: recipients.length,
          },
        });
      }
      return { parties: parties.length, mails };
    });
  });
}
