/** The audit viewer's API (Secretariat admins): entries filtered and paged, their CSV export, the chain's state. */
import { z } from 'zod';

export const auditQuerySchema = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  actorId: z.string().uuid().optional(),
  organisationId: z.string().uuid().optional(),
  action: z.string().trim().min(1).max(100).optional(),
  /** A report's id (entries about the report) or a seizure record's number (entries about the record). */
  reportId: z.string().uuid().optional(),
  recordId: z.coerce.number().int().min(1).optional(),
  /** Entries before this number (the previous page's nextCursor). */
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
/** The export takes the same filters, without paging. */
export const auditExportQuerySchema = auditQuerySchema.omit({ cursor: true, limit: true });
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorKind: z.enum(['user', 'system', 'anonymous']),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  organisationName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ipAddress: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditChainStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('verified'), upToSeq: z.number().int(), checkedAt: z.string() }),
  z.object({
    state: z.literal('broken'),
    firstBrokenSeq: z.number().int(),
    problem: z.enum(['edited', 'missing', 'out_of_order', 'head_mismatch']),
    problems: z.number().int(),
    checkedAt: z.string(),
  }),
]);
export type AuditChainState = z.infer<typeof auditChainStateSchema>;
