/**
 * /api/v1/auth: sign in (password, second factor), the current session, sign out, my sessions,
 * change password. Every failure of a credential is the same generic 401.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
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
import { abilitiesOf } from '../../../shared/permissions.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/access.ts';
import { NotFoundError, UnauthenticatedError } from '../../errors.ts';
import type { IdentityDeps } from './identity-deps.ts';
import {
  changeOwnPassword,
  completePasswordReset,
  listMySessions,
  requestPasswordReset,
  revokeMySession,
} from './account.service.ts';
import { routeLimits } from '../../http/rate-limit.ts';
import { requestMeta } from './request-meta.ts';
import { completeSecondFactor, signInWithPassword, signOut, startEnrolment } from './sign-in.service.ts';

const receivedSchema = z.object({ status: z.literal('received') });

export const authRoutes: FastifyPluginAsyncZod<IdentityDeps> = async (app, deps) => {
  const limits = routeLimits(deps.settings);
  app.post(
    '/sign-in',
    {
      config: { access: 'public', rateLimit: limits.credentials },
      schema: { tags: ['auth'], body: signInRequestSchema, response: { 200: signInStepSchema } },
    },
    async (request, reply) => {
      const result = await signInWithPassword(
        deps,
        requestMeta(request),
        request.body.email,
        request.body.password,
      );
      if (!result.ok) throw new UnauthenticatedError();
      setSessionCookie(reply, deps.settings, result.session.secret);
      return { next: result.next };
    },
  );

  app.get(
    '/second-factor/enrolment',
    { config: { access: 'second_factor' }, schema: { tags: ['auth'], response: { 200: enrolmentSchema } } },
    async (request) => {
      const auth = request.authentication;
      if (auth.kind !== 'session') throw new UnauthenticatedError();
      const enrolment = await startEnrolment(deps, auth.user.id);
      if (!enrolment) throw new NotFoundError();
      return enrolment;
    },
  );

  async function runSecondFactor(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    isEnrolment: boolean,
  ) {
    const auth = request.authentication;
    if (auth.kind !== 'session') throw new UnauthenticatedError();
    const result = await completeSecondFactor(deps, requestMeta(request), {
      sessionId: auth.sessionId,
      userId: auth.user.id,
      code,
      isEnrolment,
    });
    if (!result.ok) throw new UnauthenticatedError();
    setSessionCookie(reply, deps.settings, result.session.secret);
    return result;
  }

  app.post(
    '/second-factor/enrol',
    {
      config: { access: 'second_factor', rateLimit: limits.credentials },
      schema: { tags: ['auth'], body: codeRequestSchema, response: { 200: recoveryCodesSchema } },
    },
    async (request, reply) => {
      const result = await runSecondFactor(request, reply, request.body.code, true);
      return { recoveryCodes: result.recoveryCodes ?? [], next: result.next };
    },
  );

  app.post(
    '/second-factor/verify',
    {
      config: { access: 'second_factor', rateLimit: limits.credentials },
      schema: { tags: ['auth'], body: codeRequestSchema, response: { 200: signInStepSchema } },
    },
    async (request, reply) => ({
      next: (await runSecondFactor(request, reply, request.body.code, false)).next,
    }),
  );

  app.get(
    '/session',
    { config: { access: 'any_session' }, schema: { tags: ['auth'], response: { 200: sessionSchema } } },
    async (request) => {
      const auth = request.authentication;
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
    },
  );

  app.post(
    '/sign-out',
    { config: { access: 'any_session' }, schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      const auth = request.authentication;
      if (auth.kind === 'session') await signOut(deps, requestMeta(request), auth.sessionId, auth.user.id);
      clearSessionCookie(reply, deps.settings);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/sessions',
    { config: { access: 'signed_in' }, schema: { tags: ['auth'], response: { 200: mySessionListSchema } } },
    async (request) => ({ items: await listMySessions(deps, request.actor, request.authentication) }),
  );

  app.delete(
    '/sessions/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['auth'], params: z.object({ id: z.string().uuid() }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeMySession(deps, request.actor, requestMeta(request), request.params.id);
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
      await requestPasswordReset(deps, requestMeta(request), request.body.email);
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
      await completePasswordReset(deps, requestMeta(request), request.body.token, request.body.newPassword);
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
      const secret = await changeOwnPassword(
        deps,
        request.actor,
        request.authentication,
        requestMeta(request),
        request.body,
      );
      if (secret) setSessionCookie(reply, deps.settings, secret);
      return reply.code(204).send(null);
    },
  );
};
