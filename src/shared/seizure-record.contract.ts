/**
 * One seizure record as every part of the platform shows it (DESIGN §3): the normalised values, what the Party
 * wrote, the corrections made in review before submission (ADR 0011), the kept versions of later corrections, and
 * what the caller may do with it. The explorer (GET /api/v1/seizures/:id, as its `record`) and the report pages
 * (GET /api/v1/reports/:id/records/:recordId) answer with this one shape, so the web app has one record drawer.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The normalised values of a record (DESIGN §3); what the Party wrote is `original`, never changed. */
export const seizureValuesSchema = z.object({
  seizureDate: isoDate.nullable(),
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

/** The taxon a record names, as the checklist has it now. */
export const seizureTaxonSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The current CITES listing (I, II, III, I/II …) or null when not listed. */
  appendix: z.string().nullable(),
});

/** What the caller may do with the record: `correct` (record.policy.ts, canCorrectRecord). */
export const RECORD_ABILITIES = ['correct'] as const;
export type RecordAbility = (typeof RECORD_ABILITIES)[number];

/** A record without its history: the shape of a list of a report's records. */
export const seizureRecordSchema = z.object({
  id: z.number().int(),
  reportId: z.string().uuid(),
  reportingParty: z.string(),
  reportYear: z.number().int(),
  /** Year of the seizure (the report's year when the record has no date). */
  year: z.number().int(),
  version: z.number().int(),
  /** The row of the Party's file the record came from; null for records entered otherwise. */
  sourceRow: z.number().int().nullable(),
  updatedAt: z.string(),
  isPublished: z.boolean(),
  /** The reporting Party's sharing answers, copied from its report. */
  sharing: z.object({ parties: z.boolean(), iccwc: z.boolean(), etis: z.boolean() }),
  /** The Parties concerned by the record (the sharing rule's clause 4), derived from its countries. */
  concernedParties: z.array(z.string()),
  /** The resolved taxon, or null when the name could not be resolved (values.taxonName says what was written). */
  taxon: seizureTaxonSchema.nullable(),
  values: seizureValuesSchema,
  /** What the Party wrote, column by column. */
  original: z.record(z.string(), z.string()),
  /** Cells corrected in review before submission, in the order they were made; empty when there were none. */
  reviewFixes: z.array(reviewFixSchema),
  abilities: z.array(z.enum(RECORD_ABILITIES)),
});
export type SeizureRecord = z.infer<typeof seizureRecordSchema>;

/** One record with its history: the kept versions, newest first (empty when never corrected since submission). */
export const seizureRecordViewSchema = seizureRecordSchema.extend({
  versions: z.array(recordVersionSchema),
});
export type SeizureRecordView = z.infer<typeof seizureRecordViewSchema>;
