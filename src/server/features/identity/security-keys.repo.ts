/** SQL of security keys (WebAuthn credentials) and their single-use challenges (migration 0031). */
import type { Tx } from '../../db/with-actor.ts';

const KEY_COLUMNS = ['id', 'name', 'created_at', 'last_used_at'] as const;

/** The user's keys as the account page lists them, oldest first. */
export async function listKeyRows(tx: Tx, userId: string) {
  return tx
    .selectFrom('security_keys')
    .select(KEY_COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** What a check of a signature needs: every key of the user with its public half and counter. */
export async function credentialsOf(tx: Tx, userId: string) {
  return tx
    .selectFrom('security_keys')
    .select(['id', 'credential_id', 'public_key', 'sign_count', 'transports'])
    .where('user_id', '=', userId)
    .execute();
}

export async function countKeys(tx: Tx, userId: string): Promise<number> {
  const row = await tx
    .selectFrom('security_keys')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertKey(
  tx: Tx,
  values: {
    user_id: string;
    name: string;
    credential_id: string;
    public_key: Buffer;
    sign_count: number;
    transports: string[];
  },
) {
  return tx.insertInto('security_keys').values(values).returning(KEY_COLUMNS).executeTakeFirstOrThrow();
}

/** Removes the user's own key; returns whether one was. */
export async function deleteKey(tx: Tx, keyId: string, userId: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('security_keys')
    .where('id', '=', keyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function recordKeyUse(tx: Tx, keyId: string, signCount: number, now: Date): Promise<void> {
  await tx
    .updateTable('security_keys')
    .set({ sign_count: signCount, last_used_at: now })
    .where('id', '=', keyId)
    .execute();
}

/** Keeps the session's one challenge for this purpose, replacing an earlier one. */
export async function putChallenge(
  tx: Tx,
  values: { session_id: string; purpose: 'enrol' | 'sign_in'; challenge: string; expires_at: Date },
): Promise<void> {
  await tx
    .insertInto('webauthn_challenges')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'purpose'])
        .doUpdateSet({ challenge: values.challenge, expires_at: values.expires_at }),
    )
    .execute();
}

/** Takes the session's challenge for this purpose: deleted whether live or not, returned only when live. */
export async function takeChallenge(
  tx: Tx,
  sessionId: string,
  purpose: 'enrol' | 'sign_in',
  now: Date,
): Promise<string | null> {
  const row = await tx
    .deleteFrom('webauthn_challenges')
    .where('session_id', '=', sessionId)
    .where('purpose', '=', purpose)
    .returning(['challenge', 'expires_at'])
    .executeTakeFirst();
  return row && row.expires_at > now ? row.challenge : null;
}
