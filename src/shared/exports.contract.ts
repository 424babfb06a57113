/**
 * Contracts of data going out under the terms of use (issue 14), shared by the server and the web app.
 *
 *   GET  /api/v1/exports/seizures.csv|.xlsx   the explorer's filters (seizureFilterSchema) + columns, lang → a file
 *   GET  /api/v1/exports/figures.csv|.xlsx    the filters + groupBy, rank, role, publication, lang → a file
 *   GET  /api/v1/exports/own-party.csv|.xlsx  a Party's own records in the report template's layout
 *   POST /api/v1/auth/step-up                 a second factor for record-level exports (stepUpRequestSchema)
 *   GET  /api/v1/downloads                    the caller's download register → downloadListSchema
 *   POST /api/v1/downloads/{id}/deleted       the dated attestation that every copy was deleted
 *   GET  /api/v1/downloads/register           the Secretariat's view of everyone's register (outstanding=true)
 *
 * Every file answer carries `X-Export-Id` (the register entry's id); the file itself names it too.
 */
import { z } from 'zod';
import { IMPORT_COLUMNS } from './imports.contract.ts';
import { languageSchema } from './languages.ts';
import { TAXON_RANKS } from './reference.contract.ts';
import { COUNTRY_ROLES, seizureFilterSchema } from './seizures.contract.ts';

/**
 * The columns a record-level export may hold, in the order of the record presenter (src/shared/seizure-record
 * .contract.ts). A code column is followed in the file by its label in the export's language; `original` adds one
 * column per column of the report template with what the Party wrote.
 */
export const EXPORT_COLUMNS = [
  'id',
  'reportId',
  'reportingParty',
  'reportYear',
  'year',
  'version',
  'seizureDate',
  'datePrecision',
  'seizingAgency',
  'taxon',
  'taxonName',
  'appendix',
  'termCode',
  'quantity',
  'unitCode',
  'quantityKg',
  'quantityCount',
  'reason',
  'locationType',
  'locationName',
  'detectionMethod',
  'transportMode',
  'seizureCountry',
  'originCountry',
  'exportCountry',
  'transitCountries',
  'destinationCountry',
  'offenderNationalities',
  'additionalInfo',
  'isElephant',
  'original',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
/** What a record export holds when `columns` is not given: everything but the Party's original text. */
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumn[] = EXPORT_COLUMNS.filter((c) => c !== 'original');
export { IMPORT_COLUMNS as ORIGINAL_COLUMNS };

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Groupings of an aggregated export (the explorer's): by year, reporting Party, taxon, a country role, route. */
export const EXPORT_GROUPS = ['year', 'party', 'taxon', 'country', 'route'] as const;
export type ExportGroup = (typeof EXPORT_GROUPS)[number];

const columnList = z.preprocess(
  (value) => {
    if (value === undefined || value === '') return undefined;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const values = Array.isArray(value) ? value.map(text) : text(value).split(',');
    return values.map((v) => v.trim()).filter((v) => v !== '');
  },
  z.array(z.enum(EXPORT_COLUMNS)).min(1).max(EXPORT_COLUMNS.length).optional(),
);

export const recordExportQuerySchema = seizureFilterSchema.extend({
  /** The columns to write (comma-separated or repeated); written in EXPORT_COLUMNS order whatever the order given. */
  columns: columnList,
  /** The language of the headers, labels and the file's notes. */
  lang: languageSchema.default('en'),
});
export type RecordExportQuery = z.infer<typeof recordExportQuerySchema>;

export const figuresExportQuerySchema = seizureFilterSchema.extend({
  groupBy: z.enum(EXPORT_GROUPS),
  rank: z.enum(TAXON_RANKS).default('SPECIES'),
  role: z.enum(COUNTRY_ROLES).default('seizure'),
  /** For publication: small cells suppressed (counts ≤ 3, kg dominated by one or two records), and what covers them. */
  publication: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  lang: languageSchema.default('en'),
});
export type FiguresExportQuery = z.infer<typeof figuresExportQuerySchema>;

export const ownPartyExportQuerySchema = z.object({ lang: languageSchema.default('en') });

export const stepUpRequestSchema = z.object({ code: z.string().trim().min(6).max(20) });
export const stepUpResponseSchema = z.object({
  /** Until when a record-level export needs no new code. */
  validUntil: z.string(),
});

export const downloadSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['records', 'figures', 'party_records']),
  format: z.enum(EXPORT_FORMATS),
  language: languageSchema,
  filters: z.record(z.string(), z.unknown()),
  columns: z.array(z.string()),
  groupBy: z.string().nullable(),
  publication: z.boolean(),
  rowCount: z.number().int().nullable(),
  parties: z.array(z.string()),
  checksum: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  createdAt: z.string(),
  /** Null when the file was cut short. */
  completedAt: z.string().nullable(),
  deletedOn: z.string().nullable(),
  deletionStatement: z.string().nullable(),
  deletedAttestedAt: z.string().nullable(),
  remindersSent: z.number().int(),
});
export type Download = z.infer<typeof downloadSchema>;

export const downloadListSchema = z.object({ items: z.array(downloadSchema) });

export const registerEntrySchema = downloadSchema.extend({
  userLabel: z.string(),
  organisationName: z.string(),
});
export const registerQuerySchema = z.object({
  /** Only downloads not yet attested deleted. */
  outstanding: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  /** Older than this many days. */
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const registerListSchema = z.object({ items: z.array(registerEntrySchema) });

export const downloadIdParamsSchema = z.object({ id: z.string().uuid() });
export const attestDeletionSchema = z.object({
  /** The day every copy was deleted (not in the future). */
  deletedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  statement: z.string().trim().max(1000).optional(),
});
export type AttestDeletion = z.infer<typeof attestDeletionSchema>;

/** Headers of export answers. */
export const EXPORT_ID_HEADER = 'x-export-id';
