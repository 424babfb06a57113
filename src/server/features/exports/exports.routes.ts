/**
 * /api/v1/exports: files of records and figures under the terms of use (src/shared/exports.contract.ts). Each
 * answer streams the file as it is written and carries X-Export-Id, the id of its entry in the download register.
 * Every route needs the `data` level (signed in, current terms accepted); the use cases check the rest.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EXPORT_FORMATS,
  EXPORT_ID_HEADER,
  figuresExportQuerySchema,
  ownPartyExportQuerySchema,
  recordExportQuerySchema,
} from '../../../shared/exports.contract.ts';
import { requestContextOf } from '../../http/request-context.ts';
import type { ExportFile } from './export-file.ts';
import { exportFigures } from './export-figures.ts';
import { exportOwnPartyRecords } from './export-own-party.ts';
import { exportSeizureRecords } from './export-records.ts';
import type { ExportsDeps } from './exports-deps.ts';

/** The caller's organisation as the front door read it with the credential, for the file's header. */
function organisationOf(request: FastifyRequest): string {
  const auth = request.authentication;
  return auth.kind === 'none' ? '' : auth.user.organisation_name;
}

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header(EXPORT_ID_HEADER, file.exportId)
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}

export const exportRoutes: FastifyPluginAsyncZod<ExportsDeps> = async (app, deps) => {
  for (const format of EXPORT_FORMATS) {
    app.get(
      `/seizures.${format}`,
      { config: { access: 'data' }, schema: { tags: ['exports'], querystring: recordExportQuerySchema } },
      async (request, reply) =>
        sendFile(
          reply,
          await exportSeizureRecords(deps, request.actor, requestContextOf(request), {
            format,
            query: request.query,
            authentication: request.authentication,
            organisation: organisationOf(request),
          }),
        ),
    );

    app.get(
      `/figures.${format}`,
      { config: { access: 'data' }, schema: { tags: ['exports'], querystring: figuresExportQuerySchema } },
      async (request, reply) =>
        sendFile(
          reply,
          await exportFigures(deps, request.actor, requestContextOf(request), {
            format,
            query: request.query,
            authentication: request.authentication,
            organisation: organisationOf(request),
          }),
        ),
    );

    app.get(
      `/own-party.${format}`,
      { config: { access: 'data' }, schema: { tags: ['exports'], querystring: ownPartyExportQuerySchema } },
      async (request, reply) =>
        sendFile(
          reply,
          await exportOwnPartyRecords(deps, request.actor, requestContextOf(request), {
            format,
            language: request.query.lang,
            authentication: request.authentication,
            organisation: organisationOf(request),
          }),
        ),
    );
  }
};
