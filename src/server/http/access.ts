/**
 * Deny by default: every route must say who may call it (its `config.access`), or the app refuses
 * to start. The declared level is checked before the handler runs; finer rules (which record, which
 * action) are the features' policies, inside withActor.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ANONYMOUS, type Actor, type UserActor } from '../../shared/actor.ts';
import { UnauthenticatedError } from '../errors.ts';

/**
 * public: anyone, signed in or not (health, reference lists, registration, sign-in).
 * signed_in: any user with a valid session or token.
 */
export type RouteAccess = 'public' | 'signed_in';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export class UndeclaredAccessError extends Error {}

export function registerAccessControl(app: FastifyInstance): void {
  // Every request starts anonymous; the identity layer replaces the actor after checking a session.
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
  });

  app.addHook('onRoute', (route) => {
    // Fastify's own HEAD twins of GET routes inherit the GET route's config.
    const access = route.config?.access;
    if (access === undefined) {
      throw new UndeclaredAccessError(
        `Route ${String(route.method)} ${route.url} does not declare config.access: every route must say who may call it.`,
      );
    }
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === 'signed_in' && request.actor.kind !== 'user') throw new UnauthenticatedError();
  });
}

export function requireUser(request: FastifyRequest): UserActor {
  if (request.actor.kind !== 'user') throw new UnauthenticatedError();
  return request.actor;
}
