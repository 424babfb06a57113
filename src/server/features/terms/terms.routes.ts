/** /api/v1/terms: the current terms (public), accepting them, and the Secretariat's versions. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acceptTermsSchema,
  publishTermsSchema,
  signInStepSchema,
  termsListSchema,
  termsSchema,
} from '../../../shared/auth.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import type { IdentityDeps } from '../identity/identity-deps.ts';
import { requestMeta } from '../identity/request-meta.ts';
import { acceptTerms, currentTerms, listTerms, publishTerms } from './terms.service.ts';

export const termsRoutes: FastifyPluginAsyncZod<IdentityDeps> = async (app, deps) => {
  app.get(
    '/current',
    { config: { access: 'public' }, schema: { tags: ['terms'], response: { 200: termsSchema } } },
    async (request) => withActor(deps.db, request.actor, (tx) => currentTerms(tx)),
  );

  app.post(
    '/accept',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['terms'], body: acceptTermsSchema, response: { 200: signInStepSchema } },
    },
    async (request) => {
      await withActor(deps.db, request.actor, (tx) =>
        acceptTerms(
          tx,
          {
            actor: request.actor,
            clock: deps.clock,
            meta: requestMeta(request),
            authentication: request.authentication,
          },
          request.body.version,
        ),
      );
      const auth = request.authentication;
      const mustChange = auth.kind === 'session' && auth.user.must_change_password;
      return { next: mustChange ? ('change_password' as const) : ('done' as const) };
    },
  );

  app.get(
    '/',
    { config: { access: 'data' }, schema: { tags: ['terms'], response: { 200: termsListSchema } } },
    async (request) => ({
      items: await withActor(deps.db, request.actor, (tx) => listTerms(tx, request.actor)),
    }),
  );

  app.post(
    '/',
    {
      config: { access: 'data' },
      schema: { tags: ['terms'], body: publishTermsSchema, response: { 201: termsSchema } },
    },
    async (request, reply) => {
      const terms = await withActor(deps.db, request.actor, (tx) =>
        publishTerms(
          tx,
          { actor: request.actor, clock: deps.clock, meta: requestMeta(request) },
          request.body,
        ),
      );
      return reply.code(201).send(terms);
    },
  );
};
