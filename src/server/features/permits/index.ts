/**
 * What the rest of the platform may use of the permits feature (issue 16). Nothing else of this folder is imported
 * from outside it (the import-boundaries lint rule).
 */
export { permitRoutes, type PermitRouteDeps } from './permits.routes.ts';
export { importPermits } from './import/import-permits.ts';
export { lookupPermit } from './lookup-permit.ts';
export { markPermit } from './mark-permit.ts';
export { markStamps } from './mark-stamps.ts';
export { endorsePermit } from './endorse-permit.ts';
export { listReceipts } from './list-receipts.ts';
export { linkSeizurePermits, type LinkScope } from './link-seizure-permits.ts';
export { permitLinksOfRecord } from './seizure-permit-view.ts';
