/**
 * Contracts of the access receipts (issue 14, item 4), shared by the server and the web app.
 *
 *   GET  /api/v1/access-receipts?party=XX&from=YYYY-MM-DD&to=YYYY-MM-DD
 *        which organisations searched, viewed or downloaded the Party's records, per day, and how many records;
 *        a Party's focal points (their own Party; `party` may be left out), the Secretariat (naming the Party)
 *   GET  /api/v1/access-receipts/preferences    the caller's choice of the monthly e-mail summary
 *   POST /api/v1/access-receipts/preferences    turn it on or off
 *
 * Receipts name organisations, never people.
 */
import { z } from 'zod';

export const RECEIPT_KINDS = ['search', 'view', 'download'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const accessReceiptQuerySchema = z.object({
  party: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  from: day.optional(),
  to: day.optional(),
});
export type AccessReceiptQuery = z.infer<typeof accessReceiptQuerySchema>;

export const accessReceiptSchema = z.object({
  day,
  organisationName: z.string(),
  organisationKind: z.enum(['secretariat', 'party', 'iccwc', 'igo']),
  kind: z.enum(RECEIPT_KINDS),
  /** How many searches, record views or downloads that day. */
  events: z.number().int(),
  /** How many of the Party's records they returned in all. */
  records: z.number().int(),
});
export type AccessReceipt = z.infer<typeof accessReceiptSchema>;

export const organisationAccessSchema = z.object({
  organisationName: z.string(),
  organisationKind: z.enum(['secretariat', 'party', 'iccwc', 'igo']),
  searched: z.number().int(),
  viewed: z.number().int(),
  downloaded: z.number().int(),
  lastDay: day,
});
export type OrganisationAccess = z.infer<typeof organisationAccessSchema>;

export const accessReceiptListSchema = z.object({
  party: z.string(),
  from: day,
  to: day,
  /** Per organisation over the period: records searched, viewed and downloaded, and the last day. */
  organisations: z.array(organisationAccessSchema),
  items: z.array(accessReceiptSchema),
});
export type AccessReceiptList = z.infer<typeof accessReceiptListSchema>;

export const receiptPreferencesSchema = z.object({ monthlySummary: z.boolean() });
export type ReceiptPreferences = z.infer<typeof receiptPreferencesSchema>;
