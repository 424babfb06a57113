/** /api/v1/outbox: the outbox viewer of Secretariat admins (messages, and the body of one not yet sent). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { outboxBodySchema, outboxPageSchema, outboxQuerySchema } from '../../../shared/outbox.contract.ts';
import { requestContextOf } from '../../http/request-context.ts';
import { listOutbox, readOutboxBody, type OutboxViewerDeps } from './outbox-viewer.ts';

export const outboxRoutes: FastifyPluginAsyncZod<OutboxViewerDeps> = async (app, deps) => {
  app.get(
    '/',
    {
      config: { access: 'data' },
      schema: { tags: ['outbox'], querystring: outboxQuerySchema, response: { 200: outboxPageSchema } },
    },
    async (request) => listOutbox(deps, request.actor, requestContextOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      config: { access: 'data' },
      schema: {
        tags: ['outbox'],
        params: z.object({ id: z.coerce.number().int().min(1) }),
        response: { 200: outboxBodySchema },
      },
    },
    async (request) => readOutboxBody(deps, request.actor, requestContextOf(request), request.params.id),
  );
};
