/** Contracts of annual illegal trade reports and their seizure records (DESIGN §3), shared with the web app. */
import { z } from 'zod';
import {
  seizureRecordSchema,
  seizureRecordViewSchema,
  seizureValuesSchema,
  type SeizureRecordView,
} from './seizure-record.contract.ts';

// A report's records are seizure records: their shapes live in seizure-record.contract.ts, named here as well.
export {
  recordVersionSchema,
  reviewFixSchema,
  seizureRecordSchema,
  seizureValuesSchema,
  type RecordVersion,
  type ReviewFix,
  type SeizureRecord,
  type SeizureValuesDto,
} from './seizure-record.contract.ts';

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

export const recordListQuerySchema = z.object({
  cursor: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const recordListSchema = z.object({
  items: z.array(seizureRecordSchema),
  nextCursor: z.string().nullable(),
});
export type RecordList = z.infer<typeof recordListSchema>;

/** One record with its kept versions (GET /api/v1/reports/:id/records/:recordId and the answer to a correction). */
export const recordDetailSchema = seizureRecordViewSchema;
export type RecordDetail = SeizureRecordView;

export const correctRecordSchema = z.object({
  values: seizureValuesSchema,
  reason: reasonSchema,
  /** The version the correction was made from; a stale one is refused (409 stale_version, with the current one). */
  expectedVersion: z.number().int().min(1),
});
export type CorrectRecord = z.infer<typeof correctRecordSchema>;
