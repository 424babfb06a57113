/**
 * What the rest of the platform may use of the web feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export { webRoutes } from './web.routes.ts';
