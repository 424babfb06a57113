/** The outbox viewer's API (Secretariat admins): queued, sent and undeliverable e-mail, and one message's body. */
import { z } from 'zod';

export const OUTBOX_STATUSES = ['waiting', 'sent', 'undeliverable'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const outboxQuerySchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  /** Part of the recipient's address. */
  recipient: z.string().trim().min(1).max(200).optional(),
  /** Messages before this id (the previous page's nextCursor). */
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxMessageSchema = z.object({
  id: z.number().int(),
  recipient: z.string(),
  subject: z.string(),
  language: z.enum(['en', 'fr', 'es']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** Whether the body is still kept (unsent and within its retention): only then can it be opened. */
  hasBody: z.boolean(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxPageSchema = z.object({
  items: z.array(outboxMessageSchema),
  nextCursor: z.number().int().nullable(),
});
export type OutboxPage = z.infer<typeof outboxPageSchema>;

export const outboxBodySchema = outboxMessageSchema.extend({ body: z.string() });
export type OutboxBody = z.infer<typeof outboxBodySchema>;
