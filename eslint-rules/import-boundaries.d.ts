import type { ESLint } from 'eslint';

/** The project's own lint plugin: `architecture/import-boundaries` (see import-boundaries.js). */
declare const architecture: ESLint.Plugin;
export default architecture;
