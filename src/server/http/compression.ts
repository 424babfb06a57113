/**
 * Compressed responses for slow links: API answers (JSON, CSV exports, problem+json) are compressed on the fly
 * with brotli or gzip, whichever the browser prefers; the web app's files were compressed at build time and are
 * sent as they are (@fastify/static `preCompressed`, see features/web), so this leaves them alone.
 *
 * Why brotli at quality 4 here: at the highest quality brotli costs tens of milliseconds per answer; quality 4
 * is as fast as gzip and still smaller.
 *
 * Not compressed (BREACH): the answers that carry a secret next to something the caller typed — sign-in,
 * second factors, and personal API tokens. Compressing them could let an observer of sizes guess the secret.
 * Event streams are written by hand (groups/stream.ts) and never pass through here.
 */
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

const COMPRESSIBLE =
  /^(application\/(json|problem\+json|javascript|xml)|text\/(html|csv|css|plain|javascript))/;
const SECRET_BEARING = /^\/api\/v1\/(auth|tokens)(\/|\?|$)/;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', async (request) => {
    // The plugin's documented opt-out, set by the server itself for these paths, whatever the client sent.
    if (SECRET_BEARING.test(request.url)) request.headers['x-no-compression'] = 'secret-bearing';
  });
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: COMPRESSIBLE,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
