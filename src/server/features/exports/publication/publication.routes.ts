/**
 * /api/v1/publication-requests: consent to publish (src/shared/publication.contract.ts). Every route needs the
 * `data` level (signed in, current terms accepted); the use cases check who may do what with which request.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  certificateQuerySchema,
  consentDecisionSchema,
  createPublicationRequestSchema,
  publicationIdParamsSchema,
  publicationListQuerySchema,
  publicationListSchema,
  publicationRequestSchema,
} from '../../../../shared/publication.contract.ts';
import { languageOf } from '../../../http/errors.ts';
import { requestContextOf } from '../../../http/request-context.ts';
import type { ExportsDeps } from '../exports-deps.ts';
import { createPublicationRequest } from './create-publication-request.ts';
import { decidePublicationConsent } from './decide-publication-consent.ts';
import { downloadConsentCertificate } from './publication-certificate.ts';
import { listPublicationRequests, readPublicationRequest } from './read-publication-requests.ts';
import { withdrawPublicationRequest } from './withdraw-publication-request.ts';

export const publicationRoutes: FastifyPluginAsyncZod<ExportsDeps> = async (app, deps) => {
  const tags = ['publication-requests'];
  app.post(
    '/',
    {
      config: { access: 'data' },
      schema: { tags, body: createPublicationRequestSchema, response: { 201: publicationRequestSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(
        await createPublicationRequest(deps, request.actor, requestContextOf(request), {
          ...request.body,
          language: languageOf(request),
        }),
      ),
  );

  app.get(
    '/',
    {
      config: { access: 'data' },
      schema: { tags, querystring: publicationListQuerySchema, response: { 200: publicationListSchema } },
    },
    async (request) => listPublicationRequests(deps, request.actor, request.query.view),
  );

  app.get(
    '/:id',
    {
      config: { access: 'data' },
      schema: { tags, params: publicationIdParamsSchema, response: { 200: publicationRequestSchema } },
    },
    async (request) =>
      readPublicationRequest(deps, request.actor, requestContextOf(request), request.params.id),
  );

  app.post(
    '/:id/decision',
    {
      config: { access: 'data' },
      schema: {
        tags,
        params: publicationIdParamsSchema,
        body: consentDecisionSchema,
        response: { 200: publicationRequestSchema },
      },
    },
    async (request) =>
      decidePublicationConsent(deps, request.actor, requestContextOf(request), {
        ...request.body,
        id: request.params.id,
        defaultLanguage: languageOf(request),
      }),
  );

  app.post(
    '/:id/withdraw',
    {
      config: { access: 'data' },
      schema: { tags, params: publicationIdParamsSchema, response: { 200: publicationRequestSchema } },
    },
    async (request) =>
      withdrawPublicationRequest(deps, request.actor, requestContextOf(request), request.params.id),
  );

  app.get(
    '/:id/certificate.pdf',
    {
      config: { access: 'data' },
      schema: { tags, params: publicationIdParamsSchema, querystring: certificateQuerySchema },
    },
    async (request, reply) => {
      const file = await downloadConsentCertificate(deps, request.actor, requestContextOf(request), {
        id: request.params.id,
        language: request.query.lang ?? languageOf(request),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
};
