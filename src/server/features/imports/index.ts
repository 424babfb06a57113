/**
 * What other parts of the platform may use of imports: staging an upload, submitting a staged batch, and a batch's
 * importable rows as a source for the records writer (read where they are, never through another feature's SQL).
 */
export { stageUpload } from './stage-upload.ts';
export { submitBatch } from './submit-batch.ts';
export { stagedRecordSource } from './staged-records.repo.ts';
