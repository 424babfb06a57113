/**
 * Serves the built web app (dist/web): hashed assets with a long cache, and index.html for every other
 * page path so the app's router can take over. Unknown /api paths are a problem+json 404, never HTML.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError } from '../../errors.ts';
import { loadIndexPage } from './index-page.ts';

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ITD Platform</title></head>
<body><h1>ITD Platform</h1><p>The web app has not been built. Run <code>npm run build:web</code>.</p></body></html>`;

export const webRoutes: FastifyPluginAsync<{ webDistDir: string }> = async (app, { webDistDir }) => {
  const hasBuild = fs.existsSync(path.join(webDistDir, 'index.html'));
  const indexPage = hasBuild ? loadIndexPage(webDistDir) : undefined;
  // preCompressed: the build wrote .br and .gz twins of each text file (scripts/vite-precompress.ts); the one the
  // browser accepts is sent as it is, with Vary: Accept-Encoding.
  if (hasBuild) await app.register(fastifyStatic, { root: webDistDir, serve: false, preCompressed: true });

  // Not rate limited: a first visit fetches the page and dozens of files; only the API is counted.
  app.get(
    '/*',
    { config: { access: 'public', rateLimit: false }, schema: { hide: true } },
    async (request, reply) => {
      const urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
      if (urlPath.startsWith('/api/') || urlPath === '/api') throw new NotFoundError();
      if (!indexPage) return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
      const relative = path
        .normalize(urlPath)
        .replace(/^(\.\.[/\\])+/, '')
        .replace(/^[/\\]+/, '');
      const candidate = path.join(webDistDir, relative);
      // Dot folders (the build's .vite/manifest.json) are for the server, not for browsers.
      const isHidden = relative.split(/[/\\]/).some((part) => part.startsWith('.'));
      const isFile =
        relative !== '' &&
        !isHidden &&
        candidate.startsWith(webDistDir + path.sep) &&
        fs.existsSync(candidate) &&
        fs.statSync(candidate).isFile();
      if (isFile) {
        const immutable = relative.startsWith(`assets${path.sep}`);
        return reply.sendFile(relative, { maxAge: immutable ? '365d' : 0, immutable });
      }
      if (path.extname(urlPath) !== '') throw new NotFoundError();
      // no-cache: the page names this release's hashed files, so the browser must ask again on every visit.
      reply.header('cache-control', 'no-cache').header('vary', 'accept-language');
      return reply.type('text/html; charset=utf-8').send(indexPage(request.headers['accept-language']));
    },
  );
};
