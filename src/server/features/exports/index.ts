/**
 * What the rest of the platform may use of the exports feature (issue 14: data out under the terms of use).
 * Nothing else of this folder is imported from outside it (the import-boundaries lint rule).
 */
export { downloadRoutes } from './downloads.routes.ts';
export { exportRoutes } from './exports.routes.ts';
export type { ExportsDeps } from './exports-deps.ts';
export { remindOutstandingDownloads } from './remind-downloads.ts';
export { publicationRoutes } from './publication/publication.routes.ts';
export { runPublicationDeadlines } from './publication/publication-deadlines.ts';
