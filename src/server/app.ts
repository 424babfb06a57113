/**
 * buildApp(deps) → a Fastify instance with the transport plugins and every feature's routes.
 * It opens nothing itself: the database and settings come in, so tests and main.ts share it.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Settings } from './config.ts';
import type { Database } from './db/database.ts';
import { registerAccessControl } from './http/access.ts';
import { registerErrorHandling } from './http/errors.ts';
import { loggerOptions } from './http/logging.ts';
import { registerRateLimit } from './http/rate-limit.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerOpenApi } from './http/openapi.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { referenceRoutes } from './features/reference/reference.routes.ts';
import { webRoutes } from './features/web/web.routes.ts';

export interface AppDeps {
  database: Database;
  settings: Settings;
  clock?: () => Date;
  /** Lets tests capture the structured log. */
  logStream?: NodeJS.WritableStream;
}

export type App = FastifyInstance;

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(deps.settings, deps.logStream),
    genReqId: (request) => {
      // Keep a caller's id when it is a sane token, so a request can be followed across services.
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: deps.settings.trustProxy,
    bodyLimit: deps.settings.bodyLimitBytes,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  registerAccessControl(app);
  await registerSecurityHeaders(app, deps.settings);
  await registerRateLimit(app, deps.database.db, deps.settings);
  await registerOpenApi(app, jsonSchemaTransform);

  const services = { db: deps.database.db, clock: deps.clock ?? (() => new Date()) };
  await app.register(healthRoutes, { database: deps.database });
  await app.register(referenceRoutes, { prefix: '/api/v1/reference', ...services });
  await app.register(webRoutes, { webDistDir: deps.settings.webDistDir });
  return app;
}
