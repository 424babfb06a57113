/**
 * The error body of every failed API call (RFC 9457 problem details, application/problem+json),
 * shared so the web app can show the field at fault and the message in the user's language.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'validation_failed',
  'not_found',
  'unauthenticated',
  'forbidden',
  'terms_not_accepted',
  'password_change_required',
  'step_up_required',
  'export_scope_required',
  'conflict',
  'rate_limited',
  'account_locked',
  'stale_version',
  'security_key_required',
  'payload_too_large',
  'file_limit_exceeded',
  'too_many_uploads',
  'server_busy',
  'unsupported_media_type',
  'service_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldErrorSchema = z.object({
  field: z.string(),
  /** For files and tables: the row at fault, as a spreadsheet numbers it. */
  row: z.number().int().optional(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(ERROR_CODES),
  detail: z.string(),
  /** The first field at fault, when there is one. */
  field: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  requestId: z.string().optional(),
  /** A refused sign-in of a locked account: when the lock ends. */
  lockedUntil: z.string().optional(),
  /** A 409 on a stale version: the version the change must now be made from. */
  currentVersion: z.number().int().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
