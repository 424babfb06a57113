/**
 * A build step that writes a brotli (.br) and a gzip (.gz) twin next to every text asset of the web build, so
 * the server sends compressed bytes without compressing on each request (@fastify/static's `preCompressed`).
 *
 * Why at build time: brotli at its highest quality is too slow per request but gives the smallest files, and
 * our users are on slow links; the assets are immutable, so the work is done once per release.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT_ASSET = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this, the compressed twin saves less than the extra header costs. */
const MIN_BYTES = 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : Promise.resolve([full]);
    }),
  );
  return nested.flat();
}

export function precompressAssets(outDir: string): Plugin {
  return {
    name: 'itd-precompress-assets',
    apply: 'build',
    async closeBundle() {
      for (const file of await filesUnder(outDir)) {
        if (!TEXT_ASSET.test(file) || (await stat(file)).size < MIN_BYTES) continue;
        const bytes = await readFile(file);
        await writeFile(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        await writeFile(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}
