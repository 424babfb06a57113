/** /api/v1/terms: the current terms (public), accepting them, and the Secretariat's versions. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acceptTermsSchema,
  publishTermsSchema,
  signInStepSchema,
  termsListSchema,
  termsSchema,
} from '../../../shared/auth.contract.ts';
import { requestContextOf } from '../../http/request-context.ts';
import type { IdentityDeps } from '../identity/index.ts';
import { acceptTerms, currentTerms, listTerms, publishTerms } from './terms.service.ts';

export const termsRoutes: FastifyPluginAsyncZod<IdentityDeps> = async (app, deps) => {
  app.get(
    '/current',
    { config: { access: 'public' }, schema: { tags: ['terms'], response: { 200: termsSchema } } },
    async (request) => currentTerms(deps, request.actor, requestContextOf(request)),
  );

  app.post(
    '/accept',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['terms'], body: acceptTermsSchema, response: { 200: signInStepSchema } },
    },
    async (request) =>
      acceptTerms(deps, request.actor, requestContextOf(request), {
        ...request.body,
        authentication: request.authentication,
      }),
  );

  app.get(
    '/',
    { config: { access: 'data' }, schema: { tags: ['terms'], response: { 200: termsListSchema } } },
    async (request) => ({ items: await listTerms(deps, request.actor, requestContextOf(request)) }),
  );

  app.post(
    '/',
    {
      config: { access: 'data' },
      schema: { tags: ['terms'], body: publishTermsSchema, response: { 201: termsSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await publishTerms(deps, request.actor, requestContextOf(request), request.body)),
  );
};
