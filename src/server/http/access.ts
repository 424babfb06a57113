/**
 * Deny by default: every route must say who may call it (its `config.access`), or the app refuses
 * to start. Before the handler runs, the caller is authenticated (session cookie or bearer token),
 * the declared level is checked, and cookie requests that change state must carry the session's
 * CSRF token. Finer rules (which record, which action) are the features' policies, inside withActor.
 *
 *   public         anyone (health, reference lists, registration, sign-in, current terms)
 *   any_session    a session at any stage (who am I, sign out)
 *   second_factor  a session that passed the password and is at the second-factor step
 *   signed_in      a full session or an API token; the terms need not be accepted (accept them, my account)
 *   data           signed in, the current terms accepted in this session (or for this token), and no
 *                  one-time password left to replace
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ANONYMOUS, type Actor, type UserActor } from '../../shared/actor.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/auth.contract.ts';
import type { Settings } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { authenticateSession, authenticateToken, type Authentication } from '../features/identity/index.ts';
import { sameSecret } from '../features/identity/index.ts';

export type RouteAccess = 'public' | 'any_session' | 'second_factor' | 'signed_in' | 'data';
/** The scopes a route may open to a scoped API token (migration 0039); unscoped tokens open every route. */
export type RouteTokenScope = 'permits.lookup';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    tokenScope?: RouteTokenScope;
  }
  interface FastifyRequest {
    actor: Actor;
    authentication: Authentication;
    /** The account a request is counted against by the rate limit (rate-limit.ts); null: by its address. */
    countedAccount: string | null;
  }
  interface FastifyInstance {
    /** Every route's declared access, "METHOD /url" → level (the access matrix test reads it). */
    routeAccess: ReadonlyMap<string, RouteAccess>;
  }
}

export class UndeclaredAccessError extends Error {}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAccessControl(
  app: FastifyInstance,
  deps: { db: Kysely<DB>; settings: Settings; clock: () => Date },
): void {
  void app.register(cookie);
  // Every request starts anonymous; authentication below replaces the actor.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('authentication', null as never);
  app.decorateRequest('countedAccount', null);

  const declared = new Map<string, RouteAccess>();
  app.decorate('routeAccess', declared);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    for (const method of [route.method].flat()) if (access) declared.set(`${method} ${route.url}`, access);
    if (access === undefined) {
      throw new UndeclaredAccessError(
        `Route ${String(route.method)} ${route.url} does not declare config.access: every route must say who may call it.`,
      );
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    request.authentication = { kind: 'none' };
    request.countedAccount = null;
    if (request.routeOptions.config.access === 'public' || request.routeOptions.config.access === undefined) {
      // Public routes stay anonymous, but a signed-in person's calls to them (the reference lists every page
      // reads) are counted against their account, not against the address their whole office shares.
      request.countedAccount = await accountBehind(request, deps);
      return;
    }
    await authenticate(request, reply, deps);
  });

  // Checked before the body is validated, so a caller who may not use a route learns nothing of its shape.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    const auth = request.authentication;
    if (auth.kind === 'session' && !SAFE_METHODS.has(request.method)) {
      // Security: SameSite=Strict already keeps other sites' forms out; the header check is the
      // second lock, tested in access.test.ts.
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, auth.csrfToken)) throw new ForbiddenError();
    }
    // Security: a scoped token (a customs system's) opens only the data routes that declare its scope; the
    // signed-in routes stay open to it, so its user can accept the terms through it (as any token's user does).
    if (
      access === 'data' &&
      auth.kind === 'token' &&
      auth.scope !== null &&
      request.routeOptions.config.tokenScope !== auth.scope
    )
      throw new ForbiddenError();
    switch (access) {
      case 'public':
      case undefined:
        return;
      case 'any_session':
        if (auth.kind !== 'session') throw new UnauthenticatedError();
        return;
      case 'second_factor':
        if (auth.kind !== 'session' || auth.stage !== 'second_factor') throw new UnauthenticatedError();
        return;
      case 'signed_in':
        if (!isFullySignedIn(auth)) throw new UnauthenticatedError();
        return;
      case 'data':
        if (!isFullySignedIn(auth)) throw new UnauthenticatedError();
        if (!auth.termsAccepted) throw new ForbiddenError('terms_not_accepted');
        // A one-time password (from `itd users create`) is replaced before any data is shown.
        if (auth.kind === 'session' && auth.user.must_change_password)
          throw new ForbiddenError('password_change_required');
        return;
    }
  });
}

function isFullySignedIn(
  auth: Authentication,
): auth is Extract<Authentication, { kind: 'token' | 'session' }> {
  return auth.kind === 'token' || (auth.kind === 'session' && auth.stage === 'full');
}

async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { db: Kysely<DB>; settings: Settings; clock: () => Date },
): Promise<void> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    // A wrong token is refused outright rather than treated as anonymous: scripts should fail loudly.
    const auth = match ? await authenticateToken(deps.db, match[1]!, deps.clock()) : null;
    if (!auth) throw new UnauthenticatedError();
    request.authentication = auth;
    request.actor = auth.actor;
    request.countedAccount = auth.user.id;
    return;
  }
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) return;
  const auth = await authenticateSession(deps.db, secret, deps.clock(), deps.settings);
  if (auth.kind === 'none') {
    clearSessionCookie(reply, deps.settings);
    return;
  }
  request.authentication = auth;
  request.countedAccount = auth.user.id;
  if (auth.kind === 'session' && auth.stage === 'full') request.actor = auth.actor;
}

/** The account behind a public request's cookie or token, if valid; never refuses and never clears a cookie. */
async function accountBehind(
  request: FastifyRequest,
  deps: { db: Kysely<DB>; settings: Settings; clock: () => Date },
): Promise<string | null> {
  const bearer = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '');
  if (bearer) return (await authenticateToken(deps.db, bearer[1]!, deps.clock()))?.user.id ?? null;
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) return null;
  const auth = await authenticateSession(deps.db, secret, deps.clock(), deps.settings);
  return auth.kind === 'none' ? null : auth.user.id;
}

export function setSessionCookie(reply: FastifyReply, settings: Settings, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.environment !== 'test',
    maxAge: settings.session.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, settings: Settings): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.environment !== 'test',
  });
}

export function requireUser(request: FastifyRequest): UserActor {
  if (request.actor.kind !== 'user') throw new UnauthenticatedError();
  return request.actor;
}
