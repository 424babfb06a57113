/**
 * The web build's `zod`: vite.config.ts resolves every `import … from 'zod'` of the web app to this module, so
 * zod is switched to jitless mode before any module that builds a schema runs, whatever chunk that module lands in.
 *
 * Why: zod 4 compiles object parsers with `new Function` when it can, and probes for that when each object
 * schema is built. Our CSP (`script-src 'self'`, no 'unsafe-eval') blocks the probe and reports a violation.
 * In jitless mode zod neither probes nor compiles; parsing is a little slower, which is invisible at our sizes.
 * An import in main.tsx alone is not enough once pages are loaded on demand: a chunk shared by several pages
 * may run before main.tsx's own body. Through the alias, ES module order guarantees this body runs first.
 */
import { config } from 'zod/v4';

config({ jitless: true });

export * from 'zod/v4';
