/**
 * Must be the first import of main.tsx, before any module that builds a zod schema (the shared contracts).
 *
 * Why: zod 4 compiles object parsers with `new Function` when it can, and probes for that when each object
 * schema is built. Our CSP (`script-src 'self'`, no 'unsafe-eval') blocks the probe and reports a violation.
 * In jitless mode zod neither probes nor compiles; parsing is a little slower, which is invisible at our sizes.
 */
import { z } from 'zod';

z.config({ jitless: true });
