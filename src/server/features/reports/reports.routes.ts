/**
 * /api/v1/reports: the reports a caller may see, one report with its history, its records and their versions, the
 * original file, and the report's lifecycle (edit, sharing, submit, publish, return to draft, corrections). Each
 * handler is one call of a use case, which opens its transaction and writes its audit entry (ADR 0012).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
import { requestContextOf } from '../../http/request-context.ts';
import { publishReport, returnToDraft, submitReport } from './change-report-status.ts';
import { changeSharing } from './change-sharing.ts';
import { correctReportRecord } from './correct-report-record.ts';
import { attachmentHeader, downloadReportFile } from './download-report-file.ts';
import { listReports } from './list-reports.ts';
import { listReportRecords, viewReportRecord } from './read-report-records.ts';
import type { ReportsDeps } from './reports-deps.ts';
import { updateReport } from './update-report.ts';
import { viewReport } from './view-report.ts';

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
  app.get(
    '/',
    {
      config: { access: 'data' },
      schema: { tags, querystring: reportListQuerySchema, response: { 200: reportListSchema } },
    },
    async (request) => listReports(deps, request.actor, requestContextOf(request), request.query),
  );

  app.get(
    '/:id',
    { config: { access: 'data' }, schema: { tags, params: idParams, response: { 200: reportDetailSchema } } },
    async (request) => viewReport(deps, request.actor, requestContextOf(request), request.params),
  );

  app.patch(
    '/:id',
    {
      config: { access: 'data' },
      schema: { tags, params: idParams, body: updateReportSchema, response: { 200: reportDetailSchema } },
    },
    async (request) =>
      updateReport(deps, request.actor, requestContextOf(request), { ...request.params, ...request.body }),
  );

  app.post(
    '/:id/sharing',
    {
      config: { access: 'data' },
      schema: { tags, params: idParams, body: changeSharingSchema, response: { 200: reportDetailSchema } },
    },
    async (request) =>
      changeSharing(deps, request.actor, requestContextOf(request), { ...request.params, ...request.body }),
  );

  app.post(
    '/:id/submit',
    { config: { access: 'data' }, schema: { tags, params: idParams, response: { 200: reportDetailSchema } } },
    async (request) => submitReport(deps, request.actor, requestContextOf(request), request.params),
  );

  app.post(
    '/:id/publish',
    { config: { access: 'data' }, schema: { tags, params: idParams, response: { 200: reportDetailSchema } } },
    async (request) => publishReport(deps, request.actor, requestContextOf(request), request.params),
  );

  app.post(
    '/:id/return-to-draft',
    {
      config: { access: 'data' },
      schema: { tags, params: idParams, body: returnToDraftSchema, response: { 200: reportDetailSchema } },
    },
    async (request) =>
      returnToDraft(deps, request.actor, requestContextOf(request), { ...request.params, ...request.body }),
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
    async (request) =>
      listReportRecords(deps, request.actor, requestContextOf(request), {
        ...request.params,
        ...request.query,
      }),
  );

  app.get(
    '/:id/records/:recordId',
    {
      config: { access: 'data' },
      schema: { tags, params: recordParams, response: { 200: recordDetailSchema } },
    },
    async (request) => viewReportRecord(deps, request.actor, requestContextOf(request), request.params),
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
      correctReportRecord(deps, request.actor, requestContextOf(request), {
        ...request.params,
        ...request.body,
      }),
  );

  app.get(
    '/:id/files/:fileId',
    { config: { access: 'data' }, schema: { tags, params: fileParams } },
    async (request, reply) => {
      const file = await downloadReportFile(deps, request.actor, requestContextOf(request), request.params);
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
