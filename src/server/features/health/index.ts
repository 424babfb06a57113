/**
 * What the rest of the platform may use of the health feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export { healthRoutes } from './health.routes.ts';
