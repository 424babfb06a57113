/**
 * Contracts of the staged import of annual illegal trade reports (XLSX or CSV), shared with the web app.
 *
 * Endpoints (all under /api/v1/imports; every one but the templates needs a full session with the terms accepted,
 * and ITD access as a Secretariat data officer or admin, or as a Party focal point or reporter):
 *
 *   GET  /template.xlsx?language=en|fr|es   the report template: header block, seizure sheet with drop-down lists,
 *                                           instructions in the chosen language (default en)
 *   GET  /template.csv?language=en|fr|es    the seizure columns as a CSV header row (headers in that language)
 *   POST /                                  multipart/form-data: `file` (XLSX or CSV, UTF-8 or Windows-1252; the
 *                                           type is checked by content, the size by IMPORT_MAX_BYTES) and the
 *                                           fields of `uploadFieldsSchema`. Parses and validates into a staging
 *                                           batch; the live tables are untouched. → 201 `importBatchSchema`
 *   GET  /?cursor=                          the batches the caller may see, newest first → `importBatchListSchema`
 *   GET  /:id                               one batch → `importBatchSchema` (another Party's batch is a 404)
 *   GET  /:id/rows?cursor=&limit=&show=     the staged rows with their cells and problems → `stagingRowPageSchema`
 *   GET  /:id/problems.csv                  every open problem as CSV (row, column, value, code, severity,
 *                                           message, suggestion), formula-safe
 *   PATCH /:id/rows/:row                    `editCellSchema`: corrects one cell and re-validates that row
 *                                           → `stagingRowSchema`
 *   POST /:id/accept-warnings               `acceptWarningsSchema` → `importBatchSchema`
 *   POST /:id/validate                      re-validates every row (duplicates included) → `importBatchSchema`
 *   GET  /:id/problem-groups                open problems grouped by column, value and code, with counts
 *                                           → `problemGroupListSchema`
 *   POST /:id/fix-value                     `fixValueSchema`: one value of a column replaced in every row that has
 *                                           it, each kept as a review fix; the batch is checked again
 *                                           → `importBatchSchema`
 *   POST /:id/columns                       `mapColumnsSchema`: every source column mapped to a field, to
 *                                           additional information or to nothing, optionally saved as a named
 *                                           profile; the rows are mapped again from the file's cells and checked
 *                                           → `importBatchSchema`
 *   GET  /profiles                          the mapping profiles the caller is offered → `mappingProfileListSchema`
 *   POST /:id/submit                        commits the batch in one transaction → `submitResultSchema`
 *   POST /:id/discard                       drops the batch (nothing reaches the live tables) → `importBatchSchema`
 */
import { z } from 'zod';
import { languageSchema } from './languages.ts';

/** The canonical (English) column headers of the seizure sheet, in template order; cells are keyed by them. */
export const IMPORT_COLUMNS = [
  'Date of seizure',
  'Seizing agency',
  'Species',
  'Description of specimen',
  'Quantity',
  'Unit',
  'Reason for seizure',
  'Location type',
  'Location',
  'Detection method',
  'Mode of transport',
  'Country of origin',
  'Country of export',
  'Countries of transit',
  'Country of destination',
  'Nationality of offenders',
  'Additional information',
  // Mapped files (compilations across countries, a weight next to a count): the country where the seizure was
  // made (the Party when blank) and a second measure of the same specimens.
  'Country of seizure',
  'Second quantity',
  'Second unit',
  // The CITES permit or certificate numbers the goods travelled under, as written (several separated by ";"):
  // matched to the permit registry (issue 16), the record's country of export as the issuing Party.
  'Permit number',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const importColumnSchema = z.enum(IMPORT_COLUMNS);

/** What each validation rule reports; messages come translated in the caller's language. */
export const PROBLEM_CODES = [
  'required',
  'too_long',
  'invalid_characters',
  'date_invalid',
  'date_in_future',
  'date_outside_year',
  'species_unknown',
  'species_not_cites',
  'term_unknown',
  'unit_unknown',
  'term_unit_implausible',
  'quantity_invalid',
  'quantity_not_positive',
  'country_unknown',
  'country_region_only',
  'duplicate_in_file',
  'duplicate_stored',
  'date_order_unsettled',
  'number_unsettled',
  'quantity_not_whole',
  'country_several',
  'country_former_name',
  'totals_row',
] as const;
export const problemCodeSchema = z.enum(PROBLEM_CODES);
export type ProblemCode = z.infer<typeof problemCodeSchema>;

/** Duplicates are imported only when the reviewer names these codes when accepting warnings. */
export const DUPLICATE_CODES = [
  'duplicate_in_file',
  'duplicate_stored',
] as const satisfies readonly ProblemCode[];

export const SEVERITIES = ['blocking', 'warning'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const stagingProblemSchema = z.object({
  /** The row as the spreadsheet numbers it (the header row is 1 in a CSV; see the batch's headerRow). */
  row: z.number().int(),
  /** The canonical column at fault (null for problems of the whole row, such as duplicates). */
  column: importColumnSchema.nullable(),
  /** What the cell holds now. */
  value: z.string(),
  code: problemCodeSchema,
  severity: severitySchema,
  message: z.string(),
  /** A suggested fix to put in the cell (nearest species, code or country, a bare number), when there is one. */
  suggestion: z.string().nullable(),
  /** A warning the reviewer accepted (blocking problems are never accepted, only fixed). */
  accepted: z.boolean(),
});
export type StagingProblem = z.infer<typeof stagingProblemSchema>;

export const BATCH_STATUSES = ['staged', 'submitted', 'discarded'] as const;
export const batchStatusSchema = z.enum(BATCH_STATUSES);

const yesNo = z.enum(['yes', 'no']).transform((value) => value === 'yes');

/** The form fields that come with the file (multipart). Party defaults to the caller's own Party. */
export const uploadFieldsSchema = z.object({
  party: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  year: z.coerce.number().int().min(1975).max(2100),
  /** Other Parties may view the published records (default no). */
  shareParties: yesNo.default(false),
  /** ICCWC partners may use them for research and analysis (default yes: shared unless the Party opts out). */
  shareIccwc: yesNo.default(true),
  /** Elephant records may be sent to ETIS (default no). */
  shareEtis: yesNo.default(false),
  preparingAgency: z.string().trim().max(500).default(''),
  contributingAgencies: z.string().trim().max(2000).default(''),
  contactName: z.string().trim().max(200).default(''),
  contactEmail: z.string().trim().max(320).default(''),
  /** The file's date order when its dates do not settle it (`2/3/2021`): day first or month first. */
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  /** The file's decimal mark when its numbers do not settle it (`1.500`). */
  decimalMark: z.enum(['point', 'comma']).optional(),
  /** A mapping profile to read the file's columns through, by name (default: one whose headers the file has). */
  profile: z.string().trim().min(1).max(100).optional(),
});
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

export const importCountsSchema = z.object({
  /** Rows in the file (blank rows are not rows). */
  total: z.number().int(),
  /**
   * Blank rows between the header and the last row: counted, not imported, so the header row, the rows and the
   * blank rows add up to the file's lines.
   */
  blank: z.number().int(),
  /** Rows without problems, or whose warnings are all accepted: they will be imported. */
  ready: z.number().int(),
  /** Rows with at least one blocking problem: rejected unless fixed. */
  blocking: z.number().int(),
  /** Rows with warnings not yet accepted (they are imported too; accepting records the reviewer saw them). */
  warnings: z.number().int(),
  /** Rows flagged as duplicates (in the file or already stored) and not accepted: counted, not imported. */
  duplicates: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

function fileConventionSchema<T extends z.ZodTypeAny>(value: T) {
  return z.object({
    value: value.nullable(),
    /** Rows whose values wait for this choice (blocking until it is made). */
    waitingRows: z.number().int(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
  });
}

/** The reviewer's choice for a whole file (recorded with who and when; the batch is checked again). */
export const chooseConventionsSchema = z
  .object({
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    decimalMark: z.enum(['point', 'comma']).optional(),
  })
  .refine((v) => v.dateOrder !== undefined || v.decimalMark !== undefined, {
    message: 'name dateOrder or decimalMark',
  });
export type ChooseConventions = z.infer<typeof chooseConventionsSchema>;

/** Where a source column goes: a template column, kept as additional information, or ignored (a decision). */
export const columnTargetSchema = z.union([importColumnSchema, z.enum(['extra', 'ignore'])]);
export type ColumnTarget = z.infer<typeof columnTargetSchema>;

export const sourceColumnSchema = z.object({
  /** The file's header, made unique ("Notes (2)" for a second "Notes"). */
  header: z.string(),
  /** How the column is read now. */
  to: columnTargetSchema,
  /** What its header name suggests (EN/FR/ES words), for a reviewer deciding afresh. */
  suggestion: columnTargetSchema,
});
export type SourceColumn = z.infer<typeof sourceColumnSchema>;

/** The reviewer's mapping: a decision for every source column; with `saveAs`, kept as a named profile. */
export const mapColumnsSchema = z.object({
  columns: z
    .array(z.object({ header: z.string().max(500), to: columnTargetSchema }))
    .min(1)
    .max(500),
  saveAs: z.string().trim().min(1).max(100).optional(),
});
export type MapColumns = z.infer<typeof mapColumnsSchema>;

export const mappingProfileSchema = z.object({
  name: z.string(),
  /** The Party that keeps it; null for a profile every importer is offered. */
  party: z.string().nullable(),
  description: z.string(),
  /** Headers a file must have for the profile to apply (all of them for a reviewer's profile). */
  headers: z.array(z.string()),
  isExact: z.boolean(),
});
export const mappingProfileListSchema = z.object({ items: z.array(mappingProfileSchema) });
export type MappingProfileView = z.infer<typeof mappingProfileSchema>;

export const importBatchSchema = z.object({
  id: z.string().uuid(),
  party: z.string(),
  year: z.number().int(),
  shareParties: z.boolean(),
  shareIccwc: z.boolean(),
  shareEtis: z.boolean(),
  preparingAgency: z.string(),
  contributingAgencies: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  status: batchStatusSchema,
  /** The file's sheet and header row the importer read, e.g. "Seizures" and 3. */
  sheetName: z.string().nullable(),
  headerRow: z.number().int(),
  /** Header cells that matched no column: reported, not fatal; their values are kept with each row. */
  unknownColumns: z.array(z.string()),
  /** Canonical columns the file lacks. */
  missingColumns: z.array(importColumnSchema),
  counts: importCountsSchema,
  /** Every column of the file with how it is read: nothing is left out without a decision. */
  sourceColumns: z.array(sourceColumnSchema),
  /** The profile the columns were read through, and who decided the mapping ('file' when read by headers). */
  mapping: z.object({
    profile: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
  }),
  /**
   * How the file's dates and numbers are read: decided by the file itself (`file`), or by a person or the
   * command's option (who and when); `null` while the file leaves it open (its ambiguous values are blocking).
   */
  conventions: z.object({
    dateOrder: fileConventionSchema(z.enum(['dmy', 'mdy'])),
    decimalMark: fileConventionSchema(z.enum(['point', 'comma'])),
  }),
  createdAt: z.string(),
  uploadedBy: z.string().nullable(),
  /** Set once submitted. */
  reportId: z.string().uuid().nullable(),
  abilities: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    discard: z.boolean(),
  }),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;
export const uploadResponseSchema = importBatchSchema;

export const importBatchListSchema = z.object({
  items: z.array(importBatchSchema),
  nextCursor: z.string().nullable(),
});

export const stagingRowSchema = z.object({
  row: z.number().int(),
  /** What the Party wrote (after any corrections in staging), by canonical column. */
  cells: z.record(z.string(), z.string()),
  /** Values of unknown columns, by the header as written. */
  extra: z.record(z.string(), z.string()),
  /** The normalised values the row would be stored with (taxon, codes, ISO countries, kg/count …). */
  normalised: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]),
  ),
  problems: z.array(stagingProblemSchema),
  /** What happens to the row at submit as things stand. */
  outcome: z.enum(['import', 'reject', 'duplicate']),
});
export type StagingRow = z.infer<typeof stagingRowSchema>;

export const stagingRowQuerySchema = z.object({
  /** The last row number of the previous page. */
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** all rows, or only those with open blocking problems, open warnings, or any problem. */
  show: z.enum(['all', 'problems', 'blocking', 'warnings', 'duplicates']).default('all'),
});

export const stagingRowPageSchema = z.object({
  items: z.array(stagingRowSchema),
  nextCursor: z.string().nullable(),
});

export const editCellSchema = z.object({
  column: importColumnSchema,
  value: z.string().max(4000),
});
export type EditCell = z.infer<typeof editCellSchema>;

/**
 * Accepts open warnings: of the given rows (or all rows), with the given codes (or every warning code except the
 * duplicate codes, which must be named to import a duplicate on purpose).
 */
export const acceptWarningsSchema = z.object({
  rows: z.union([z.array(z.number().int()).min(1).max(200_000), z.literal('all')]),
  codes: z.array(problemCodeSchema).min(1).optional(),
  /** Only the rows whose cell in this column holds this value, and only that column's warnings. */
  where: z.object({ column: importColumnSchema, value: z.string().max(4000) }).optional(),
});
export type AcceptWarnings = z.infer<typeof acceptWarningsSchema>;

export const submitResultSchema = z.object({
  reportId: z.string().uuid(),
  reportStatus: z.enum(['draft', 'submitted', 'published']),
  /** imported + rejected + duplicates = total = rows in the file. */
  imported: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  total: z.number().int(),
});
export type SubmitResult = z.infer<typeof submitResultSchema>;

/** Open problems of one kind on one value of one column ("Finches" × 37), fixed or accepted together. */
export const problemGroupSchema = z.object({
  column: importColumnSchema.nullable(),
  value: z.string(),
  code: problemCodeSchema,
  severity: severitySchema,
  message: z.string(),
  suggestion: z.string().nullable(),
  /** Rows with this problem on this value, and those whose warning is not accepted yet. */
  rows: z.number().int(),
  open: z.number().int(),
});
export type ProblemGroup = z.infer<typeof problemGroupSchema>;
export const problemGroupListSchema = z.object({
  items: z.array(problemGroupSchema),
  /** More groups than listed (the largest are listed first). */
  isTruncated: z.boolean(),
});

/** One value of a column replaced in every row that holds it exactly. */
export const fixValueSchema = z.object({
  column: importColumnSchema,
  from: z.string().max(4000),
  to: z.string().max(4000),
});
export type FixValue = z.infer<typeof fixValueSchema>;

export const templateQuerySchema = z.object({ language: languageSchema.default('en') });

export const batchIdParams = z.object({ id: z.string().uuid() });
export const batchRowParams = z.object({ id: z.string().uuid(), row: z.coerce.number().int().min(1) });
