/**
 * SQL of the platform key's record and of the secrets sealed under the key (TOTP secrets, group files). Every
 * function runs on the owner's connection (start, `itd keys rotate`): app_user may not read platform_key.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

/**
 * One owner transaction holding the key record's lock: another rotation (or a first start recording its key)
 * waits until it commits.
 */
export async function unsafeInKeyLockedTransaction<T>(
  db: Db,
  fn: (tx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select key_id from platform_key where singleton for update`.execute(tx);
    return fn(tx);
  });
}

/** select key_id from platform_key — undefined before the first start that recorded it. */
export async function unsafeReadRecordedKeyId(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('platform_key').select('key_id').executeTakeFirst();
  return row?.key_id;
}

/** Records the key id once; a concurrent first start of another server keeps whichever came first. */
export async function unsafeRecordKeyIdIfNone(db: Db, keyId: string): Promise<void> {
  await db
    .insertInto('platform_key')
    .values({ singleton: true, key_id: keyId })
    .onConflict((conflict) => conflict.column('singleton').doNothing())
    .execute();
}

/** Replaces the recorded id (inside the rotation's transaction, after every secret is re-sealed). */
export async function unsafeReplaceKeyId(db: Db, keyId: string): Promise<void> {
  await db
    .insertInto('platform_key')
    .values({ singleton: true, key_id: keyId })
    .onConflict((conflict) =>
      conflict.column('singleton').doUpdateSet({ key_id: keyId, recorded_at: new Date() }),
    )
    .execute();
}

/** One sealed TOTP secret and one sealed group file, if any: enough to prove a key opens what is stored. */
export async function unsafeSampleSealedSecrets(
  db: Db,
): Promise<{ totp?: string; file?: { id: string; sealed: Buffer } }> {
  const user = await db
    .selectFrom('users')
    .select('totp_secret_sealed')
    .where('totp_secret_sealed', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  const file = await db.selectFrom('group_files').select(['id', 'sealed']).limit(1).executeTakeFirst();
  return {
    ...(user?.totp_secret_sealed ? { totp: user.totp_secret_sealed } : {}),
    ...(file ? { file } : {}),
  };
}

/** Users with a sealed TOTP secret, a page after the given id (the rotation walks them all). */
export async function unsafeSealedTotpPage(
  db: Db,
  afterId: string,
  limit: number,
): Promise<{ id: string; sealed: string }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'totp_secret_sealed'])
    .where('totp_secret_sealed', 'is not', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, sealed: row.totp_secret_sealed ?? '' }));
}

export async function unsafeStoreTotpSealed(db: Db, userId: string, sealed: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret_sealed: sealed }).where('id', '=', userId).execute();
}

/** Group files, a page after the given id, with their sealed bytes (a few at a time: files may be large). */
export async function unsafeSealedFilePage(
  db: Db,
  afterId: string,
  limit: number,
): Promise<{ id: string; sealed: Buffer }[]> {
  return db
    .selectFrom('group_files')
    .select(['id', 'sealed'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function unsafeStoreFileSealed(db: Db, fileId: string, sealed: Buffer): Promise<void> {
  await db.updateTable('group_files').set({ sealed }).where('id', '=', fileId).execute();
}
