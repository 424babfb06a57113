/**
 * SQL of the identity tables used by the front door (sign-in, sessions, tokens). Called inside
 * withActor; the system actor's policies let the front door read credentials, nothing else does.
 */
import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../../db/prepared-statements.ts';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../db/with-actor.ts';

/** What the platform knows of a user when acting for them (their organisation decides what they may see). */
const USER_COLUMNS = [
  'u.id',
  'u.email',
  'u.first_name',
  'u.last_name',
  'u.language',
  'u.role',
  'u.has_itd_access',
  'u.status',
  'u.password_hash',
  'u.must_change_password',
  'u.totp_secret_sealed',
  'u.totp_enrolled_at',
  'u.totp_last_step',
  'u.failed_sign_ins',
  'u.locked_until',
  'o.id as organisation_id',
  'o.name as organisation_name',
  'o.kind as organisation_kind',
  'o.party',
] as const;

/** The user columns an actor is built from, joined with the organisation. */
export async function findUserForActor(tx: Tx, where: { id?: string; email?: string }) {
  let query = tx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(USER_COLUMNS);
  if (where.id) query = query.where('u.id', '=', where.id);
  if (where.email) query = query.where('u.email', '=', where.email);
  return query.executeTakeFirst();
}
export type UserRecord = NonNullable<Awaited<ReturnType<typeof findUserForActor>>>;

/** select max(version) from terms_versions */
export async function currentTermsVersion(tx: Tx): Promise<number | null> {
  const row = await tx
    .selectFrom('terms_versions')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return row?.version ?? null;
}

/**
 * A live session by its secret's hash, with its user and the current terms version: one statement
 * (app_front_door_session, migrations/0019), run on the platform's connection rather than in a front-door
 * transaction, since it precedes every signed-in request. The function answers for that hash only.
 */
export async function frontDoorSession(db: Kysely<DB>, tokenHash: string) {
  const result =
    await sql<FrontDoorSession>`${PREPARED} select * from app_front_door_session(${tokenHash})`.execute(db);
  return result.rows[0];
}

/** What app_front_door_session returns: the session's own fields, then the user's (UserRecord). */
export type FrontDoorSession = UserRecord & {
  session_id: string;
  stage: 'second_factor' | 'full';
  terms_version: number | null;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  current_terms_version: number | null;
};

/** select … from api_tokens where token_hash = $1 and revoked_at is null */
export async function findApiTokenByHash(tx: Tx, tokenHash: string) {
  return tx
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'terms_version', 'expires_at', 'last_used_at', 'scope'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** update sessions set last_seen_at = now where id = $1; update users set last_active_at = now */
export async function touchSession(tx: Tx, sessionId: string, userId: string, now: Date): Promise<void> {
  await tx.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
  await tx.updateTable('users').set({ last_active_at: now }).where('id', '=', userId).execute();
}

/** update sessions set revoked_at = now where user_id = $1 and revoked_at is null */
export async function revokeAllSessions(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * Security: a personal API token is a credential like a session. Suspension, withdrawal and a password change or
 * reset end them together, so a reinstated user's old token (with its old terms acceptance) never comes back to
 * life, and a token taken with a stolen password dies with the reset.
 */
export async function revokeAllTokens(tx: Tx, userId: string, now: Date): Promise<number> {
  const revoked = await tx
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(revoked.numUpdatedRows);
}

/** update users set failed_sign_ins = …, locked_until = … where id = $1 */
export async function recordFailure(tx: Tx, userId: string, failures: number, lockedUntil: Date | null) {
  await tx
    .updateTable('users')
    .set({ failed_sign_ins: failures, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

/** Is the row's user allowed in now? (status and lock) — used after every credential check. */
export const isLocked = (user: { locked_until: Date | null }, now: Date) =>
  user.locked_until !== null && user.locked_until.getTime() > now.getTime();

/** insert into sessions … returning id */
export async function insertSession(
  tx: Tx,
  values: {
    token_hash: string;
    user_id: string;
    stage: 'second_factor' | 'full';
    csrf_token: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    ip_address: string | null;
    user_agent: string | null;
  },
): Promise<string> {
  const row = await tx.insertInto('sessions').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** update sessions set revoked_at = now where id = $1 */
export async function revokeSession(tx: Tx, sessionId: string, now: Date): Promise<void> {
  await tx.updateTable('sessions').set({ revoked_at: now }).where('id', '=', sessionId).execute();
}

/** As revokeSession, only if still live; row-level security limits it to the caller's own. Returns the count. */
export async function revokeLiveSession(tx: Tx, sessionId: string, now: Date): Promise<number> {
  const result = await tx
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The user's full, live sessions, most recently seen first. */
export async function listLiveSessions(tx: Tx, userId: string, now: Date) {
  return tx
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'ip_address', 'user_agent'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('stage', '=', 'full')
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** update sessions set terms_version = $2 where id = $1 */
export async function setSessionTermsVersion(
  tx: Tx,
  sessionId: string,
  version: number | null,
): Promise<void> {
  await tx.updateTable('sessions').set({ terms_version: version }).where('id', '=', sessionId).execute();
}

/** update api_tokens set terms_version = $2 where id = $1 */
export async function setTokenTermsVersion(tx: Tx, tokenId: string, version: number): Promise<void> {
  await tx.updateTable('api_tokens').set({ terms_version: version }).where('id', '=', tokenId).execute();
}

/** update users set totp_secret_sealed = $2 where id = $1 (the pending secret of an enrolment) */
export async function setPendingTotpSecret(tx: Tx, userId: string, sealed: string): Promise<void> {
  await tx.updateTable('users').set({ totp_secret_sealed: sealed }).where('id', '=', userId).execute();
}

/** A right second factor: failures cleared, activity noted, the TOTP step (and enrolment) recorded. */
export async function recordSecondFactor(
  tx: Tx,
  userId: string,
  input: { now: Date; step: number | null; isEnrolment: boolean },
): Promise<void> {
  await tx
    .updateTable('users')
    .set({
      failed_sign_ins: 0,
      locked_until: null,
      last_active_at: input.now,
      // Signing in answers the inactivity warning.
      inactivity_warned_at: null,
      ...(input.step !== null ? { totp_last_step: input.step } : {}),
      ...(input.isEnrolment ? { totp_enrolled_at: input.now } : {}),
    })
    .where('id', '=', userId)
    .execute();
}

/** The user's recovery codes become these (hashes); the old ones are gone. */
export async function replaceRecoveryCodes(tx: Tx, userId: string, codeHashes: string[]): Promise<void> {
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await tx
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** update recovery_codes set used_at = now where user_id = $1 and code_hash = $2 and used_at is null */
export async function useRecoveryCodeHash(
  tx: Tx,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new password; a reset also clears failures and the lock. */
export async function setPassword(
  tx: Tx,
  userId: string,
  passwordHash: string,
  options: { clearLock: boolean },
): Promise<void> {
  await tx
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: false,
      ...(options.clearLock ? { failed_sign_ins: 0, locked_until: null } : {}),
    })
    .where('id', '=', userId)
    .execute();
}

/** A token's use: when it was last used, and its user's activity. */
export async function recordTokenUse(tx: Tx, tokenId: string, userId: string, now: Date): Promise<void> {
  await tx.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
  await tx.updateTable('users').set({ last_active_at: now }).where('id', '=', userId).execute();
}
