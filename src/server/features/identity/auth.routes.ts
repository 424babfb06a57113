/**
 * /api/v1/auth: sign in (password, second factor), the current session, sign out, my sessions,
 * change password. Every failure of a credential is the same generic 401. Each handler calls one use case
 * (ADR 0012) and sets or clears the session cookie.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordSchema,
  codeRequestSchema,
  enrolmentSchema,
  mySessionListSchema,
  passwordResetCompleteSchema,
  passwordResetRequestSchema,
  recoveryCodesSchema,
  sessionSchema,
  signInRequestSchema,
  signInStepSchema,
} from '../../../shared/auth.contract.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/access.ts';
import { routeLimits } from '../../http/rate-limit.ts';
import { requestContextOf } from '../../http/request-context.ts';
import type { IdentityDeps } from './identity-deps.ts';
import {
  changeOwnPassword,
  completePasswordReset,
  listMySessions,
  requestPasswordReset,
  revokeMySession,
} from './account.service.ts';
import { securityKeyRoutes } from './security-keys.routes.ts';
import { currentSession } from './sessions.service.ts';
import { completeSecondFactor, signInWithPassword, signOut, startEnrolment } from './sign-in.service.ts';
import { stepUp } from './step-up.ts';
import { stepUpRequestSchema, stepUpResponseSchema } from '../../../shared/exports.contract.ts';

const receivedSchema = z.object({ status: z.literal('received') });

export const authRoutes: FastifyPluginAsyncZod<IdentityDeps> = async (app, deps) => {
  const limits = routeLimits(deps.settings);
  await app.register(securityKeyRoutes, { ...deps, prefix: '/security-keys' });
  app.post(
    '/sign-in',
    {
      config: { access: 'public', rateLimit: limits.credentials },
      schema: { tags: ['auth'], body: signInRequestSchema, response: { 200: signInStepSchema } },
    },
    async (request, reply) => {
      const result = await signInWithPassword(deps, request.actor, requestContextOf(request), request.body);
      setSessionCookie(reply, deps.settings, result.session.secret);
      return { next: result.next };
    },
  );

  app.get(
    '/second-factor/enrolment',
    { config: { access: 'second_factor' }, schema: { tags: ['auth'], response: { 200: enrolmentSchema } } },
    async (request) =>
      startEnrolment(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
      }),
  );

  app.post(
    '/second-factor/enrol',
    {
      config: { access: 'second_factor', rateLimit: limits.credentials },
      schema: { tags: ['auth'], body: codeRequestSchema, response: { 200: recoveryCodesSchema } },
    },
    async (request, reply) => {
      const result = await completeSecondFactor(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
        code: request.body.code,
        isEnrolment: true,
      });
      setSessionCookie(reply, deps.settings, result.session.secret);
      return { recoveryCodes: result.recoveryCodes ?? [], next: result.next };
    },
  );

  app.post(
    '/second-factor/verify',
    {
      config: { access: 'second_factor', rateLimit: limits.credentials },
      schema: { tags: ['auth'], body: codeRequestSchema, response: { 200: signInStepSchema } },
    },
    async (request, reply) => {
      const result = await completeSecondFactor(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
        code: request.body.code,
        isEnrolment: false,
      });
      setSessionCookie(reply, deps.settings, result.session.secret);
      return { next: result.next };
    },
  );

  // A second factor again, for record-level exports (step-up.ts); the session remembers when.
  app.post(
    '/step-up',
    {
      config: { access: 'data', rateLimit: limits.credentials },
      schema: { tags: ['auth'], body: stepUpRequestSchema, response: { 200: stepUpResponseSchema } },
    },
    async (request) =>
      stepUp(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
        code: request.body.code,
      }),
  );

  app.get(
    '/session',
    { config: { access: 'any_session' }, schema: { tags: ['auth'], response: { 200: sessionSchema } } },
    async (request) =>
      currentSession(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
      }),
  );

  app.post(
    '/sign-out',
    { config: { access: 'any_session' }, schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      await signOut(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
      });
      clearSessionCookie(reply, deps.settings);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/sessions',
    { config: { access: 'signed_in' }, schema: { tags: ['auth'], response: { 200: mySessionListSchema } } },
    async (request) => ({
      items: await listMySessions(deps, request.actor, requestContextOf(request), {
        authentication: request.authentication,
      }),
    }),
  );

  app.delete(
    '/sessions/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['auth'], params: z.object({ id: z.string().uuid() }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeMySession(deps, request.actor, requestContextOf(request), request.params);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/password-reset/request',
    {
      config: { access: 'public', rateLimit: limits.forms },
      schema: { tags: ['auth'], body: passwordResetRequestSchema, response: { 202: receivedSchema } },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.actor, requestContextOf(request), request.body);
      return reply.code(202).send({ status: 'received' as const });
    },
  );

  app.post(
    '/password-reset/complete',
    {
      config: { access: 'public', rateLimit: limits.credentials },
      schema: {
        tags: ['auth'],
        body: passwordResetCompleteSchema,
        response: { 200: z.object({ status: z.literal('changed') }) },
      },
    },
    async (request) => {
      await completePasswordReset(deps, request.actor, requestContextOf(request), request.body);
      return { status: 'changed' as const };
    },
  );

  app.post(
    '/password',
    {
      config: { access: 'signed_in', rateLimit: limits.credentials },
      schema: { tags: ['auth'], body: changePasswordSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const secret = await changeOwnPassword(deps, request.actor, requestContextOf(request), {
        ...request.body,
        authentication: request.authentication,
      });
      if (secret) setSessionCookie(reply, deps.settings, secret);
      return reply.code(204).send(null);
    },
  );
};
