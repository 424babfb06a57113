/**
 * SQL of the audit log. Appending advances the one-row head: its row lock makes concurrent writers take turns
 * until their transactions end, so every entry links to the one before it.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { ChainedEntry, EntryContent } from './audit-chain.ts';

/**
 * Appends one entry and links it into the chain in a single statement: the head row advances (its row lock makes
 * concurrent writers take turns until their transactions end) and computes the link from the previous hash, the
 * entry's seq and its content digest (scheme 2 of audit-chain.ts, linkHash), then the entry is inserted with it.
 * In SET, "hash" and "seq" are the head's values before this update. The seq comes back from the head, not from
 * the insert: RETURNING on audit_events would need the read policy, which only Secretariat admins pass.
 */
export async function appendEntry(tx: Tx, entry: EntryContent, digest: string): Promise<number> {
  const result = await sql<{ seq: number }>`
    with link as (
      update audit_chain_head
         set seq = seq + 1,
             prev_hash = hash,
             hash = encode(sha256(convert_to(hash || (seq + 1)::text || ':' || ${digest}, 'UTF8')), 'hex')
       where singleton
      returning seq, prev_hash, hash
    ), appended as (
    insert into audit_events (seq, occurred_at, actor_kind, actor_id, actor_label, action, target_type, target_id,
                              details, ip_address, request_id, prev_hash, hash, scheme)
    select link.seq, ${entry.occurredAt}::timestamptz, ${entry.actorKind}, ${entry.actorId}::uuid,
           ${entry.actorLabel}, ${entry.action}, ${entry.targetType}, ${entry.targetId},
           ${JSON.stringify(entry.details)}::jsonb, ${entry.ipAddress}, ${entry.requestId}, link.prev_hash,
           link.hash, 2
      from link
    )
    select seq from link`.execute(tx);
  return Number(result.rows[0]!.seq);
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
    scheme: row.scheme === 1 ? 1 : 2,
    hash: row.hash,
  }));
}

/** select seq, hash from audit_chain_head — read by the owner role. */
export async function unsafeReadHead(db: Kysely<DB>): Promise<{ seq: number; hash: string }> {
  const row = await db.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash };
}
