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
import { registerCompression } from './http/compression.ts';
import { problemFor, registerErrorHandling, sendProblem } from './http/errors.ts';
import { registerInputGuards } from './http/input-guards.ts';
import { loggerOptions } from './http/logging.ts';
import { registerRateLimit } from './http/rate-limit.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerOpenApi } from './http/openapi.ts';
import { healthRoutes } from './features/health/index.ts';
import { referenceRoutes } from './features/reference/index.ts';
import { webRoutes } from './features/web/index.ts';
import { authRoutes } from './features/identity/index.ts';
import type { IdentityDeps } from './features/identity/index.ts';
import { createSealer, loadPlatformKey } from './features/identity/index.ts';
import { tokenRoutes } from './features/identity/index.ts';
import { createMailSender, outboxRoutes, type MailSender } from './features/mail/index.ts';
import { registrationRoutes } from './features/registration/index.ts';
import { seizureRoutes } from './features/seizures/index.ts';
import { accessReceiptRoutes } from './features/access-receipts/index.ts';
import { downloadRoutes, exportRoutes, publicationRoutes } from './features/exports/index.ts';
import { termsRoutes } from './features/terms/index.ts';
import { userRoutes } from './features/users/index.ts';
import { reportRoutes } from './features/reports/index.ts';
import { importRoutes } from './features/imports/index.ts';
import { ReadSlots } from './lib/spreadsheets/read-slots.ts';
import { createFileSealer } from './features/groups/index.ts';
import { groupContentRoutes } from './features/groups/index.ts';
import { groupRoutes } from './features/groups/index.ts';
import { auditRoutes } from './features/audit/index.ts';
import { permitRoutes } from './features/permits/index.ts';

export interface AppDeps {
  database: Database;
  settings: Settings;
  clock?: () => Date;
  /** Tests pass their own sender to deliver e-mail on demand. */
  mail?: MailSender;
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
    // A malformed address (a broken %-escape) is refused before routing, outside the error handler: answered
    // here in the same problem+json as every other refusal.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(reply, problemFor(error, request));
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  registerAccessControl(app, {
    db: deps.database.db,
    settings: deps.settings,
    clock: deps.clock ?? (() => new Date()),
  });
  registerInputGuards(app);
  await registerSecurityHeaders(app, deps.settings);
  await registerCompression(app);
  await registerRateLimit(app, deps.database.db, deps.settings);
  await registerOpenApi(app, jsonSchemaTransform);

  const services = { db: deps.database.db, clock: deps.clock ?? (() => new Date()) };
  const mail =
    deps.mail ??
    createMailSender({
      db: services.db,
      smtpUrl: deps.settings.smtpUrl,
      from: deps.settings.mailFrom,
      log: app.log,
    });
  if (!deps.mail) app.addHook('onClose', () => mail.stop());
  const identity: IdentityDeps = {
    ...services,
    settings: deps.settings,
    sealer: createSealer(loadPlatformKey(deps.settings.secretKeyHex, deps.settings.dataDir)),
    mail,
  };
  await app.register(healthRoutes, { database: deps.database });
  await app.register(referenceRoutes, { prefix: '/api/v1/reference', ...services });
  await app.register(authRoutes, { prefix: '/api/v1/auth', ...identity });
  await app.register(termsRoutes, { prefix: '/api/v1/terms', ...identity });
  await app.register(tokenRoutes, { prefix: '/api/v1/tokens', ...identity });
  await app.register(registrationRoutes, { prefix: '/api/v1/registrations', ...identity });
  await app.register(userRoutes, { prefix: '/api/v1', ...identity });
  await app.register(reportRoutes, { prefix: '/api/v1/reports', ...services });
  // One count of files being read for the whole server, shared by every feature that reads uploads.
  const readSlots = new ReadSlots(deps.settings.spreadsheets.slots);
  await app.register(importRoutes, {
    prefix: '/api/v1/imports',
    ...services,
    maxUploadBytes: deps.settings.importMaxBytes,
    spreadsheets: { limits: deps.settings.spreadsheets.limits, slots: readSlots },
  });
  // Searches, figures and record views may read from the replica (DATABASE_READ_URL, ADR 0015).
  await app.register(seizureRoutes, { prefix: '/api/v1/seizures', ...services, reads: deps.database.reads });
  // Data out under the terms of use (issue 14): exports and the download register.
  const exportsDeps = { ...services, settings: deps.settings };
  await app.register(exportRoutes, { prefix: '/api/v1/exports', ...exportsDeps });
  await app.register(downloadRoutes, { prefix: '/api/v1/downloads', ...exportsDeps });
  await app.register(accessReceiptRoutes, { prefix: '/api/v1/access-receipts', ...exportsDeps });
  await app.register(publicationRoutes, { prefix: '/api/v1/publication-requests', ...exportsDeps });
  const groups = {
    ...identity,
    // Group files are sealed under a key derived from the platform key (features/groups/file-sealing.ts).
    files: createFileSealer(loadPlatformKey(deps.settings.secretKeyHex, deps.settings.dataDir)),
  };
  await app.register(groupRoutes, { prefix: '/api/v1/groups', ...groups });
  await app.register(groupContentRoutes, { prefix: '/api/v1/groups', ...groups });
  await app.register(auditRoutes, { prefix: '/api/v1/audit', ...services });
  await app.register(outboxRoutes, { prefix: '/api/v1/outbox', ...services });
  await app.register(permitRoutes, {
    prefix: '/api/v1/permits',
    ...services,
    maxUploadBytes: deps.settings.importMaxBytes,
  });
  await app.register(webRoutes, { webDistDir: deps.settings.webDistDir });
  return app;
}
