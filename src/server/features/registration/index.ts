/**
 * What the rest of the platform may use of the registration feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export { registrationRoutes } from './registration.routes.ts';
