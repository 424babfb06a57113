/**
 * GET /api/v1/reference/{countries,codes,taxa}: the reference data the web app and scripts use.
 * Public: this is published CITES reference material, not ITD data; it still runs inside withActor.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  codeListQuerySchema,
  codeListSchema,
  countryListSchema,
  taxonDetailSchema,
  taxonSearchQuerySchema,
  taxonSearchResponseSchema,
} from '../../../shared/reference.contract.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import { getTaxon, listCodes, listCountries, searchTaxa } from './reference.service.ts';

export const referenceRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/countries',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'Countries and territories',
        response: { 200: countryListSchema },
      },
    },
    async (request) => ({ items: await withActor(db, request.actor, (tx) => listCountries(tx)) }),
  );

  app.get(
    '/codes',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'CITES term, unit, purpose and source codes',
        querystring: codeListQuerySchema,
        response: { 200: codeListSchema },
      },
    },
    async (request) => ({
      items: await withActor(db, request.actor, (tx) => listCodes(tx, request.query.kind)),
    }),
  );

  app.get(
    '/taxa',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'Search the species checklist; q is resolved to a taxon with suggestions for near misses',
        querystring: taxonSearchQuerySchema,
        response: { 200: taxonSearchResponseSchema },
      },
    },
    async (request) => withActor(db, request.actor, (tx) => searchTaxa(tx, request.query)),
  );

  app.get(
    '/taxa/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'One taxon with its lineage, synonyms and common names',
        params: z.object({
          id: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 53),
        }),
        response: { 200: taxonDetailSchema },
      },
    },
    async (request) => {
      const taxon = await withActor(db, request.actor, (tx) => getTaxon(tx, request.params.id));
      if (!taxon) throw new NotFoundError();
      return taxon;
    },
  );
};
