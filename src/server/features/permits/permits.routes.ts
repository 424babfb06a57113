/**
 * /api/v1/permits: the border lookup, endorsements, imports, marking, receipts (endpoint list in
 * src/shared/permits.contract.ts). Each handler is one call of a use case, which opens its transaction and writes
 * its audit entry (ADR 0012); the upload's multipart body is read here, at the edge.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  endorsementSchema,
  importQuerySchema,
  importSummarySchema,
  lookupQuerySchema,
  lookupResultSchema,
  markPermitSchema,
  markStampsSchema,
  stampMarkSchema,
  permitViewSchema,
  receiptListSchema,
  receiptQuerySchema,
  seizurePermitLinkSchema,
} from '../../../shared/permits.contract.ts';
import { can } from '../../../shared/permissions.ts';
import { AppError, ForbiddenError, ValidationError } from '../../errors.ts';
import { requestContextOf } from '../../http/request-context.ts';
import { csvText } from '../../lib/spreadsheets/write-csv.ts';
import { endorsePermit } from './endorse-permit.ts';
import { importPermits } from './import/import-permits.ts';
import { permitTemplateRows } from './import/read-permit-sheet.ts';
import { XML_MAX_BYTES } from './import/read-xml-tree.ts';
import { listReceipts } from './list-receipts.ts';
import { lookupPermit } from './lookup-permit.ts';
import { markPermit } from './mark-permit.ts';
import { markStamps } from './mark-stamps.ts';
import { readSeizurePermits } from './read-seizure-permits.ts';
import type { PermitsDeps } from './permits-deps.ts';

export interface PermitRouteDeps extends PermitsDeps {
  /** Largest upload accepted (IMPORT_MAX_BYTES), never more than the XML reader's own limit. */
  maxUploadBytes: number;
}

const tags = ['permits'];

export const permitRoutes: FastifyPluginAsyncZod<PermitRouteDeps> = async (app, deps) => {
  const maxBytes = Math.min(deps.maxUploadBytes, XML_MAX_BYTES);
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1000 } });

  app.get(
    '/lookup',
    {
      config: { access: 'data', tokenScope: 'permits.lookup' },
      schema: { tags, querystring: lookupQuerySchema, response: { 200: lookupResultSchema } },
    },
    async (request) => lookupPermit(deps, request.actor, requestContextOf(request), request.query),
  );

  app.post(
    '/:id/endorsements',
    {
      config: { access: 'data', tokenScope: 'permits.lookup' },
      schema: {
        tags,
        params: z.object({ id: z.string().uuid() }),
        body: endorsementSchema,
        response: { 200: lookupResultSchema },
      },
    },
    async (request) =>
      endorsePermit(deps, request.actor, requestContextOf(request), {
        ...request.body,
        id: request.params.id,
      }),
  );

  app.get('/template.csv', { config: { access: 'data' }, schema: { tags } }, async (_request, reply) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="itd-permits-template.csv"')
      .send(csvText(permitTemplateRows(), { bom: true })),
  );

  app.post(
    '/import',
    {
      config: { access: 'data' },
      bodyLimit: maxBytes + 1_048_576,
      schema: {
        tags,
        querystring: importQuerySchema,
        response: { 200: importSummarySchema, 422: importSummarySchema },
      },
    },
    async (request, reply) => {
      // Security: a user who may not import is refused before the body is read.
      if (!can(request.actor, 'permit.import') && request.actor.kind !== 'system') throw new ForbiddenError();
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415);
      let file: { name: string; bytes: Buffer } | null = null;
      try {
        for await (const part of request.parts())
          if (part.type === 'file')
            file = { name: part.filename.slice(0, 255), bytes: await part.toBuffer() };
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('payload_too_large', 413, { limit: maxBytes });
        throw error;
      }
      if (!file || file.bytes.length === 0)
        throw new ValidationError([{ field: 'file', reason: 'required' }]);
      const summary = await importPermits(deps, request.actor, requestContextOf(request), {
        bytes: file.bytes,
        fileName: file.name,
        ...(request.query.party ? { party: request.query.party } : {}),
      });
      // A refused file changed nothing: 422 with every problem.
      return reply.code(summary.problems.length > 0 ? 422 : 200).send(summary);
    },
  );

  app.post(
    '/mark',
    {
      config: { access: 'data' },
      schema: { tags, body: markPermitSchema, response: { 200: permitViewSchema } },
    },
    async (request) => markPermit(deps, request.actor, requestContextOf(request), request.body),
  );

  app.post(
    '/stamps/mark',
    {
      config: { access: 'data' },
      schema: { tags, body: markStampsSchema, response: { 200: stampMarkSchema } },
    },
    async (request) => markStamps(deps, request.actor, requestContextOf(request), request.body),
  );

  app.get(
    '/receipts',
    {
      config: { access: 'data' },
      schema: { tags, querystring: receiptQuerySchema, response: { 200: receiptListSchema } },
    },
    async (request) => listReceipts(deps, request.actor, requestContextOf(request), request.query),
  );

  app.get(
    '/seizures/:recordId',
    {
      config: { access: 'data' },
      schema: {
        tags,
        params: z.object({ recordId: z.coerce.number().int().positive() }),
        response: { 200: z.object({ items: z.array(seizurePermitLinkSchema) }) },
      },
    },
    async (request) =>
      readSeizurePermits(deps, request.actor, requestContextOf(request), request.params.recordId),
  );
};
