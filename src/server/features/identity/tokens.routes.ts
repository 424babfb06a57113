/** /api/v1/tokens: my personal API tokens. Creating one needs the terms accepted in this session. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createdTokenSchema, createTokenSchema, tokenListSchema } from '../../../shared/auth.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { currentTermsVersion } from './identity.repo.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { requestMeta } from './request-meta.ts';
import { createToken, listMyTokens, revokeToken, termsVersionOf } from './tokens.service.ts';

export const tokenRoutes: FastifyPluginAsyncZod<IdentityDeps> = async (app, deps) => {
  app.get(
    '/',
    { config: { access: 'signed_in' }, schema: { tags: ['tokens'], response: { 200: tokenListSchema } } },
    async (request) => ({
      items: await withActor(deps.db, request.actor, (tx) => listMyTokens(tx, request.actor)),
    }),
  );

  app.post(
    '/',
    {
      config: { access: 'data' },
      schema: { tags: ['tokens'], body: createTokenSchema, response: { 201: createdTokenSchema } },
    },
    async (request, reply) => {
      const created = await withActor(deps.db, request.actor, async (tx) =>
        createToken(
          tx,
          {
            actor: request.actor,
            clock: deps.clock,
            meta: requestMeta(request),
            termsVersion: termsVersionOf(request.authentication, await currentTermsVersion(tx)),
          },
          request.body,
        ),
      );
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['tokens'], params: z.object({ id: z.string().uuid() }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await withActor(deps.db, request.actor, (tx) =>
        revokeToken(
          tx,
          { actor: request.actor, clock: deps.clock, meta: requestMeta(request) },
          request.params.id,
        ),
      );
      return reply.code(204).send(null);
    },
  );
};
