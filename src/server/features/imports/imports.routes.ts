/**
 * /api/v1/imports: the report template, uploads into the staging area, review (rows, problems, cell edits,
 * accepted warnings, re-validation) and submit. Endpoint list: src/shared/imports.contract.ts.
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  acceptWarningsSchema,
  batchIdParams,
  batchRowParams,
  editCellSchema,
  importBatchListSchema,
  importBatchSchema,
  stagingRowPageSchema,
  stagingRowQuerySchema,
  stagingRowSchema,
  submitResultSchema,
  templateQuerySchema,
  uploadFieldsSchema,
} from '../../../shared/imports.contract.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { AppError, ValidationError } from '../../errors.ts';
import { languageOf } from '../../http/errors.ts';
import { requestMeta } from '../identity/request-meta.ts';
import type { ReportContext } from '../reports/index.ts';
import { batchView, rowView } from './batch-view.ts';
import { batchProblemsCsv } from './error-report.ts';
import { templateCsv, templateXlsx } from './import-template.ts';
import { assertMayImport } from './imports.policy.ts';
import {
  acceptWarnings,
  discardBatch,
  editCell,
  loadBatch,
  loadStagedBatch,
  revalidateBatch,
} from './review-batch.ts';
import { stageUpload } from './stage-upload.ts';
import { listBatches, readRows } from './staging.repo.ts';
import { submitBatch } from './submit-batch.ts';

export interface ImportRouteDeps {
  db: Kysely<DB>;
  clock: () => Date;
  /** Largest upload accepted (IMPORT_MAX_BYTES). */
  maxUploadBytes: number;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importRoutes: FastifyPluginAsyncZod<ImportRouteDeps> = async (app, deps) => {
  await app.register(multipart, {
    limits: { fileSize: deps.maxUploadBytes, files: 1, fields: 20, fieldSize: 10_000 },
  });
  const ctx = (request: FastifyRequest): ReportContext => ({
    actor: request.actor,
    clock: deps.clock,
    meta: requestMeta(request),
  });

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/template.${format}`,
      { config: { access: 'data' }, schema: { tags: ['imports'], querystring: templateQuerySchema } },
      async (request, reply) => {
        assertMayImport(request.actor);
        const { language } = request.query;
        const body =
          format === 'csv'
            ? `\uFEFF${templateCsv(language)}`
            : await withActor(deps.db, request.actor, (tx) => templateXlsx(tx, language));
        return reply
          .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
          .header('content-disposition', `attachment; filename="itd-report-template-${language}.${format}"`)
          .send(body);
      },
    );
  }

  app.post(
    '/',
    {
      config: { access: 'data' },
      bodyLimit: deps.maxUploadBytes + 1_048_576,
      schema: { tags: ['imports'], response: { 201: importBatchSchema } },
    },
    async (request, reply) => {
      assertMayImport(request.actor);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415);
      const fields: Record<string, string> = {};
      let file: { name: string; bytes: Buffer } | null = null;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file')
            file = { name: part.filename.slice(0, 255), bytes: await part.toBuffer() };
          else fields[part.fieldname] = String(part.value);
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('payload_too_large', 413, { limit: deps.maxUploadBytes });
        throw error;
      }
      if (!file || file.bytes.length === 0)
        throw new ValidationError([{ field: 'file', reason: 'required' }]);
      const parsed = uploadFieldsSchema.safeParse(fields);
      if (!parsed.success)
        throw new ValidationError(
          parsed.error.issues.map((issue) => ({
            field: String(issue.path[0] ?? 'body'),
            reason: issue.code === 'invalid_type' ? 'required' : 'invalid',
          })),
        );
      const upload = { fields: parsed.data, fileName: file.name, bytes: file.bytes };
      const view = await withActor(deps.db, request.actor, async (tx) => {
        const id = await stageUpload(tx, ctx(request), upload);
        return batchView(tx, request.actor, await loadBatch(tx, ctx(request), id));
      });
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/',
    {
      config: { access: 'data' },
      schema: {
        tags: ['imports'],
        querystring: z.object({ cursor: z.string().datetime().optional() }),
        response: { 200: importBatchListSchema },
      },
    },
    async (request) => {
      assertMayImport(request.actor);
      return withActor(deps.db, request.actor, async (tx) => {
        const rows = await listBatches(tx, request.query.cursor ?? null, 50);
        const items = await Promise.all(rows.map((row) => batchView(tx, request.actor, row)));
        return { items, nextCursor: rows.length === 50 ? items.at(-1)!.createdAt : null };
      });
    },
  );

  app.get(
    '/:id',
    {
      config: { access: 'data' },
      schema: { tags: ['imports'], params: batchIdParams, response: { 200: importBatchSchema } },
    },
    async (request) =>
      withActor(deps.db, request.actor, async (tx) =>
        batchView(tx, request.actor, await loadBatch(tx, ctx(request), request.params.id)),
      ),
  );

  app.get(
    '/:id/rows',
    {
      config: { access: 'data' },
      schema: {
        tags: ['imports'],
        params: batchIdParams,
        querystring: stagingRowQuerySchema,
        response: { 200: stagingRowPageSchema },
      },
    },
    async (request) => {
      const language = languageOf(request);
      return withActor(deps.db, request.actor, async (tx) => {
        const batch = await loadBatch(tx, ctx(request), request.params.id);
        const { cursor, limit, show } = request.query;
        const rows = await readRows(tx, batch.id, cursor ?? 0, limit, show);
        return {
          items: rows.map((row) => rowView(row, language)),
          nextCursor: rows.length === limit ? String(rows.at(-1)!.rowNumber) : null,
        };
      });
    },
  );

  app.get(
    '/:id/problems.csv',
    { config: { access: 'data' }, schema: { tags: ['imports'], params: batchIdParams } },
    async (request, reply) => {
      const language = languageOf(request);
      const csv = await withActor(deps.db, request.actor, async (tx) => {
        const batch = await loadBatch(tx, ctx(request), request.params.id);
        return batchProblemsCsv(tx, batch.id, language);
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="import-problems.csv"')
        .send(`\uFEFF${csv}`);
    },
  );

  app.patch(
    '/:id/rows/:row',
    {
      config: { access: 'data' },
      schema: {
        tags: ['imports'],
        params: batchRowParams,
        body: editCellSchema,
        response: { 200: stagingRowSchema },
      },
    },
    async (request) => {
      const language = languageOf(request);
      const row = await withActor(deps.db, request.actor, (tx) =>
        editCell(tx, ctx(request), request.params.id, request.params.row, request.body),
      );
      return rowView(row, language);
    },
  );

  app.post(
    '/:id/accept-warnings',
    {
      config: { access: 'data' },
      schema: {
        tags: ['imports'],
        params: batchIdParams,
        body: acceptWarningsSchema,
        response: { 200: importBatchSchema },
      },
    },
    async (request) =>
      withActor(deps.db, request.actor, async (tx) =>
        batchView(tx, request.actor, await acceptWarnings(tx, ctx(request), request.params.id, request.body)),
      ),
  );

  app.post(
    '/:id/validate',
    {
      config: { access: 'data' },
      schema: { tags: ['imports'], params: batchIdParams, response: { 200: importBatchSchema } },
    },
    async (request) =>
      withActor(deps.db, request.actor, async (tx) => {
        const batch = await loadStagedBatch(tx, ctx(request), request.params.id);
        await revalidateBatch(tx, ctx(request), batch);
        return batchView(tx, request.actor, batch);
      }),
  );

  app.post(
    '/:id/submit',
    {
      config: { access: 'data' },
      schema: { tags: ['imports'], params: batchIdParams, response: { 200: submitResultSchema } },
    },
    async (request) =>
      withActor(deps.db, request.actor, (tx) => submitBatch(tx, ctx(request), request.params.id)),
  );

  app.post(
    '/:id/discard',
    {
      config: { access: 'data' },
      schema: { tags: ['imports'], params: batchIdParams, response: { 200: importBatchSchema } },
    },
    async (request) =>
      withActor(deps.db, request.actor, async (tx) =>
        batchView(tx, request.actor, await discardBatch(tx, ctx(request), request.params.id)),
      ),
  );
};
