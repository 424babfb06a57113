/**
 * A streaming replica for reads that write nothing (DATABASE_READ_URL, ADR 0015). A monitor asks every second
 * how far the replica is behind the primary; reads go to it only while the answer is fresh and under
 * DATABASE_READ_MAX_LAG_SECONDS, and otherwise (behind, unreachable, not checked lately) to the primary.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export interface ReplicaState {
  /** 'in_use': reads go to the replica; otherwise they go to the primary, and this says why. */
  status: 'in_use' | 'behind' | 'unreachable' | 'not_checked';
  /** Seconds of changes the replica has not replayed yet (0 when it has replayed all the primary had). */
  lagSeconds: number | null;
  maxLagSeconds: number;
  checkedAt: string | null;
}

export interface ReadReplica {
  /** The replica's database when reads may go there now, else null (read from the primary). */
  current(): Kysely<DB> | null;
  state(): ReplicaState;
  /** A read on the replica lost its connection: use the primary until the next good check. */
  markUnreachable(): void;
  close(): Promise<void>;
}

export interface ReadReplicaOptions {
  maxLagSeconds: number;
  checkEveryMs?: number;
  /** Logs a change of status (in use, behind, unreachable), once per change. */
  onChange?: (state: ReplicaState, error?: unknown) => void;
}

interface LagAnswer {
  recovering: boolean;
  caught_up: boolean | null;
  behind_seconds: number | null;
}

/**
 * The replica's lag as seen from both ends. The primary's WAL position is read first: a replica that has replayed
 * at least that far is caught up (lag 0) even when the primary has been idle for hours. Otherwise the lag is the age
 * of the newest transaction it replayed — under load, a few milliseconds; after a stall, the whole stall.
 * A database that is not in recovery (DATABASE_READ_URL naming the primary itself) has no lag.
 */
export async function measureReplicaLag(primary: Kysely<DB>, replica: Kysely<DB>): Promise<number> {
  const position = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary);
  const lsn = position.rows[0]!.lsn;
  const answer = await sql<LagAnswer>`select pg_is_in_recovery() as recovering,
      pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as caught_up,
      extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as behind_seconds`.execute(replica);
  const row = answer.rows[0]!;
  if (!row.recovering || row.caught_up) return 0;
  return row.behind_seconds === null ? Number.POSITIVE_INFINITY : Math.max(0, row.behind_seconds);
}

export function watchReadReplica(
  primary: Kysely<DB>,
  replica: { db: Kysely<DB>; close(): Promise<void> },
  options: ReadReplicaOptions,
): ReadReplica {
  const everyMs = options.checkEveryMs ?? 1000;
  // A check older than this says nothing about now (the monitor itself is stuck or the replica hangs).
  const freshForMs = Math.max(3 * everyMs, 3000);
  let lagSeconds: number | null = null;
  let checkedAt: Date | null = null;
  let reachable = false;
  let lastStatus: ReplicaState['status'] = 'not_checked';

  const state = (): ReplicaState => {
    const fresh = checkedAt !== null && Date.now() - checkedAt.getTime() <= freshForMs;
    const status: ReplicaState['status'] = !reachable
      ? checkedAt === null
        ? 'not_checked'
        : 'unreachable'
      : !fresh
        ? 'not_checked'
        : (lagSeconds ?? Infinity) > options.maxLagSeconds
          ? 'behind'
          : 'in_use';
    return {
      status,
      lagSeconds: lagSeconds === null || !Number.isFinite(lagSeconds) ? null : lagSeconds,
      maxLagSeconds: options.maxLagSeconds,
      checkedAt: checkedAt?.toISOString() ?? null,
    };
  };
  const noteChange = (error?: unknown) => {
    const now = state();
    if (now.status !== lastStatus) options.onChange?.(now, error);
    lastStatus = now.status;
  };

  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      lagSeconds = await measureReplicaLag(primary, replica.db);
      reachable = true;
      checkedAt = new Date();
      noteChange();
    } catch (error) {
      // Either end may be down; when the primary is down nothing is served anyway.
      reachable = false;
      checkedAt = new Date();
      lagSeconds = null;
      noteChange(error);
    } finally {
      checking = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();

  return {
    current: () => (state().status === 'in_use' ? replica.db : null),
    state,
    markUnreachable: () => {
      reachable = false;
      noteChange();
    },
    close: async () => {
      clearInterval(timer);
      await replica.close();
    },
  };
}
