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
  'payload_too_large',
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
});
export type Problem = z.infer<typeof problemSchema>;
