/**
 * A read that writes nothing but its audit entry, on the replica when one is in use (ADR 0015). Every read is
 * audited either way:
 * - with a replica in use, the entry (what was asked) is committed on the primary FIRST, then the read runs on the
 *   replica; should the entry fail, nothing is read, and a read that fails afterwards leaves an entry of a read
 *   that answered nothing, never an answer without an entry;
 * - otherwise (no replica, behind, unreachable) the read and its entry share one transaction on the primary, as
 *   every other use case, and the entry also says what was found.
 * A replica that loses its connection under the read is set aside until its next good check, and the read runs on
 * the primary (its entry is already written).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../shared/actor.ts';
import { isConnectionLost } from './connection-loss.ts';
import type { ReadReplica } from './read-replica.ts';
import type { DB } from './schema.ts';
import { withActor, type Tx } from './with-actor.ts';

export interface ReadDatabases {
  db: Kysely<DB>;
  reads?: ReadReplica | undefined;
}

export interface AuditedRead<T> {
  /** Reads, as the actor; nothing it runs may write. */
  read: (tx: Tx) => Promise<T>;
  /** Writes the read's audit entry; `answer` is what was read when known (same transaction), else undefined. */
  audit: (tx: Tx, answer: T | undefined) => Promise<void>;
}

const READS_ONLY = { readsOnly: true };

// A standby cancels a query whose rows replay is removing (SQLSTATE 40001, "conflict with recovery"): read again
// from the primary rather than answer an error.
function isReplicaTrouble(error: unknown): boolean {
  return isConnectionLost(error) || (error as { code?: unknown } | null)?.code === '40001';
}

export async function auditedRead<T>(dbs: ReadDatabases, actor: Actor, steps: AuditedRead<T>): Promise<T> {
  const replica = dbs.reads?.current() ?? null;
  if (!replica) {
    return withActor(
      dbs.db,
      actor,
      async (tx) => {
        const answer = await steps.read(tx);
        await steps.audit(tx, answer);
        return answer;
      },
      READS_ONLY,
    );
  }
  await withActor(dbs.db, actor, (tx) => steps.audit(tx, undefined), READS_ONLY);
  try {
    return await withActor(replica, actor, steps.read, READS_ONLY);
  } catch (error) {
    if (!isReplicaTrouble(error)) throw error;
    dbs.reads?.markUnreachable();
    return withActor(dbs.db, actor, steps.read, READS_ONLY);
  }
}
