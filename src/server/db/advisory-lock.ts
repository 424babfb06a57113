/**
 * One instance at a time for the platform's periodic jobs (download reminders, receipt summaries, publication
 * reminders): a session advisory lock held on one connection while the job runs.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Runs fn on one connection holding a session advisory lock, or returns null when another instance holds it. */
export async function withAdvisoryLock<T>(
  db: Kysely<DB>,
  key: number,
  fn: (conn: Kysely<DB>) => Promise<T>,
): Promise<T | null> {
  return db.connection().execute(async (conn) => {
    const lock = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(conn);
    if (!lock.rows[0]?.locked) return null;
    try {
      return await fn(conn);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}
