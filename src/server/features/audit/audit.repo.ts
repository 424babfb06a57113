/**
 * SQL of the audit log. Appending advances the one-row head: its row lock makes concurrent writers take turns
 * until their transactions end, so every entry links to the one before it.
 */
import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../../db/prepared-statements.ts';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { ChainedEntry, EntryContent } from './audit-chain.ts';

/**
 * Appends one entry with the digest of its content. It is linked into the chain when its transaction commits, by
 * the deferred trigger audit_events_link (migrations/0015), so no lock is held while the transaction goes on.
 * Nothing is returned: RETURNING would need the log's read policy, which only Secretariat admins pass.
 */
export async function appendEntry(tx: Tx, entry: EntryContent, digest: string): Promise<void> {
  // A prepared statement: every request that reads data writes one of these.
  await sql`${PREPARED}
    insert into audit_events (occurred_at, actor_kind, actor_id, actor_label, action, target_type, target_id,
                              details, ip_address, request_id, digest)
    values (${entry.occurredAt}, ${entry.actorKind}, ${entry.actorId}, ${entry.actorLabel}, ${entry.action},
            ${entry.targetType}, ${entry.targetId}, ${JSON.stringify(entry.details)}, ${entry.ipAddress},
            ${entry.requestId}, ${digest})`.execute(tx);
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
    prevHash: row.prev_hash ?? '',
    scheme: row.scheme === 1 ? 1 : 2,
    hash: row.hash ?? '',
  }));
}

/** select seq, hash from audit_chain_head — read by the owner role. */
export async function unsafeReadHead(db: Kysely<DB>): Promise<{ seq: number; hash: string }> {
  const row = await db.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash };
}
