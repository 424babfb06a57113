/**
 * Sessions and personal API tokens: creating them, and turning a cookie or a bearer token into the
 * actor of a request. A session lives until it is revoked, idle for SESSION_IDLE_MINUTES, older than
 * SESSION_ABSOLUTE_HOURS, or its user is no longer active; each check happens at every request.
 */
import type { Kysely } from 'kysely';
import { systemActor, type Actor, type UserActor } from '../../../shared/actor.ts';
import { abilitiesOf } from '../../../shared/permissions.ts';
import type { Settings } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { UnauthenticatedError } from '../../errors.ts';
import { NO_REQUEST, type RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import {
  currentTermsVersion,
  findApiTokenByHash,
  frontDoorSession,
  findUserForActor,
  insertSession,
  recordTokenUse,
  revokeSession,
  touchSession,
  type UserRecord,
} from './identity.repo.ts';
import { hashSecret, randomSecret } from './secrets.ts';

export const FRONT_DOOR = systemActor('front door');

/** What the transport layer knows about how the caller authenticated. */
export type Authentication =
  | { kind: 'none' }
  | {
      kind: 'session';
      sessionId: string;
      stage: 'second_factor' | 'full';
      csrfToken: string;
      termsAccepted: boolean;
      user: UserRecord;
      actor: UserActor;
      expiresAt: Date;
    }
  | {
      kind: 'token';
      tokenId: string;
      termsAccepted: boolean;
      user: UserRecord;
      actor: UserActor;
      /** null: acts as its user everywhere; otherwise only on routes that declare this scope. */
      scope: 'permits.lookup' | null;
    };

export function actorOf(user: UserRecord): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    label: `${user.first_name} ${user.last_name}`,
    organisationId: user.organisation_id,
    organisationKind: user.organisation_kind,
    party: user.party,
    role: user.role,
    hasItdAccess: user.has_itd_access,
  };
}

export interface NewSession {
  /** The cookie value: shown to the browser only. */
  secret: string;
  id: string;
  csrfToken: string;
}

export async function createSession(
  tx: Tx,
  input: {
    userId: string;
    stage: 'second_factor' | 'full';
    now: Date;
    settings: Settings;
    ipAddress: string | null;
    userAgent: string | null;
  },
): Promise<NewSession> {
  const secret = randomSecret();
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(input.now.getTime() + input.settings.session.absoluteHours * 3_600_000);
  const id = await insertSession(tx, {
    token_hash: hashSecret(secret),
    user_id: input.userId,
    stage: input.stage,
    csrf_token: csrfToken,
    created_at: input.now,
    last_seen_at: input.now,
    expires_at: expiresAt,
    ip_address: input.ipAddress,
    user_agent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { secret, id, csrfToken };
}

/** A fresh session id at every privilege change: the old session ends, a new one begins. */
export async function replaceSession(
  tx: Tx,
  oldSessionId: string,
  input: Parameters<typeof createSession>[1],
): Promise<NewSession> {
  await revokeSession(tx, oldSessionId, input.now);
  return createSession(tx, input);
}

export async function authenticateSession(
  db: Kysely<DB>,
  secret: string,
  now: Date,
  settings: Settings,
): Promise<Authentication> {
  const found = await frontDoorSession(db, hashSecret(secret));
  if (!found) return { kind: 'none' };
  const {
    session_id,
    stage,
    terms_version,
    csrf_token,
    last_seen_at,
    expires_at,
    current_terms_version,
    ...user
  } = found;
  const idleLimit = now.getTime() - settings.session.idleMinutes * 60_000;
  if (expires_at.getTime() <= now.getTime() || last_seen_at.getTime() <= idleLimit) return { kind: 'none' };
  if (user.status !== 'active') return { kind: 'none' };
  // Touch at most once a minute: idle tracking does not need a write per request.
  if (now.getTime() - last_seen_at.getTime() > 60_000)
    await withActor(db, FRONT_DOOR, (tx) => touchSession(tx, session_id, user.id, now));
  return {
    kind: 'session',
    sessionId: session_id,
    stage,
    csrfToken: csrf_token,
    termsAccepted: current_terms_version !== null && terms_version === current_terms_version,
    user,
    actor: actorOf(user),
    expiresAt: expires_at,
  };
}

/** A bearer token: null when unknown, revoked or expired, or its user is not active. */
export async function authenticateToken(
  db: Kysely<DB>,
  secret: string,
  now: Date,
): Promise<Extract<Authentication, { kind: 'token' }> | null> {
  return withActor(db, FRONT_DOOR, async (tx) => {
    const token = await findApiTokenByHash(tx, hashSecret(secret));
    if (!token || token.expires_at.getTime() <= now.getTime()) return null;
    const user = await findUserForActor(tx, { id: token.user_id });
    if (!user || user.status !== 'active') return null;
    // Use is recorded (and audited) at most once a minute per token, not at every request of a script.
    if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > 60_000) {
      await recordTokenUse(tx, token.id, user.id, now);
      await recordAudit(
        tx,
        auditContextOf(FRONT_DOOR, () => now, NO_REQUEST),
        {
          action: 'token.used',
          targetType: 'api_token',
          targetId: token.id,
          details: { userId: user.id },
        },
      );
    }
    const current = await currentTermsVersion(tx);
    return {
      kind: 'token',
      tokenId: token.id,
      termsAccepted: current !== null && token.terms_version === current,
      scope: token.scope,
      user,
      actor: actorOf(user),
    };
  });
}

/** The caller's session as the web app sees it: who, which step of signing in is next, what they may do. */
export async function currentSession(
  _deps: unknown,
  _actor: Actor,
  _request: RequestContext,
  input: { authentication: Authentication },
) {
  const auth = input.authentication;
  if (auth.kind !== 'session') throw new UnauthenticatedError();
  const user = auth.user;
  const next =
    auth.stage === 'second_factor'
      ? user.totp_enrolled_at
        ? 'second_factor'
        : 'enrol_second_factor'
      : !auth.termsAccepted
        ? 'accept_terms'
        : user.must_change_password
          ? 'change_password'
          : 'done';
  return {
    user: {
      id: user.id,
      email: user.email,
      firstName: user.first_name,
      lastName: user.last_name,
      language: user.language,
      role: user.role,
      hasItdAccess: user.has_itd_access,
      organisation: {
        id: user.organisation_id,
        name: user.organisation_name,
        kind: user.organisation_kind,
        party: user.party,
      },
    },
    csrfToken: auth.csrfToken,
    next,
    abilities: auth.stage === 'full' ? abilitiesOf(auth.actor) : [],
    expiresAt: auth.expiresAt.toISOString(),
  } as const;
}
