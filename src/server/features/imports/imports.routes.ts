/**
 * /api/v1/imports: the report template, uploads into the staging area, review (rows, problems, cell edits,
 * accepted warnings, re-validation) and submit. Endpoint list: src/shared/imports.contract.ts. Each handler is one
 * call of a use case, which opens its transaction and writes its audit entry (ADR 0012); the upload's multipart
 * body is read here, at the edge.
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptWarningsSchema,
  batchIdParams,
  batchRowParams,
  editCellSchema,
  chooseConventionsSchema,
  fixValueSchema,
  importBatchListSchema,
  mapColumnsSchema,
  mappingProfileListSchema,
  problemGroupListSchema,
  importBatchSchema,
  stagingRowPageSchema,
  stagingRowQuerySchema,
  stagingRowSchema,
  submitResultSchema,
  templateQuerySchema,
  uploadFieldsSchema,
} from '../../../shared/imports.contract.ts';
import { AppError, ValidationError } from '../../errors.ts';
import { abandonedSignal } from '../../http/abandoned.ts';
import { languageOf } from '../../http/errors.ts';
import { requestContextOf } from '../../http/request-context.ts';
import { actorIdOf } from '../../lib/actor-names.ts';
import type { ReadLimits } from '../../lib/spreadsheets/read-limits.ts';
import { readRefusal } from '../../lib/spreadsheets/read-refusals.ts';
import type { ReadSlots } from '../../lib/spreadsheets/read-slots.ts';
import type { ImportsDeps } from './imports-deps.ts';
import { assertMayImport } from './imports.policy.ts';
import { mapColumns } from './mapping/map-columns.ts';
import { listMappingProfiles } from './mapping/list-profiles.ts';
import { downloadTemplate } from './read/download-template.ts';
import { fixValue } from './review/fix-value.ts';
import { listProblemGroups } from './review/problem-groups.ts';
import { acceptWarnings } from './review/accept-warnings.ts';
import { chooseConventions } from './review/choose-conventions.ts';
import { readBatchProblems } from './review/batch-problems.ts';
import { discardBatch } from './review/discard-batch.ts';
import { editCell } from './review/edit-cell.ts';
import { listBatchRows, listImportBatches, viewImportBatch } from './review/read-batches.ts';
import { revalidateBatch } from './review/revalidate-batch.ts';
import { stageUpload, type Upload } from './stage/stage-upload.ts';
import { submitBatch } from './submit/submit-batch.ts';

export interface ImportRouteDeps extends ImportsDeps {
  /** Largest upload accepted (IMPORT_MAX_BYTES). */
  maxUploadBytes: number;
  /** What reading an upload may cost, and the server's one count of files being read (SPREADSHEET_MAX_*). */
  spreadsheets: { limits: ReadLimits; slots: ReadSlots };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The upload form: its one file and its fields, checked against the contract. */
async function readUploadForm(request: FastifyRequest, maxUploadBytes: number): Promise<Upload> {
  // Security: a user who may not import is refused before the body (up to the upload limit) is read.
  assertMayImport(request.actor);
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415);
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') file = { name: part.filename.slice(0, 255), bytes: await part.toBuffer() };
      else fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('payload_too_large', 413, { limit: maxUploadBytes });
    throw error;
  }
  if (!file || file.bytes.length === 0) throw new ValidationError([{ field: 'file', reason: 'required' }]);
  const parsed = uploadFieldsSchema.safeParse(fields);
  if (!parsed.success)
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({
        field: String(issue.path[0] ?? 'body'),
        reason: issue.code === 'invalid_type' ? 'required' : 'invalid',
      })),
    );
  return { fields: parsed.data, fileName: file.name, bytes: file.bytes };
}

export const importRoutes: FastifyPluginAsyncZod<ImportRouteDeps> = async (app, deps) => {
  await app.register(multipart, {
    limits: { fileSize: deps.maxUploadBytes, files: 1, fields: 20, fieldSize: 10_000 },
  });

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/template.${format}`,
      { config: { access: 'data' }, schema: { tags: ['imports'], querystring: templateQuerySchema } },
      async (request, reply) => {
        const { language } = request.query;
        const body = await downloadTemplate(deps, request.actor, requestContextOf(request), {
          format,
          language,
        });
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
      // A slot for this user's file before its bytes are read: too many at once is refused, not queued.
      let release: () => void;
      try {
        release = deps.spreadsheets.slots.take(actorIdOf(request.actor) ?? request.actor.kind);
      } catch (error) {
        throw readRefusal(error);
      }
      try {
        const upload = await readUploadForm(request, deps.maxUploadBytes);
        const batch = await stageUpload(deps, request.actor, requestContextOf(request), {
          ...upload,
          limits: deps.spreadsheets.limits,
          signal: abandonedSignal(reply),
        });
        return reply.code(201).send(batch);
      } finally {
        release();
      }
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
    async (request) => listImportBatches(deps, request.actor, requestContextOf(request), request.query),
  );

  app.get(
    '/profiles',
    {
      config: { access: 'data' },
      schema: { tags: ['imports'], response: { 200: mappingProfileListSchema } },
    },
    async (request) => listMappingProfiles(deps, request.actor, requestContextOf(request)),
  );

  app.get(
    '/:id',
    {
      config: { access: 'data' },
      schema: { tags: ['imports'], params: batchIdParams, response: { 200: importBatchSchema } },
    },
    async (request) => viewImportBatch(deps, request.actor, requestContextOf(request), request.params),
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
    async (request) =>
      listBatchRows(deps, request.actor, requestContextOf(request), {
        ...request.params,
        ...request.query,
        language: languageOf(request),
      }),
  );

  app.get(
    '/:id/problems.csv',
    { config: { access: 'data' }, schema: { tags: ['imports'], params: batchIdParams } },
    async (request, reply) => {
      const csv = await readBatchProblems(deps, request.actor, requestContextOf(request), {
        ...request.params,
        language: languageOf(request),
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="import-problems.csv"')
        .send(`\uFEFF${csv}`);
    },
  );

  app.get(
    '/:id/problem-groups',
    {
      config: { access: 'data' },
      schema: { tags: ['imports'], params: batchIdParams, response: { 200: problemGroupListSchema } },
    },
    async (request) =>
      listProblemGroups(deps, request.actor, requestContextOf(request), {
        ...request.params,
        language: languageOf(request),
      }),
  );

  app.post(
    '/:id/fix-value',
    {
      config: { access: 'data' },
      schema: {
        tags: ['imports'],
        params: batchIdParams,
        body: fixValueSchema,
        response: { 200: importBatchSchema },
      },
    },
    async (request) =>
      fixValue(deps, request.actor, requestContextOf(request), { ...request.params, ...request.body }),
  );

  app.post(
    '/:id/columns',
    {
      config: { access: 'data' },
      schema: {
        tags: ['imports'],
        params: batchIdParams,
        body: mapColumnsSchema,
        response: { 200: importBatchSchema },
      },
    },
    async (request) =>
      mapColumns(deps, request.actor, requestContextOf(request), { ...request.params, ...request.body }),
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
    async (request) =>
      editCell(deps, request.actor, requestContextOf(request), {
        ...request.params,
        ...request.body,
        language: languageOf(request),
      }),
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
      acceptWarnings(deps, request.actor, requestContextOf(request), { ...request.params, ...request.body }),
  );

  app.post(
    '/:id/validate',
    {
      config: { access: 'data' },
      schema: { tags: ['imports'], params: batchIdParams, response: { 200: importBatchSchema } },
    },
    async (request) => revalidateBatch(deps, request.actor, requestContextOf(request), request.params),
  );

  app.post(
    '/:id/conventions',
    {
      config: { access: 'data' },
      schema: {
        tags: ['imports'],
        params: batchIdParams,
        body: chooseConventionsSchema,
        response: { 200: importBatchSchema },
      },
    },
    async (request) =>
      chooseConventions(deps, request.actor, requestContextOf(request), {
        ...request.params,
        ...request.body,
      }),
  );

  app.post(
    '/:id/submit',
    {
      config: { access: 'data' },
      schema: { tags: ['imports'], params: batchIdParams, response: { 200: submitResultSchema } },
    },
    async (request) => submitBatch(deps, request.actor, requestContextOf(request), request.params),
  );

  app.post(
    '/:id/discard',
    {
      config: { access: 'data' },
      schema: { tags: ['imports'], params: batchIdParams, response: { 200: importBatchSchema } },
    },
    async (request) => discardBatch(deps, request.actor, requestContextOf(request), request.params),
  );
};
