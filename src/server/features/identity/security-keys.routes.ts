/**
 * /api/v1/auth/security-keys: the account page's keys (list, enrol, remove) and the sign-in step with a key. Each
 * handler calls one use case (ADR 0012); signing in with a key sets the full session's cookie.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signInStepSchema } from '../../../shared/auth.contract.ts';
import {
  ceremonyOptionsSchema,
  enrolSecurityKeySchema,
  securityKeyListSchema,
  securityKeySchema,
  securityKeySignInSchema,
} from '../../../shared/security-keys.contract.ts';
import { setSessionCookie } from '../../http/access.ts';
import { routeLimits } from '../../http/rate-limit.ts';
import { requestContextOf } from '../../http/request-context.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { finishKeySignIn, startKeySignIn } from './security-key-sign-in.ts';
import { finishKeyEnrolment, listMyKeys, removeMyKey, startKeyEnrolment } from './security-keys.service.ts';

const tags = ['auth'];

export const securityKeyRoutes: FastifyPluginAsyncZod<IdentityDeps> = async (app, deps) => {
  const limits = routeLimits(deps.settings);
  app.get(
    '/',
    { config: { access: 'signed_in' }, schema: { tags, response: { 200: securityKeyListSchema } } },
    async (request) =>
      listMyKeys(deps, request.actor, requestContextOf(request), { authentication: request.authentication }),
  );

  app.post(
    '/options',
    {
      config: { access: 'signed_in', rateLimit: limits.credentials },
      schema: { tags, response: { 200: ceremonyOptionsSchema } },
    },
    async (request) =>
      startKeyEnrolment(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
      }),
  );

  app.post(
    '/',
    {
      config: { access: 'signed_in', rateLimit: limits.credentials },
      schema: { tags, body: enrolSecurityKeySchema, response: { 201: securityKeySchema } },
    },
    async (request, reply) => {
      const key = await finishKeyEnrolment(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
        ...request.body,
      });
      return reply.code(201).send(key);
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, params: z.object({ id: z.string().uuid() }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removeMyKey(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
        id: request.params.id,
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/sign-in/options',
    {
      config: { access: 'second_factor', rateLimit: limits.credentials },
      schema: { tags, response: { 200: ceremonyOptionsSchema } },
    },
    async (request) =>
      startKeySignIn(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
      }),
  );

  app.post(
    '/sign-in',
    {
      config: { access: 'second_factor', rateLimit: limits.credentials },
      schema: { tags, body: securityKeySignInSchema, response: { 200: signInStepSchema } },
    },
    async (request, reply) => {
      const result = await finishKeySignIn(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
        response: request.body.response,
      });
      setSessionCookie(reply, deps.settings, result.session.secret);
      return { next: result.next };
    },
  );
};
