/**
 * /api/v1/downloads: the caller's download register, the attestation of deletion, and the Secretariat's view of
 * everyone's register (src/shared/exports.contract.ts). Listing and attesting one's own downloads needs only a
 * sign-in (the duty to delete outlives ITD access); the register needs `download.register`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attestDeletionSchema,
  downloadIdParamsSchema,
  downloadListSchema,
  downloadSchema,
  registerListSchema,
  registerQuerySchema,
} from '../../../shared/exports.contract.ts';
import { requestContextOf } from '../../http/request-context.ts';
import { attestDeletion, listMyDownloads, readDownloadRegister } from './downloads.ts';
import type { ExportsDeps } from './exports-deps.ts';

export const downloadRoutes: FastifyPluginAsyncZod<ExportsDeps> = async (app, deps) => {
  app.get(
    '/',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['downloads'], response: { 200: downloadListSchema } },
    },
    async (request) => listMyDownloads(deps, request.actor, requestContextOf(request)),
  );

  app.get(
    '/register',
    {
      config: { access: 'data' },
      schema: {
        tags: ['downloads'],
        querystring: registerQuerySchema,
        response: { 200: registerListSchema },
      },
    },
    async (request) => readDownloadRegister(deps, request.actor, requestContextOf(request), request.query),
  );

  app.post(
    '/:id/deleted',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['downloads'],
        params: downloadIdParamsSchema,
        body: attestDeletionSchema,
        response: { 200: downloadSchema },
      },
    },
    async (request) =>
      attestDeletion(deps, request.actor, requestContextOf(request), { ...request.params, ...request.body }),
  );
};
