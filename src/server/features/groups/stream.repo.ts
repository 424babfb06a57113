/**
 * SQL of the live stream's re-check that its caller is still signed in (ADR 0005): run at every poll, as the user,
 * so an ended session, a revoked token or a suspended user stops the stream at the next poll.
 */
import type { Tx } from '../../db/with-actor.ts';

/** The session is live: not revoked, not expired, not idle, and its user active. */
export async function isSessionLive(
  tx: Tx,
  sessionId: string,
  now: Date,
  idleMinutes: number,
): Promise<boolean> {
  const row = await tx
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select('s.id')
    .where('s.id', '=', sessionId)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', new Date(now.getTime() - idleMinutes * 60_000))
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

/** The token is live: not revoked, not expired, and its user active. */
export async function isTokenLive(tx: Tx, tokenId: string, now: Date): Promise<boolean> {
  const row = await tx
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select('t.id')
    .where('t.id', '=', tokenId)
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}
