/**
 * What other parts of the platform may use of imports: the routes; staging an upload, its problems and submitting
 * it (the `itd import report` command and the import benchmark); and a batch's importable rows as a source for the
 * records writer (read where they are, never through another feature's SQL).
 */
export { importRoutes, type ImportRouteDeps } from './imports.routes.ts';
export type { ImportsDeps } from './imports-deps.ts';
export { stageUpload } from './stage/stage-upload.ts';
export { writeBatchProblems } from './review/batch-problems.ts';
export { submitBatch } from './submit/submit-batch.ts';
export { stagedRecordSource } from './submit/staged-records.repo.ts';
// The report template's column headers, for a Party's own records written in its layout (exports).
export { templateHeader } from './read/import-columns.ts';
