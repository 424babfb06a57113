/**
 * SQL of the audit log. Appending advances the one-row head first: its row lock makes concurrent
 * writers take turns until their transactions end, so every entry links to the one before it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { ChainedEntry } from './audit-chain.ts';

/** update audit_chain_head set seq = seq + 1 returning seq, hash */
export async function advanceHead(tx: Tx): Promise<{ seq: number; prevHash: string }> {
  const row = await tx
    .updateTable('audit_chain_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('singleton', '=', true)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: row.seq, prevHash: row.hash };
}

/** insert into audit_events (...) values (...); update audit_chain_head set hash = $hash */
export async function insertEntry(tx: Tx, entry: ChainedEntry, hash: string): Promise<void> {
  await tx
    .insertInto('audit_events')
    .values({
      seq: entry.seq,
      occurred_at: entry.occurredAt,
      actor_kind: entry.actorKind,
      actor_id: entry.actorId,
      actor_label: entry.actorLabel,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      details: JSON.stringify(entry.details),
      ip_address: entry.ipAddress,
      request_id: entry.requestId,
      prev_hash: entry.prevHash,
      hash,
    })
    .execute();
  await tx.updateTable('audit_chain_head').set({ hash }).where('singleton', '=', true).execute();
}

/** select * from audit_events where seq > $after order by seq limit $limit — read by the owner role. */
export async function unsafeReadEntriesPage(
  db: Kysely<DB>,
  afterSeq: number,
  limit: number,
): Promise<(ChainedEntry & { hash: string })[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: row.details,
    ipAddress: row.ip_address,
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

/** select seq, hash from audit_chain_head — read by the owner role. */
export async function unsafeReadHead(db: Kysely<DB>): Promise<{ seq: number; hash: string }> {
  const row = await db.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash };
}
