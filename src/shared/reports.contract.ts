/** Contracts of annual illegal trade reports and their seizure records (DESIGN §3), shared with the web app. */
import { z } from 'zod';

export const REPORT_STATUSES = ['draft', 'submitted', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The headings of Part II (enforcement follow-up), kept as structured text per report. */
export const PART_TWO_HEADINGS = [
  'administrative',
  'criminal',
  'civil',
  'disposal',
  'trends',
  'other',
] as const;
export type PartTwoHeading = (typeof PART_TWO_HEADINGS)[number];

export const REPORT_EVENT_KINDS = [
  'created',
  'imported',
  'sharing_changed',
  'submitted',
  'published',
  'header_changed',
  'record_corrected',
  'returned_to_draft',
] as const;

const partySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/);
const reasonSchema = z.string().trim().min(3).max(2000);

export const sharingSchema = z.object({
  shareParties: z.boolean(),
  shareIccwc: z.boolean(),
  shareEtis: z.boolean(),
});
export type Sharing = z.infer<typeof sharingSchema>;

export const reportHeaderSchema = z.object({
  preparingAgency: z.string().trim().max(500),
  contributingAgencies: z.string().trim().max(2000),
  contactName: z.string().trim().max(200),
  contactEmail: z.union([z.literal(''), z.string().trim().email().max(254)]),
  /** The date the Party gave on the report (YYYY-MM-DD), or null. */
  submittedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});
export type ReportHeader = z.infer<typeof reportHeaderSchema>;

export const partTwoSchema = z.partialRecord(z.enum(PART_TWO_HEADINGS), z.string().max(20000));
export type PartTwo = z.infer<typeof partTwoSchema>;

/** What a new report is made of (the import service fills it from the file and the upload form). */
export const newReportSchema = z.object({
  party: partySchema,
  year: z.number().int().min(1975).max(2100),
  header: reportHeaderSchema,
  partTwo: partTwoSchema,
  sharing: sharingSchema,
});
export type NewReport = z.infer<typeof newReportSchema>;

export const REPORT_ABILITIES = [
  'edit',
  'change_sharing',
  'submit',
  'publish',
  'return_to_draft',
  'correct',
] as const;
export type ReportAbility = (typeof REPORT_ABILITIES)[number];

export const reportSummarySchema = z.object({
  id: z.string().uuid(),
  party: z.string(),
  year: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  sharing: sharingSchema,
  recordCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportListQuerySchema = z.object({
  party: partySchema.optional(),
  year: z.coerce.number().int().min(1975).max(2100).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export const reportListSchema = z.object({
  items: z.array(reportSummarySchema),
  nextCursor: z.string().nullable(),
});
export type ReportList = z.infer<typeof reportListSchema>;

export const reportEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(REPORT_EVENT_KINDS),
  actorLabel: z.string().nullable(),
  occurredAt: z.string(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type ReportEvent = z.infer<typeof reportEventSchema>;

export const reportFileInfoSchema = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type ReportFileInfo = z.infer<typeof reportFileInfoSchema>;

export const reportDetailSchema = reportSummarySchema.extend({
  header: reportHeaderSchema,
  partTwo: partTwoSchema,
  counts: z.object({ records: z.number().int(), corrected: z.number().int() }),
  files: z.array(reportFileInfoSchema),
  events: z.array(reportEventSchema),
  abilities: z.array(z.enum(REPORT_ABILITIES)),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const updateReportSchema = z.object({
  header: reportHeaderSchema,
  partTwo: partTwoSchema,
});
export type UpdateReport = z.infer<typeof updateReportSchema>;

export const changeSharingSchema = sharingSchema.extend({ reason: reasonSchema });
export type ChangeSharing = z.infer<typeof changeSharingSchema>;

export const returnToDraftSchema = z.object({ reason: reasonSchema });

/** The normalised values of a record (DESIGN §3); what the Party wrote is `original`, never changed. */
export const seizureValuesSchema = z.object({
  seizureDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  datePrecision: z.enum(['day', 'month', 'year']).nullable(),
  seizingAgency: z.string().max(500).nullable(),
  taxonId: z.number().int().nullable(),
  taxonName: z.string().max(300).nullable(),
  appendix: z.string().max(10).nullable(),
  termCode: z.string().max(10).nullable(),
  quantity: z.number().positive().nullable(),
  unitCode: z.string().max(10).nullable(),
  quantityKg: z.number().nullable(),
  quantityCount: z.number().nullable(),
  reason: z.string().max(500).nullable(),
  locationType: z.string().max(100).nullable(),
  locationName: z.string().max(500).nullable(),
  detectionMethod: z.string().max(200).nullable(),
  transportMode: z.string().max(200).nullable(),
  seizureCountry: z.string().length(2).nullable(),
  originCountry: z.string().length(2).nullable(),
  exportCountry: z.string().length(2).nullable(),
  transitCountries: z.array(z.string().length(2)).max(30),
  destinationCountry: z.string().length(2).nullable(),
  offenderNationalities: z.array(z.string().length(2)).max(50),
  additionalInfo: z.string().max(5000).nullable(),
  isElephant: z.boolean(),
});
export type SeizureValuesDto = z.infer<typeof seizureValuesSchema>;

/** A cell corrected in the staging review before the report was submitted (the record keeps the file's cell). */
export const reviewFixSchema = z.object({
  column: z.string(),
  from: z.string(),
  to: z.string(),
  /** Who corrected it (a name, as the audit log names actors). */
  by: z.string(),
  at: z.string(),
});
export type ReviewFix = z.infer<typeof reviewFixSchema>;

export const seizureRecordSchema = z.object({
  id: z.number().int(),
  reportId: z.string().uuid(),
  version: z.number().int(),
  sourceRow: z.number().int().nullable(),
  original: z.record(z.string(), z.string()),
  reviewFixes: z.array(reviewFixSchema),
  values: seizureValuesSchema,
  updatedAt: z.string(),
  abilities: z.array(z.enum(['correct'])),
});
export type SeizureRecord = z.infer<typeof seizureRecordSchema>;

export const recordListQuerySchema = z.object({
  cursor: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const recordListSchema = z.object({
  items: z.array(seizureRecordSchema),
  nextCursor: z.string().nullable(),
});
export type RecordList = z.infer<typeof recordListSchema>;

/** One earlier version: the values it had, what the next version changed, who replaced it, when and why. */
export const recordVersionSchema = z.object({
  version: z.number().int(),
  values: seizureValuesSchema,
  changed: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  replacedBy: z.string().nullable(),
  replacedAt: z.string(),
  reason: z.string(),
});
export type RecordVersion = z.infer<typeof recordVersionSchema>;

export const recordDetailSchema = seizureRecordSchema.extend({
  versions: z.array(recordVersionSchema),
});
export type RecordDetail = z.infer<typeof recordDetailSchema>;

export const correctRecordSchema = z.object({
  values: seizureValuesSchema,
  reason: reasonSchema,
});
export type CorrectRecord = z.infer<typeof correctRecordSchema>;
