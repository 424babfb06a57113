/**
 * What a record-level export asks of the credential it came with (migration 0042): when the session's user last
 * entered a second factor to step up, and which scopes a token was made with.
 */
import type { Tx } from '../../db/with-actor.ts';

/** update sessions set stepped_up_at = $now where id = $session and user_id = $user */
export async function markSessionSteppedUp(
  tx: Tx,
  sessionId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({ stepped_up_at: now })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .execute();
}

/** select stepped_up_at from sessions where id = $session and revoked_at is null */
export async function selectSessionSteppedUpAt(tx: Tx, sessionId: string): Promise<Date | null> {
  const row = await tx
    .selectFrom('sessions')
    .select('stepped_up_at')
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.stepped_up_at ?? null;
}

/** select scopes from api_tokens where id = $token and revoked_at is null */
export async function selectTokenScopes(tx: Tx, tokenId: string): Promise<string[]> {
  const row = await tx
    .selectFrom('api_tokens')
    .select('scopes')
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.scopes ?? [];
}
