/**
 * SQL of the audit log. Entries are appended unlinked; the linker (app_link_audit_entries, migrations/0021)
 * later gives each committed entry its place in the chain, under the one-row head's lock.
 */
import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../../db/prepared-statements.ts';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { ChainedEntry, EntryContent } from './audit-chain.ts';

/**
 * Appends one entry with the digest of its content, unlinked: unsafeLinkEntries gives it its place in the chain once
 * its transaction has committed. Nothing is returned: RETURNING would need the log's read policy, which only
 * Secretariat admins pass.
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

/** Entries linked per transaction: a backlog (after a pause of the linker) is worked off in bounded steps. */
const LINK_BATCH = 10_000;

/** Links every committed entry still unlinked, batch by batch; returns how many. The owner's connection. */
export async function unsafeLinkEntries(db: Kysely<DB>): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await sql<{
      linked: number;
    }>`select app_link_audit_entries(${LINK_BATCH}) as linked`.execute(db);
    const linked = Number(result.rows[0]!.linked);
    total += linked;
    if (linked < LINK_BATCH) return total;
  }
}

/** select hash from audit_events where seq = $seq — read by the owner role (checkpoint verification). */
export async function unsafeReadEntryHash(db: Kysely<DB>, seq: number): Promise<string | undefined> {
  const row = await db.selectFrom('audit_events').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash ?? undefined;
}
