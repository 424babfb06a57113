/**
 * What the rest of the platform may use of the audit feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export {
  auditContextOf,
  linkAuditEntries,
  readAuditHead,
  recordAudit,
  verifyAuditLog,
  type AuditContext,
  type AuditInput,
} from './audit.service.ts';
export {
  checkpointFiles,
  readCheckpoints,
  verifyAuditCheckpoints,
  writeAuditCheckpoint,
  type AuditCheckpoint,
  type CheckpointProblem,
} from './audit-checkpoint.ts';
export { auditRoutes } from './audit.routes.ts';
export { countByParty, recordsReturned, type RecordsReturned } from './records-returned.ts';
