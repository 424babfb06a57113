/**
 * SQL of the outbox viewer, run inside withActor: row-level security lets Secretariat admins (and the sender job)
 * read the outbox (migrations/0056), so these queries return nothing to anyone else. Newest first, keyset by id.
 */
import { sql } from 'kysely';
import type { OutboxQuery, OutboxStatus } from '../../../shared/outbox.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { containsPattern } from '../../lib/contains-pattern.ts';
import { MAX_DELIVERY_ATTEMPTS } from './mail.repo.ts';

export interface OutboxRow {
  id: number;
  recipient: string;
  subject: string;
  language: 'en' | 'fr' | 'es';
  created_at: Date;
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
  has_body: boolean;
}

function outboxRows(tx: Tx) {
  return tx
    .selectFrom('outbox')
    .select([
      'id',
      'recipient',
      'subject',
      'language',
      'created_at',
      'sent_at',
      'attempts',
      'last_error',
      sql<boolean>`body <> ''`.as('has_body'),
    ]);
}

export async function selectOutboxPage(tx: Tx, query: OutboxQuery): Promise<OutboxRow[]> {
  let rows = outboxRows(tx);
  if (query.cursor !== undefined) rows = rows.where('id', '<', query.cursor);
  if (query.recipient) rows = rows.where('recipient', 'ilike', containsPattern(query.recipient));
  const status: OutboxStatus | undefined = query.status;
  if (status === 'sent') rows = rows.where('sent_at', 'is not', null);
  if (status === 'waiting') {
    rows = rows.where('sent_at', 'is', null).where('attempts', '<', MAX_DELIVERY_ATTEMPTS);
  }
  if (status === 'undeliverable') {
    rows = rows.where('sent_at', 'is', null).where('attempts', '>=', MAX_DELIVERY_ATTEMPTS);
  }
  const found = await rows
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return found.map((row) => ({ ...row, id: Number(row.id) }));
}

export async function selectOutboxMessage(
  tx: Tx,
  id: number,
): Promise<(OutboxRow & { body: string }) | undefined> {
  const row = await outboxRows(tx).select('body').where('id', '=', id).executeTakeFirst();
  return row ? { ...row, id: Number(row.id) } : undefined;
}
