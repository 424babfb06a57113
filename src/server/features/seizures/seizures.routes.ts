/**
 * /api/v1/seizures: search, figures, facets and one record (src/shared/seizures.contract.ts). Every route needs a
 * signed-in user with the current terms accepted (`data`); the sharing rule then decides what each one sees.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  seizureDetailSchema,
  seizureFacetsSchema,
  seizureFilterSchema,
  seizureIdParamsSchema,
  seizurePageSchema,
  seizureSearchQuerySchema,
  seizureStatsQuerySchema,
  seizureStatsSchema,
} from '../../../shared/seizures.contract.ts';
import {
  readSeizure,
  searchSeizures,
  seizureFacets,
  seizureStats,
  type RequestContext,
  type SeizureDeps,
} from './seizures.service.ts';

const contextOf = (request: FastifyRequest): RequestContext => ({
  ipAddress: request.ip ?? null,
  requestId: String(request.id),
});

export const seizureRoutes: FastifyPluginAsyncZod<SeizureDeps> = async (app, deps) => {
  app.get(
    '/',
    {
      config: { access: 'data' },
      schema: {
        tags: ['seizures'],
        querystring: seizureSearchQuerySchema,
        response: { 200: seizurePageSchema },
      },
    },
    async (request) => searchSeizures(deps, request.actor, contextOf(request), request.query),
  );

  app.get(
    '/stats',
    {
      config: { access: 'data' },
      schema: {
        tags: ['seizures'],
        querystring: seizureStatsQuerySchema,
        response: { 200: seizureStatsSchema },
      },
    },
    async (request) => seizureStats(deps, request.actor, contextOf(request), request.query),
  );

  app.get(
    '/facets',
    {
      config: { access: 'data' },
      schema: {
        tags: ['seizures'],
        querystring: seizureFilterSchema,
        response: { 200: seizureFacetsSchema },
      },
    },
    async (request) => seizureFacets(deps, request.actor, contextOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      config: { access: 'data' },
      schema: { tags: ['seizures'], params: seizureIdParamsSchema, response: { 200: seizureDetailSchema } },
    },
    async (request) => readSeizure(deps, request.actor, contextOf(request), request.params.id),
  );
};
