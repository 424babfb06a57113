/** SQL of personal API tokens and single-use e-mail link tokens; only hashes of their secrets are stored. */
import type { Tx } from '../../db/with-actor.ts';

const TOKEN_COLUMNS = ['id', 'name', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'] as const;

/** The user's personal API tokens, newest first. */
export async function listTokenRows(tx: Tx, userId: string) {
  return tx
    .selectFrom('api_tokens')
    .select(TOKEN_COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertToken(
  tx: Tx,
  values: {
    user_id: string;
    name: string;
    token_hash: string;
    terms_version: number | null;
    scope?: 'permits.lookup' | null;
    created_at: Date;
    expires_at: Date;
    scopes?: string[];
  },
) {
  return tx.insertInto('api_tokens').values(values).returning(TOKEN_COLUMNS).executeTakeFirstOrThrow();
}

/** Revokes the user's own live token; returns whether one was. */
export async function revokeTokenRow(tx: Tx, tokenId: string, userId: string, now: Date): Promise<boolean> {
  const result = await tx
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** select id, status from users where email = $1 */
export async function findUserStatusByEmail(tx: Tx, email: string) {
  return tx.selectFrom('users').select(['id', 'status']).where('email', '=', email).executeTakeFirst();
}

export async function insertOneTimeToken(
  tx: Tx,
  values: {
    token_hash: string;
    purpose: 'verify_email' | 'reset_password';
    user_id: string | null;
    registration_id: string | null;
    expires_at: Date;
  },
): Promise<void> {
  await tx.insertInto('one_time_tokens').values(values).execute();
}

/** Marks a live link token used and returns what it was for, or null if unknown, used or expired. */
export async function useOneTimeToken(
  tx: Tx,
  tokenHash: string,
  purpose: 'verify_email' | 'reset_password',
  now: Date,
) {
  const row = await tx
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id', 'registration_id'])
    .executeTakeFirst();
  return row ?? null;
}

/** The registration a used e-mail token confirmed, if it did (a link opened a second time). */
export async function registrationConfirmedByUsedToken(tx: Tx, tokenHash: string): Promise<string | null> {
  const row = await tx
    .selectFrom('one_time_tokens')
    .select('registration_id')
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', 'verify_email')
    .where('used_at', 'is not', null)
    .executeTakeFirst();
  return row?.registration_id ?? null;
}
