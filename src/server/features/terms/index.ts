/**
 * What the rest of the platform may use of the terms feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export { termsRoutes } from './terms.routes.ts';
