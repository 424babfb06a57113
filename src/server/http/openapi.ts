/**
 * The OpenAPI document, generated from the routes' zod contracts and served at
 * GET /api/v1/openapi.json (public: it describes the API, not any data).
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { APP_VERSION } from '../version.ts';

export async function registerOpenApi(
  app: FastifyInstance,
  transform: typeof jsonSchemaTransform,
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'ITD Platform API',
        version: APP_VERSION,
        description:
          'The Illegal Trade Database and closed user groups. Errors are application/problem+json with a stable code.',
      },
      servers: [],
    },
    transform,
  });
  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
