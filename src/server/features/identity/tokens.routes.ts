/** /api/v1/tokens: my personal API tokens. Creating one needs the terms accepted in this session. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createdTokenSchema, createTokenSchema, tokenListSchema } from '../../../shared/auth.contract.ts';
import { requestContextOf } from '../../http/request-context.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { createToken, listMyTokens, revokeToken } from './tokens.service.ts';

export const tokenRoutes: FastifyPluginAsyncZod<IdentityDeps> = async (app, deps) => {
  app.get(
    '/',
    { config: { access: 'signed_in' }, schema: { tags: ['tokens'], response: { 200: tokenListSchema } } },
    async (request) => ({ items: await listMyTokens(deps, request.actor, requestContextOf(request)) }),
  );

  app.post(
    '/',
    {
      config: { access: 'data' },
      schema: { tags: ['tokens'], body: createTokenSchema, response: { 201: createdTokenSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(
        await createToken(deps, request.actor, requestContextOf(request), {
          ...request.body,
          authentication: request.authentication,
        }),
      ),
  );

  app.delete(
    '/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['tokens'], params: z.object({ id: z.string().uuid() }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeToken(deps, request.actor, requestContextOf(request), request.params);
      return reply.code(204).send(null);
    },
  );
};
