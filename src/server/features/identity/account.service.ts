/**
 * A person's own account: their sessions, their password (changed, or reset through an e-mail link), and the
 * single-use link tokens registration and password resets share.
 */
import type { Actor } from '../../../shared/actor.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { queueMail } from '../mail/index.ts';
import {
  currentTermsVersion,
  findUserForActor,
  listLiveSessions,
  revokeAllSessions,
  revokeAllTokens,
  revokeLiveSession,
  setPassword,
  setSessionTermsVersion,
} from './identity.repo.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.ts';
import { hashSecret, randomSecret } from './secrets.ts';
import { FRONT_DOOR, replaceSession, type Authentication } from './sessions.service.ts';
import { insertOneTimeToken, useOneTimeToken, registrationConfirmedByUsedToken } from './tokens.repo.ts';

const RESET_LINK_HOURS = 24;

function userOf(actor: Actor) {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  return actor;
}

export async function listMySessions(
  deps: IdentityDeps,
  actor: Actor,
  _request: RequestContext,
  input: { authentication: Authentication },
) {
  const user = userOf(actor);
  const auth = input.authentication;
  const rows = await withActor(deps.db, actor, (tx) => listLiveSessions(tx, user.userId, deps.clock()), {
    readsOnly: true,
  });
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
  request: RequestContext,
  params: { id: string },
): Promise<void> {
  const user = userOf(actor);
  await withActor(deps.db, actor, async (tx) => {
    // Row-level security limits the update to the caller's own sessions; 0 rows is a 404.
    if ((await revokeLiveSession(tx, params.id, deps.clock())) === 0) throw new NotFoundError();
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'auth.session_revoked',
      targetType: 'session',
      targetId: params.id,
      details: { userId: user.userId },
    });
  });
}

function checkNewPassword(password: string, personal: string[]) {
  const weakness = passwordWeakness(password, personal);
  if (weakness === 'too_small')
    throw new ValidationError([{ field: 'newPassword', reason: 'too_small', params: { minimum: 12 } }]);
  if (weakness) throw new ValidationError([{ field: 'newPassword', reason: 'common_password' }]);
}

/** Changes the password, ends every other session and gives this one a fresh id (its secret is returned). */
export async function changeOwnPassword(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: { authentication: Authentication; currentPassword: string; newPassword: string },
): Promise<string | null> {
  const user = userOf(actor);
  const auth = input.authentication;
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
    await setPassword(tx, user.userId, await hashPassword(input.newPassword), { clearLock: false });
    await revokeAllSessions(tx, user.userId, now);
    await revokeAllTokens(tx, user.userId, now);
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: user.userId,
    });
    if (auth.kind !== 'session') return null;
    const fresh = await replaceSession(tx, auth.sessionId, {
      userId: user.userId,
      stage: 'full',
      now,
      settings: deps.settings,
      ipAddress: request.ipAddress,
      userAgent: request.userAgent,
    });
    await setSessionTermsVersion(tx, fresh.id, auth.termsAccepted ? await currentTermsVersion(tx) : null);
    return fresh.secret;
  });
}

/** Creates a single-use link token; only its hash is stored. A step of the caller's transaction. */
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
  await insertOneTimeToken(tx, {
    token_hash: hashSecret(secret),
    purpose: input.purpose,
    user_id: input.userId ?? null,
    registration_id: input.registrationId ?? null,
    expires_at: new Date(input.now.getTime() + input.hours * 3_600_000),
  });
  return secret;
}

/** Marks a link token used and returns what it was for, or null if unknown, used or expired. */
export async function consumeOneTimeToken(
  tx: Tx,
  secret: string,
  purpose: 'verify_email' | 'reset_password',
  now: Date,
) {
  return useOneTimeToken(tx, hashSecret(secret), purpose, now);
}

/** Whether this e-mail link was already used to confirm a registration (so opening it again is no failure). */
export async function registrationAlreadyConfirmedBy(tx: Tx, secret: string): Promise<boolean> {
  return (await registrationConfirmedByUsedToken(tx, hashSecret(secret))) !== null;
}

/** Always answers the same; an e-mail goes out only when the address belongs to an active user. */
export async function requestPasswordReset(
  deps: IdentityDeps,
  _actor: Actor,
  request: RequestContext,
  input: { email: string },
): Promise<void> {
  await withActor(deps.db, FRONT_DOOR, async (tx) => {
    const user = await findUserForActor(tx, { email: input.email });
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
    await recordAudit(tx, auditContextOf(FRONT_DOOR, deps.clock, request), {
      action: 'auth.password_reset_requested',
      targetType: 'user',
      targetId: user.id,
    });
  });
  deps.mail.kick();
}

/** Sets a new password from an e-mailed link (also how approved people choose their first one). */
export async function completePasswordReset(
  deps: IdentityDeps,
  _actor: Actor,
  request: RequestContext,
  input: { token: string; newPassword: string },
): Promise<void> {
  await withActor(deps.db, FRONT_DOOR, async (tx) => {
    const now = deps.clock();
    const token = await consumeOneTimeToken(tx, input.token, 'reset_password', now);
    const user = token?.user_id ? await findUserForActor(tx, { id: token.user_id }) : undefined;
    if (!user || user.status !== 'active') throw new ValidationError([{ field: 'token', reason: 'invalid' }]);
    checkNewPassword(input.newPassword, [user.email.split('@')[0] ?? '', user.first_name, user.last_name]);
    await setPassword(tx, user.id, await hashPassword(input.newPassword), { clearLock: true });
    await revokeAllSessions(tx, user.id, now);
    await revokeAllTokens(tx, user.id, now);
    await recordAudit(tx, auditContextOf(FRONT_DOOR, deps.clock, request), {
      action: 'auth.password_reset',
      targetType: 'user',
      targetId: user.id,
    });
  });
}
