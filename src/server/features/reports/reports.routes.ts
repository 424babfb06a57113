/**
 * /api/v1/reports: the reports a caller may see, one report with its history, its records and their versions, the
 * original file, and the report's lifecycle (edit, sharing, submit, publish, return to draft, corrections).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  changeSharingSchema,
  correctRecordSchema,
  recordDetailSchema,
  recordListQuerySchema,
  recordListSchema,
  reportDetailSchema,
  reportListQuerySchema,
  reportListSchema,
  returnToDraftSchema,
  updateReportSchema,
} from '../../../shared/reports.contract.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { requestMeta } from '../identity/request-meta.ts';
import type { ReportContext } from './report-context.ts';
import { attachmentHeader, downloadReportFile } from './report-file.ts';
import {
  changeSharing,
  publishReport,
  returnToDraft,
  submitReport,
  updateReport,
} from './report-lifecycle.ts';
import { listReports, viewReport } from './report-queries.ts';
import { correctRecord, getRecord, listRecords } from './report-records.ts';

export interface ReportsDeps {
  db: Kysely<DB>;
  clock: () => Date;
}

const idParams = z.object({ id: z.string().uuid() });
const recordParams = z.object({
  id: z.string().uuid(),
  recordId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 52),
});
const fileParams = z.object({ id: z.string().uuid(), fileId: z.string().uuid() });
const tags = ['reports'];

export const reportRoutes: FastifyPluginAsyncZod<ReportsDeps> = async (app, deps) => {
  const ctx = (request: FastifyRequest): ReportContext => ({
    actor: request.actor,
    clock: deps.clock,
    meta: requestMeta(request),
  });
  const run = <T>(
    request: FastifyRequest,
    fn: (tx: Parameters<Parameters<typeof withActor>[2]>[0]) => Promise<T>,
  ) => withActor(deps.db, request.actor, fn);

  app.get(
    '/',
    {
      config: { access: 'data' },
      schema: { tags, querystring: reportListQuerySchema, response: { 200: reportListSchema } },
    },
    async (request) => run(request, (tx) => listReports(tx, ctx(request), request.query)),
  );

  app.get(
    '/:id',
    { config: { access: 'data' }, schema: { tags, params: idParams, response: { 200: reportDetailSchema } } },
    async (request) => run(request, (tx) => viewReport(tx, ctx(request), request.params.id)),
  );

  app.patch(
    '/:id',
    {
      config: { access: 'data' },
      schema: { tags, params: idParams, body: updateReportSchema, response: { 200: reportDetailSchema } },
    },
    async (request) => run(request, (tx) => updateReport(tx, ctx(request), request.params.id, request.body)),
  );

  app.post(
    '/:id/sharing',
    {
      config: { access: 'data' },
      schema: { tags, params: idParams, body: changeSharingSchema, response: { 200: reportDetailSchema } },
    },
    async (request) => run(request, (tx) => changeSharing(tx, ctx(request), request.params.id, request.body)),
  );

  app.post(
    '/:id/submit',
    { config: { access: 'data' }, schema: { tags, params: idParams, response: { 200: reportDetailSchema } } },
    async (request) => run(request, (tx) => submitReport(tx, ctx(request), request.params.id)),
  );

  app.post(
    '/:id/publish',
    { config: { access: 'data' }, schema: { tags, params: idParams, response: { 200: reportDetailSchema } } },
    async (request) => run(request, (tx) => publishReport(tx, ctx(request), request.params.id)),
  );

  app.post(
    '/:id/return-to-draft',
    {
      config: { access: 'data' },
      schema: { tags, params: idParams, body: returnToDraftSchema, response: { 200: reportDetailSchema } },
    },
    async (request) =>
      run(request, (tx) => returnToDraft(tx, ctx(request), request.params.id, request.body.reason)),
  );

  app.get(
    '/:id/records',
    {
      config: { access: 'data' },
      schema: {
        tags,
        params: idParams,
        querystring: recordListQuerySchema,
        response: { 200: recordListSchema },
      },
    },
    async (request) => run(request, (tx) => listRecords(tx, ctx(request), request.params.id, request.query)),
  );

  app.get(
    '/:id/records/:recordId',
    {
      config: { access: 'data' },
      schema: { tags, params: recordParams, response: { 200: recordDetailSchema } },
    },
    async (request) =>
      run(request, (tx) => getRecord(tx, ctx(request), request.params.id, request.params.recordId)),
  );

  app.patch(
    '/:id/records/:recordId',
    {
      config: { access: 'data' },
      schema: {
        tags,
        params: recordParams,
        body: correctRecordSchema,
        response: { 200: recordDetailSchema },
      },
    },
    async (request) =>
      run(request, (tx) =>
        correctRecord(tx, ctx(request), request.params.id, request.params.recordId, request.body),
      ),
  );

  app.get(
    '/:id/files/:fileId',
    { config: { access: 'data' }, schema: { tags, params: fileParams } },
    async (request, reply) => {
      const file = await run(request, (tx) =>
        downloadReportFile(tx, ctx(request), request.params.id, request.params.fileId),
      );
      // Security: the Party's file is never rendered by the browser: always an attachment, of a type that no
      // browser runs, and not sniffed (nosniff is sent on every response).
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', attachmentHeader(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
};
