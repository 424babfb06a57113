/**
 * Contracts of the permit registry and its border lookup (issue 16, DOMAIN §4), shared with the web app.
 *
 * Endpoints (under /api/v1/permits; every one needs a full session or an API token with the terms accepted):
 *
 *   GET  /lookup?country=XX&number=N[&stamp=S&species=&quantity=]   enforcement users (Secretariat, Party bodies,
 *        closed-user-group members of an enforcement category); tokens need the `permits.lookup` scope.
 *        Audited, found or not → `lookupResultSchema`
 *   POST /:id/endorsements   box 14: quantities actually exported, per line → `lookupResultSchema`; over-use is a
 *        400 naming the line and the quantity that remains
 *   POST /import             the issuing Party's Management Authority (its own Party) or a Secretariat data
 *        officer: body = the file (CITESEPermit XML, CSV or XLSX), `?party=XX` → `importSummarySchema`
 *   GET  /template.csv       the CSV layout (one row per permit line; the permit's boxes repeated on each line)
 *   POST /mark               `markPermitSchema`: a permit lost, stolen or cancelled (its issuing Party's MA)
 *   POST /stamps/mark        `markStampsSchema`: a range of blank security stamps lost or stolen → `stampMarkSchema`
 *   GET  /seizures/:recordId the permits a seizure record names, matched and judged → { items: seizurePermitLink[] }
 *   GET  /receipts?country=  who verified the Party's permits (organisation and date) → `receiptListSchema`
 */
import { z } from 'zod';

export const PERMIT_TYPES = ['E', 'R', 'I', 'O'] as const;
export type PermitType = (typeof PERMIT_TYPES)[number];
/** What the Management Authority sets; partly used, used and expired are read from endorsements and dates. */
export const PERMIT_STATUSES = ['issued', 'cancelled', 'replaced', 'lost', 'stolen'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];
export const MARKABLE_STATUSES = ['lost', 'stolen', 'cancelled'] as const;
export type MarkableStatus = (typeof MARKABLE_STATUSES)[number];
export const PERMIT_EVENT_KINDS = [
  'issued',
  'updated',
  'endorsed',
  'cancelled',
  'replaced',
  'lost',
  'stolen',
] as const;
export type PermitEventKind = (typeof PERMIT_EVENT_KINDS)[number];
export const PERMIT_SOURCE_FORMATS = ['xml', 'csv', 'xlsx'] as const;
export type PermitSourceFormat = (typeof PERMIT_SOURCE_FORMATS)[number];

/** The red flags of a lookup. Every flag but `partly_used` and `used` makes the permit not valid. */
export const PERMIT_FLAGS = [
  'expired',
  'not_yet_valid',
  'cancelled',
  'replaced',
  'lost',
  'stolen',
  'stamp_mismatch',
  // The security stamp falls in a range of blank stamps its Management Authority reported lost or stolen.
  'stamp_lost',
  'stamp_stolen',
  'quantity_exceeded',
  'species_mismatch',
  'appendix_mismatch',
  'quantity_mismatch',
  'partly_used',
  'used',
] as const;
export type PermitFlag = (typeof PERMIT_FLAGS)[number];
export const INFORMATIVE_FLAGS: readonly PermitFlag[] = ['partly_used'];

/** Permit numbers longer than this are refused (the standard form has room for about 70 characters). */
export const PERMIT_NUMBER_MAX = 200;

/**
 * The key a permit number is matched by: upper case, without spaces, dashes (any kind), slashes, dots or
 * underscores, so "ke/2026-00123" and "KE 2026 00123" name the same permit. The number as issued is kept beside it.
 */
export function permitNumberKey(number: string): string {
  return number
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐-―−/\\._]+/gu, '');
}

const country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/)
  .transform((value) => value.toUpperCase());

export const lookupQuerySchema = z.object({
  country,
  number: z.string().trim().min(1).max(PERMIT_NUMBER_MAX),
  stamp: z.string().trim().min(1).max(100).optional(),
  /** What the officer sees: the species (a scientific name) and the quantity in the permit line's unit. */
  species: z.string().trim().min(1).max(200).optional(),
  quantity: z.coerce.number().positive().max(1e12).optional(),
});
export type LookupQuery = z.infer<typeof lookupQuerySchema>;

export const permitLineSchema = z.object({
  lineNo: z.number().int(),
  taxonName: z.string(),
  commonName: z.string(),
  description: z.string(),
  termCode: z.string().nullable(),
  appendix: z.string().nullable(),
  sourceCode: z.string().nullable(),
  unitCode: z.string().nullable(),
  originCountry: z.string().nullable(),
  originPermit: z.string().nullable(),
  authorised: z.number(),
  endorsed: z.number(),
  remaining: z.number(),
});
export type PermitLine = z.infer<typeof permitLineSchema>;

export const permitViewSchema = z.object({
  id: z.string().uuid(),
  issuingCountry: z.string(),
  number: z.string(),
  type: z.enum(PERMIT_TYPES),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  importerName: z.string(),
  importerCountry: z.string().nullable(),
  exporterName: z.string(),
  exporterCountry: z.string().nullable(),
  purposeCode: z.string().nullable(),
  specialConditions: z.string(),
  issuingAuthority: z.string(),
  status: z.enum(PERMIT_STATUSES),
  statusOn: z.string().nullable(),
  replacedBy: z.string().nullable(),
  /** Whether the permit carries a security stamp number (never the number itself: it is what proves the paper). */
  hasSecurityStamp: z.boolean(),
});
export type PermitView = z.infer<typeof permitViewSchema>;

export const lookupResultSchema = z.object({
  found: z.boolean(),
  valid: z.boolean(),
  /** Why not valid (or what to check), one sentence per flag, in the request's language. */
  reasons: z.array(z.string()),
  flags: z.array(z.enum(PERMIT_FLAGS)),
  /** When not found: whether the issuing Party has loaded any permit at all ("not found" is no proof of forgery). */
  issuerSharesPermits: z.boolean(),
  permit: permitViewSchema.nullable(),
  lines: z.array(permitLineSchema),
});
export type LookupResult = z.infer<typeof lookupResultSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const endorsementSchema = z.object({
  lines: z
    .array(z.object({ lineNo: z.number().int().min(1).max(999), quantity: z.number().positive().max(1e12) }))
    .min(1)
    .max(999),
  port: z.string().trim().max(200).default(''),
  endorsedOn: day.optional(),
});
export type EndorsementInput = z.infer<typeof endorsementSchema>;

export const markPermitSchema = z.object({
  country,
  number: z.string().trim().min(1).max(PERMIT_NUMBER_MAX),
  status: z.enum(MARKABLE_STATUSES),
  on: day.optional(),
  note: z.string().trim().max(2000).default(''),
  /** Groups of the author whose law-enforcement members are alerted too (lost or stolen only). */
  alertGroups: z.array(z.string().uuid()).max(20).optional(),
});
export type MarkPermitInput = z.infer<typeof markPermitSchema>;

/** A range of blank security stamps (box 5b) reported lost or stolen, from–to, with one prefix. */
export const markStampsSchema = z.object({
  country,
  from: z.string().trim().min(1).max(100),
  to: z.string().trim().min(1).max(100),
  status: z.enum(['lost', 'stolen']),
  on: day.optional(),
  note: z.string().trim().max(2000).default(''),
  alertGroups: z.array(z.string().uuid()).max(20).optional(),
});
export type MarkStampsInput = z.infer<typeof markStampsSchema>;
export const stampMarkSchema = z.object({
  country: z.string(),
  from: z.string(),
  to: z.string(),
  count: z.number().int(),
  status: z.enum(['lost', 'stolen']),
  on: z.string(),
  alerted: z.number().int(),
});
export type StampMark = z.infer<typeof stampMarkSchema>;

/** One problem of an import file: where, what was written, what is wrong and what would be right. */
export const importProblemSchema = z.object({
  /** The spreadsheet row, or the XML line. */
  row: z.number().int(),
  field: z.string(),
  value: z.string(),
  message: z.string(),
  suggestion: z.string().nullable(),
});
export type PermitImportProblem = z.infer<typeof importProblemSchema>;

export const importSummarySchema = z.object({
  format: z.enum(PERMIT_SOURCE_FORMATS),
  permits: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Non-empty means nothing was written: fix the file and import it again. */
  problems: z.array(importProblemSchema),
});
export type PermitImportSummary = z.infer<typeof importSummarySchema>;

export const importQuerySchema = z.object({ party: country.optional() });

/** A permit number written in a seizure record, matched to the registry (issue 16, item 6). */
export const SEIZURE_PERMIT_VERDICTS = ['valid', 'invalid', 'unknown'] as const;
export type SeizurePermitVerdict = (typeof SEIZURE_PERMIT_VERDICTS)[number];
export const seizurePermitLinkSchema = z.object({
  /** As written in the record: its "Permit number" column (`field`) or its additional information (`text`). */
  number: z.string(),
  source: z.enum(['field', 'text']),
  /** The record's country of export, taken as the issuing Party; null when the record names none. */
  issuingCountry: z.string().nullable(),
  /** valid or invalid as of the seizure date; unknown when not found (or no issuing Party is known). */
  verdict: z.enum(SEIZURE_PERMIT_VERDICTS),
  found: z.boolean(),
  flags: z.array(z.enum(PERMIT_FLAGS)),
  reasons: z.array(z.string()),
  permit: permitViewSchema.nullable(),
  lines: z.array(permitLineSchema),
});
export type SeizurePermitLink = z.infer<typeof seizurePermitLinkSchema>;

export const receiptSchema = z.object({
  number: z.string().nullable(),
  numberKey: z.string(),
  organisationName: z.string(),
  lookedUpAt: z.string(),
  found: z.boolean(),
  valid: z.boolean(),
  flags: z.array(z.string()),
});
export const receiptListSchema = z.object({ items: z.array(receiptSchema) });
export type Receipt = z.infer<typeof receiptSchema>;
export const receiptQuerySchema = z.object({ country: country.optional() });
