/**
 * A person's own account: their sessions, their password (changed, or reset through an e-mail link).
 */
import type { Actor } from '../../../shared/actor.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueMail } from '../mail/mail.service.ts';
import { findUserForActor, revokeAllSessions } from './identity.repo.ts';
import type { IdentityDeps, RequestMeta } from './identity-deps.ts';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.ts';
import { hashSecret, randomSecret } from './secrets.ts';
import { FRONT_DOOR, replaceSession, type Authentication } from './sessions.service.ts';

const RESET_LINK_HOURS = 24;

function userOf(actor: Actor) {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  return actor;
}

export async function listMySessions(deps: IdentityDeps, actor: Actor, auth: Authentication) {
  const user = userOf(actor);
  const now = deps.clock();
  const rows = await withActor(deps.db, actor, (tx) =>
    tx
      .selectFrom('sessions')
      .select(['id', 'created_at', 'last_seen_at', 'ip_address', 'user_agent'])
      .where('user_id', '=', user.userId)
      .where('revoked_at', 'is', null)
      .where('stage', '=', 'full')
      .where('expires_at', '>', now)
      .orderBy('last_seen_at', 'desc')
      .execute(),
  );
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    ipAddress: row.ip_address,
    userAgent: row.user_agent,
    isCurrent: auth.kind === 'session' && auth.sessionId === row.id,
  }));
}

export async function revokeMySession(
  deps: IdentityDeps,
  actor: Actor,
  meta: RequestMeta,
  sessionId: string,
) {
  const user = userOf(actor);
  await withActor(deps.db, actor, async (tx) => {
    // Row-level security limits the update to the caller's own sessions; 0 rows is a 404.
    const result = await tx
      .updateTable('sessions')
      .set({ revoked_at: deps.clock() })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new NotFoundError();
    await recordAudit(
      tx,
      { actor, clock: deps.clock, ...meta },
      {
        action: 'auth.session_revoked',
        targetType: 'session',
        targetId: sessionId,
        details: { userId: user.userId },
      },
    );
  });
}

function checkNewPassword(password: string, personal: string[]) {
  const weakness = passwordWeakness(password, personal);
  if (weakness === 'too_small')
    throw new ValidationError([{ field: 'newPassword', reason: 'too_small', params: { minimum: 12 } }]);
  if (weakness) throw new ValidationError([{ field: 'newPassword', reason: 'common_password' }]);
}

/** Changes the password, ends every other session and gives this one a fresh id. */
export async function changeOwnPassword(
  deps: IdentityDeps,
  actor: Actor,
  auth: Authentication,
  meta: RequestMeta,
  input: { currentPassword: string; newPassword: string },
): Promise<string | null> {
  const user = userOf(actor);
  // As the user: the policies let people read and update their own row and sessions.
  return withActor(deps.db, actor, async (tx) => {
    const record = await findUserForActor(tx, { id: user.userId });
    if (!record) throw new UnauthenticatedError();
    if (!(await verifyPassword(record.password_hash, input.currentPassword))) {
      throw new ValidationError([{ field: 'currentPassword', reason: 'invalid' }]);
    }
    checkNewPassword(input.newPassword, [
      record.email.split('@')[0] ?? '',
      record.first_name,
      record.last_name,
    ]);
    const now = deps.clock();
    await tx
      .updateTable('users')
      .set({ password_hash: await hashPassword(input.newPassword), must_change_password: false })
      .where('id', '=', user.userId)
      .execute();
    await revokeAllSessions(tx, user.userId, now);
    await recordAudit(
      tx,
      { actor, clock: deps.clock, ...meta },
      { action: 'auth.password_changed', targetType: 'user', targetId: user.userId },
    );
    if (auth.kind !== 'session') return null;
    const fresh = await replaceSession(tx, auth.sessionId, {
      userId: user.userId,
      stage: 'full',
      now,
      settings: deps.settings,
      ...meta,
    });
    await tx
      .updateTable('sessions')
      .set({ terms_version: auth.termsAccepted ? await currentVersion(tx) : null })
      .where('id', '=', fresh.id)
      .execute();
    return fresh.secret;
  });
}

async function currentVersion(tx: Tx): Promise<number | null> {
  const row = await tx
    .selectFrom('terms_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return row?.v ?? null;
}

/** Creates a single-use link token; only its hash is stored. */
export async function createOneTimeToken(
  tx: Tx,
  input: {
    purpose: 'verify_email' | 'reset_password';
    userId?: string;
    registrationId?: string;
    now: Date;
    hours: number;
  },
): Promise<string> {
  const secret = randomSecret();
  await tx
    .insertInto('one_time_tokens')
    .values({
      token_hash: hashSecret(secret),
      purpose: input.purpose,
      user_id: input.userId ?? null,
      registration_id: input.registrationId ?? null,
      expires_at: new Date(input.now.getTime() + input.hours * 3_600_000),
    })
    .execute();
  return secret;
}

/** Marks a link token used and returns what it was for, or null if unknown, used or expired. */
export async function consumeOneTimeToken(
  tx: Tx,
  secret: string,
  purpose: 'verify_email' | 'reset_password',
  now: Date,
) {
  const row = await tx
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hashSecret(secret))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id', 'registration_id'])
    .executeTakeFirst();
  return row ?? null;
}

/** Always answers the same; an e-mail goes out only when the address belongs to an active user. */
export async function requestPasswordReset(
  deps: IdentityDeps,
  meta: RequestMeta,
  email: string,
): Promise<void> {
  await withActor(deps.db, FRONT_DOOR, async (tx) => {
    const user = await findUserForActor(tx, { email });
    if (!user || user.status !== 'active') return;
    const now = deps.clock();
    const secret = await createOneTimeToken(tx, {
      purpose: 'reset_password',
      userId: user.id,
      now,
      hours: RESET_LINK_HOURS,
    });
    await queueMail(tx, {
      to: user.email,
      language: user.language,
      template: 'password_reset',
      params: {
        firstName: user.first_name,
        hours: RESET_LINK_HOURS,
        link: `${deps.settings.publicUrl}/reset-password/complete?token=${secret}`,
      },
    });
    await recordAudit(
      tx,
      { actor: FRONT_DOOR, clock: deps.clock, ...meta },
      { action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id },
    );
  });
  deps.mail.kick();
}

/** Sets a new password from an e-mailed link (also how approved people choose their first one). */
export async function completePasswordReset(
  deps: IdentityDeps,
  meta: RequestMeta,
  secret: string,
  newPassword: string,
): Promise<void> {
  await withActor(deps.db, FRONT_DOOR, async (tx) => {
    const now = deps.clock();
    const token = await consumeOneTimeToken(tx, secret, 'reset_password', now);
    const user = token?.user_id ? await findUserForActor(tx, { id: token.user_id }) : undefined;
    if (!user || user.status !== 'active') throw new ValidationError([{ field: 'token', reason: 'invalid' }]);
    checkNewPassword(newPassword, [user.email.split('@')[0] ?? '', user.first_name, user.last_name]);
    await tx
      .updateTable('users')
      .set({
        password_hash: await hashPassword(newPassword),
        must_change_password: false,
        failed_sign_ins: 0,
        locked_until: null,
      })
      .where('id', '=', user.id)
      .execute();
    await revokeAllSessions(tx, user.id, now);
    await recordAudit(
      tx,
      { actor: FRONT_DOOR, clock: deps.clock, ...meta },
      { action: 'auth.password_reset', targetType: 'user', targetId: user.id },
    );
  });
}
