/** The outbox: e-mails queued by actions, taken in batches by the sender, marked sent or failed. */
import type { Language } from '../../../shared/languages.ts';
import type { Tx } from '../../db/with-actor.ts';

/** A delivery attempt count past which a message is left for an operator (a wrong address, a refusing server). */
export const MAX_DELIVERY_ATTEMPTS = 10;
const BATCH = 20;

export async function insertOutboxMail(
  tx: Tx,
  mail: { recipient: string; subject: string; body: string; language: Language },
): Promise<void> {
  await tx.insertInto('outbox').values(mail).execute();
}

/** Waiting messages, locked for this sender; another sender skips them instead of sending them twice. */
export async function lockWaitingMails(tx: Tx) {
  return tx
    .selectFrom('outbox')
    .select(['id', 'recipient', 'subject', 'body'])
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_DELIVERY_ATTEMPTS)
    .orderBy('id')
    .limit(BATCH)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Without SMTP nothing will ever send them: they stay for operators to read, and are not tried again. */
export async function markUndeliverable(tx: Tx, ids: number[], reason: string): Promise<void> {
  await tx
    .updateTable('outbox')
    .set({ attempts: MAX_DELIVERY_ATTEMPTS, last_error: reason })
    .where('id', 'in', ids)
    .execute();
}

/**
 * Security: once delivered, the body is emptied. Bodies carry sign-in, verification and password-reset links; the
 * mail server and the recipient have the message now, and the platform keeps only who, what subject and when.
 */
export async function markSent(tx: Tx, id: number, at: Date): Promise<void> {
  await tx.updateTable('outbox').set({ sent_at: at, body: '' }).where('id', '=', id).execute();
}

export async function recordFailedAttempt(tx: Tx, id: number, error: string): Promise<void> {
  await tx
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500) }))
    .where('id', '=', id)
    .execute();
}

/**
 * Security: a message still unsent after the retention keeps no body (no usable link). It is not tried again, since
 * an empty message would mean nothing to its recipient; who, subject and when stay for operators.
 */
export async function emptyUnsentBodiesBefore(tx: Tx, before: Date): Promise<number> {
  const result = await tx
    .updateTable('outbox')
    .set({ body: '', attempts: MAX_DELIVERY_ATTEMPTS, last_error: 'body emptied unsent after its retention' })
    .where('sent_at', 'is', null)
    .where('created_at', '<', before)
    .where('body', '<>', '')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
