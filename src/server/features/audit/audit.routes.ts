/** /api/v1/audit: the audit viewer of Secretariat admins (entries, CSV export, the chain's state). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PassThrough } from 'node:stream';
import {
  auditChainStateSchema,
  auditExportQuerySchema,
  auditPageSchema,
  auditQuerySchema,
} from '../../../shared/audit.contract.ts';
import { requestContextOf } from '../../http/request-context.ts';
import { createChainStateCache, viewAuditChainState } from './audit-chain-state.ts';
import { exportAuditEntries, listAuditEntries, type AuditViewerDeps } from './list-audit-entries.ts';

export const auditRoutes: FastifyPluginAsyncZod<AuditViewerDeps> = async (app, deps) => {
  const chainState = createChainStateCache();

  app.get(
    '/entries',
    {
      config: { access: 'data' },
      schema: { tags: ['audit'], querystring: auditQuerySchema, response: { 200: auditPageSchema } },
    },
    async (request) => listAuditEntries(deps, request.actor, requestContextOf(request), request.query),
  );

  app.get(
    '/entries.csv',
    { config: { access: 'data' }, schema: { tags: ['audit'], querystring: auditExportQuerySchema } },
    async (request, reply) => {
      const body = new PassThrough();
      // Refusals and the export's own audit entry happen before the first byte; then rows stream page by page.
      const writing = exportAuditEntries(deps, request.actor, requestContextOf(request), request.query, body);
      await Promise.race([writing, new Promise((resolve) => body.once('readable', resolve))]);
      writing.catch((error: unknown) => {
        request.log.error({ err: error }, 'audit export failed');
        body.destroy(error as Error);
      });
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="itd-audit-${day}.csv"`)
        .send(body);
    },
  );

  app.get(
    '/chain',
    { config: { access: 'data' }, schema: { tags: ['audit'], response: { 200: auditChainStateSchema } } },
    async (request) => viewAuditChainState({ ...deps, chainState }, request.actor, requestContextOf(request)),
  );
};
