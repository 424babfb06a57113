/**
 * Probes for load balancers and orchestrators. /healthz answers from memory (the process is up);
 * /readyz makes one database round-trip (the process can serve). Neither is rate limited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDatabase, type Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

const statusSchema = z.object({ status: z.literal('ok') });

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public', rateLimit: false },
      schema: { hide: true, response: { 200: statusSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        hide: true,
        response: { 200: statusSchema.extend({ database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async (request) => {
      try {
        await pingDatabase(database.db);
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        throw new AppError('service_unavailable', 503);
      }
      return { status: 'ok' as const, database: database.backend };
    },
  );
};
