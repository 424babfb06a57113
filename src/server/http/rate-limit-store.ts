/**
 * A store for @fastify/rate-limit that keeps the counters in the database, so every server instance
 * behind a load balancer counts the same hits (DESIGN §5: the server keeps no state of its own).
 * Fixed windows: a key's counter restarts when its window is over. The global limit adds each instance's
 * hits to the shared counter every quarter of a second at most (LocalTallies); routes with limits of their
 * own count every hit in the database.
 */
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../db/prepared-statements.ts';
import type { DB } from '../db/schema.ts';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * How long an instance may answer a key's hits from its own tally before adding them to the shared counter. The
 * global limit is generous (hundreds a minute), and a database write per request cost a tenth of the throughput of
 * record reads (DESIGN §5 asks for 1,500 a second); a quarter of a second of lag between instances changes no answer that matters. Routes
 * with tight limits of their own (sign-in, public forms) count every hit in the database at once.
 */
export const SHARED_COUNT_LAG_MS = 250;

export function databaseRateLimitStore(db: Kysely<DB>): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore {
    readonly #windowMs: number;
    readonly #prefix: string;
    /** The global limit's tallies; none for the routes' own limits (exact at every hit). */
    readonly #tallies: LocalTallies | null;
    constructor(options: { timeWindow?: number | string }, prefix = '') {
      this.#windowMs = typeof options.timeWindow === 'number' ? options.timeWindow : 60_000;
      this.#prefix = prefix;
      this.#tallies = prefix === '' ? new LocalTallies(db, this.#windowMs) : null;
    }

    incr(key: string, callback: IncrCallback): void {
      const counted = this.#tallies
        ? this.#tallies.hit(key)
        : countHits(db, this.#prefix + key, this.#windowMs, 1);
      counted.then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    /**
     * A route with its own limits: the plugin passes the merged parameters (timeWindow in ms, and
     * the route). Its counters are kept apart from the global ones by a per-route key prefix.
     */
    child(routeParams: object) {
      const { timeWindow, routeInfo } = routeParams as {
        timeWindow?: number | string;
        routeInfo?: { method?: string; url?: string };
      };
      const prefix = `${String(routeInfo?.method ?? '')} ${routeInfo?.url ?? ''}|`;
      return new DatabaseRateLimitStore({ timeWindow: timeWindow ?? this.#windowMs }, prefix);
    }
  };
}

interface Tally {
  /** The shared counter (every instance's hits) as the last sync returned it. */
  shared: number;
  /** Hits answered here since then, to be added at the next sync. */
  unsynced: number;
  windowEndsAt: number;
  syncedAt: number;
  syncing: boolean;
}

/**
 * One instance's view of the shared counters: a key's hits are answered from here for up to SHARED_COUNT_LAG_MS,
 * then added to the database in one write, which returns every instance's total. One sync per key at a time;
 * hits arriving during it are counted here and go with the next.
 */
export class LocalTallies {
  readonly #tallies = new Map<string, Tally>();
  readonly #db: Kysely<DB>;
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(db: Kysely<DB>, windowMs: number, now: () => number = Date.now) {
    this.#db = db;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  async hit(key: string): Promise<{ current: number; ttl: number }> {
    const now = this.#now();
    let tally = this.#tallies.get(key);
    if (tally && now >= tally.windowEndsAt && !tally.syncing) tally = undefined;
    if (tally && (tally.syncing || now - tally.syncedAt < SHARED_COUNT_LAG_MS)) {
      tally.unsynced += 1;
      return { current: tally.shared + tally.unsynced, ttl: Math.max(0, tally.windowEndsAt - now) };
    }
    if (!tally) {
      tally = { shared: 0, unsynced: 0, windowEndsAt: now + this.#windowMs, syncedAt: now, syncing: false };
      this.#forgetEndedWindows(now);
      this.#tallies.set(key, tally);
    }
    const adding = tally.unsynced + 1;
    tally.unsynced = 0;
    tally.syncing = true;
    try {
      const total = await countHits(this.#db, key, this.#windowMs, adding);
      const syncedAt = this.#now();
      tally.shared = total.current;
      tally.windowEndsAt = syncedAt + total.ttl;
      tally.syncedAt = syncedAt;
      return { current: tally.shared + tally.unsynced, ttl: total.ttl };
    } catch (error) {
      tally.unsynced += adding;
      throw error;
    } finally {
      tally.syncing = false;
    }
  }

  /** Keeps the map to the keys of live windows (one per client address). */
  #forgetEndedWindows(now: number): void {
    if (this.#tallies.size < 10_000) return;
    for (const [key, tally] of this.#tallies) {
      if (now >= tally.windowEndsAt && !tally.syncing) this.#tallies.delete(key);
    }
  }
}

/**
 * insert … on conflict (key) do update: one statement adds the hits and restarts an expired window, so concurrent
 * requests on several instances never lose a count. Returns the total of every instance.
 */
export async function countHits(
  db: Kysely<DB>,
  key: string,
  windowMs: number,
  hits: number,
): Promise<{ current: number; ttl: number }> {
  const window = `${windowMs} milliseconds`;
  const result = await sql<{ hits: number; ttl_ms: number }>`${PREPARED}
    insert into rate_limit_hits as r (key, window_started_at, hits) values (${key}, clock_timestamp(), ${hits})
    on conflict (key) do update set
      hits = case when r.window_started_at <= clock_timestamp() - ${window}::interval then excluded.hits
                  else r.hits + excluded.hits end,
      window_started_at = case when r.window_started_at <= clock_timestamp() - ${window}::interval
                               then clock_timestamp() else r.window_started_at end
    returning hits,
      greatest(0, extract(epoch from (window_started_at + ${window}::interval - clock_timestamp())) * 1000)::int as ttl_ms`.execute(
    db,
  );
  const row = result.rows[0]!;
  // Now and then, forget windows that ended long ago.
  if (Math.random() < 0.001) {
    await sql`delete from rate_limit_hits where window_started_at < clock_timestamp() - interval '1 day'`.execute(
      db,
    );
  }
  return { current: Number(row.hits), ttl: Number(row.ttl_ms) };
}
