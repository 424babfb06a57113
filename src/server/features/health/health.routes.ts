/**
 * Probes for load balancers and orchestrators. /healthz answers from memory (the process is up);
 * /readyz makes one database round-trip (the process can serve). Neither is rate limited.
 * With a read replica, /readyz also says whether reads use it and how far behind it is (ADR 0015); a replica
 * behind or down does not make the server unready, since its reads then go to the primary.
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
        response: {
          200: statusSchema.extend({
            database: z.enum(['pglite', 'postgres']),
            replica: z
              .object({
                status: z.enum(['in_use', 'behind', 'unreachable', 'not_checked']),
                lagSeconds: z.number().nullable(),
                maxLagSeconds: z.number(),
                checkedAt: z.string().nullable(),
              })
              .optional(),
          }),
        },
      },
    },
    async (request) => {
      try {
        await pingDatabase(database.db);
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        throw new AppError('service_unavailable', 503);
      }
      const replica = database.reads?.state();
      return { status: 'ok' as const, database: database.backend, ...(replica ? { replica } : {}) };
    },
  );
};
