/**
 * /api/v1/registrations: the public form and e-mail verification, the vetting queue, endorsements
 * and decisions. The public routes answer the same whatever the address; they are tightly rate limited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approveSchema,
  endorseSchema,
  registrationListSchema,
  registrationQuerySchema,
  registrationReceivedSchema,
  registrationRequestSchema,
  registrationSchema,
  rejectSchema,
  requestInfoSchema,
  verifyEmailSchema,
} from '../../../shared/registration.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import type { IdentityDeps } from '../identity/identity-deps.ts';
import { routeLimits } from '../../http/rate-limit.ts';
import { requestMeta } from '../identity/request-meta.ts';
import { listRegistrations } from './registration-queue.ts';
import { approveRegistration } from './approve-registration.ts';
import {
  closeRegistration,
  endorseRegistration,
  submitRegistration,
  verifyRegistrationEmail,
} from './registration.service.ts';

const idParams = z.object({ id: z.string().uuid() });

export const registrationRoutes: FastifyPluginAsyncZod<IdentityDeps> = async (app, deps) => {
  const limits = routeLimits(deps.settings);
  app.post(
    '/',
    {
      config: { access: 'public', rateLimit: limits.forms },
      schema: {
        tags: ['registration'],
        body: registrationRequestSchema,
        response: { 202: registrationReceivedSchema },
      },
    },
    async (request, reply) => {
      await submitRegistration(deps, requestMeta(request), request.body);
      return reply.code(202).send({ status: 'received' as const });
    },
  );

  app.post(
    '/verify',
    {
      config: { access: 'public', rateLimit: limits.credentials },
      schema: {
        tags: ['registration'],
        body: verifyEmailSchema,
        response: { 200: z.object({ status: z.literal('verified') }) },
      },
    },
    async (request) => {
      await verifyRegistrationEmail(deps, requestMeta(request), request.body.token);
      return { status: 'verified' as const };
    },
  );

  app.get(
    '/',
    {
      config: { access: 'data' },
      schema: {
        tags: ['registration'],
        querystring: registrationQuerySchema,
        response: { 200: registrationListSchema },
      },
    },
    async (request) =>
      withActor(deps.db, request.actor, (tx) => listRegistrations(tx, request.actor, request.query)),
  );

  const ctx = (request: Parameters<typeof requestMeta>[0]) => ({
    actor: request.actor,
    clock: deps.clock,
    meta: requestMeta(request),
  });

  app.post(
    '/:id/endorse',
    {
      config: { access: 'data' },
      schema: {
        tags: ['registration'],
        params: idParams,
        body: endorseSchema,
        response: { 200: registrationSchema },
      },
    },
    async (request) =>
      withActor(deps.db, request.actor, (tx) =>
        endorseRegistration(tx, ctx(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/:id/approve',
    {
      config: { access: 'data' },
      schema: {
        tags: ['registration'],
        params: idParams,
        body: approveSchema,
        response: { 200: registrationSchema },
      },
    },
    async (request) => {
      const result = await withActor(deps.db, request.actor, (tx) =>
        approveRegistration(deps, tx, ctx(request), request.params.id, request.body),
      );
      deps.mail.kick();
      return result;
    },
  );

  app.post(
    '/:id/reject',
    {
      config: { access: 'data' },
      schema: {
        tags: ['registration'],
        params: idParams,
        body: rejectSchema,
        response: { 200: registrationSchema },
      },
    },
    async (request) => {
      const result = await withActor(deps.db, request.actor, (tx) =>
        closeRegistration(tx, ctx(request), request.params.id, {
          kind: 'reject',
          reason: request.body.reason,
        }),
      );
      deps.mail.kick();
      return result;
    },
  );

  app.post(
    '/:id/request-info',
    {
      config: { access: 'data' },
      schema: {
        tags: ['registration'],
        params: idParams,
        body: requestInfoSchema,
        response: { 200: registrationSchema },
      },
    },
    async (request) => {
      const result = await withActor(deps.db, request.actor, (tx) =>
        closeRegistration(tx, ctx(request), request.params.id, {
          kind: 'request_info',
          message: request.body.message,
        }),
      );
      deps.mail.kick();
      return result;
    },
  );
};
