/**
 * /api/v1/registrations: the public form and e-mail verification, the vetting queue, endorsements
 * and decisions. The public routes answer the same whatever the address; they are tightly rate limited.
 * Each handler calls one use case (ADR 0012).
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
import { routeLimits } from '../../http/rate-limit.ts';
import { requestContextOf } from '../../http/request-context.ts';
import type { IdentityDeps } from '../identity/index.ts';
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
      await submitRegistration(deps, request.actor, requestContextOf(request), request.body);
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
        response: { 200: z.object({ status: z.enum(['verified', 'already_verified']) }) },
      },
    },
    async (request) => ({
      status: await verifyRegistrationEmail(deps, request.actor, requestContextOf(request), request.body),
    }),
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
    async (request) => listRegistrations(deps, request.actor, requestContextOf(request), request.query),
  );

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
      endorseRegistration(deps, request.actor, requestContextOf(request), {
        ...request.body,
        ...request.params,
      }),
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
    async (request) =>
      approveRegistration(deps, request.actor, requestContextOf(request), {
        ...request.body,
        ...request.params,
      }),
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
    async (request) =>
      closeRegistration(deps, request.actor, requestContextOf(request), {
        id: request.params.id,
        decision: { kind: 'reject', reason: request.body.reason },
      }),
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
    async (request) =>
      closeRegistration(deps, request.actor, requestContextOf(request), {
        id: request.params.id,
        decision: { kind: 'request_info', message: request.body.message },
      }),
  );
};
