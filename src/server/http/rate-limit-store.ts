/**
 * A store for @fastify/rate-limit that keeps the counters in the database, so every server instance
 * behind a load balancer counts the same hits (DESIGN §5: the server keeps no state of its own).
 * Fixed windows: a key's counter restarts when its window is over.
 */
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../db/prepared-statements.ts';
import type { DB } from '../db/schema.ts';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

export function databaseRateLimitStore(db: Kysely<DB>): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore {
    readonly #windowMs: number;
    readonly #prefix: string;
    constructor(options: { timeWindow?: number | string }, prefix = '') {
      this.#windowMs = typeof options.timeWindow === 'number' ? options.timeWindow : 60_000;
      this.#prefix = prefix;
    }

    incr(key: string, callback: IncrCallback): void {
      countHit(db, this.#prefix + key, this.#windowMs).then(
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

/**
 * insert … on conflict (key) do update: one statement counts the hit and restarts an expired window,
 * so concurrent requests on several instances never lose a count.
 */
export async function countHit(
  db: Kysely<DB>,
  key: string,
  windowMs: number,
): Promise<{ current: number; ttl: number }> {
  const window = `${windowMs} milliseconds`;
  const result = await sql<{ hits: number; ttl_ms: number }>`${PREPARED}
    insert into rate_limit_hits as r (key, window_started_at, hits) values (${key}, clock_timestamp(), 1)
    on conflict (key) do update set
      hits = case when r.window_started_at <= clock_timestamp() - ${window}::interval then 1 else r.hits + 1 end,
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
