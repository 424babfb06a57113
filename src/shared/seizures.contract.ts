/**
 * Contracts of the seizure explorer API (GET /api/v1/seizures…), shared by the server and the web app.
 *
 * Every answer is computed only from the records the caller may see (DESIGN §2, the ITD sharing rule): a record
 * the caller may not see changes no item, no count, no sum and no facet. An unknown or invisible record is a 404.
 *
 *   GET /api/v1/seizures          search: seizureFilterSchema + sort, cursor, limit → seizurePageSchema
 *   GET /api/v1/seizures/stats    figures grouped by one dimension: filters + groupBy … → seizureStatsSchema
 *   GET /api/v1/seizures/facets   counts per value of the filterable dimensions: filters → seizureFacetsSchema
 *   GET /api/v1/seizures/:id      one record, its earlier versions and the caller's abilities → seizureDetailSchema
 *                                 (its `record` is the one record shape of seizure-record.contract.ts)
 *
 * Query strings: a list filter takes repeated keys (`party=KE&party=TZ`) or a comma-separated value (`party=KE,TZ`).
 */
import { z } from 'zod';
import { TAXON_RANKS } from './reference.contract.ts';
import { seizureRecordViewSchema, seizureTaxonSchema } from './seizure-record.contract.ts';

export { seizureTaxonSchema } from './seizure-record.contract.ts';

/** The roles a country plays in a seizure; `any` matches a country in any of them. */
export const COUNTRY_ROLES = [
  'seizure',
  'origin',
  'export',
  'transit',
  'destination',
  'nationality',
] as const;
export type CountryRole = (typeof COUNTRY_ROLES)[number];
export const COUNTRY_ROLE_FILTERS = [...COUNTRY_ROLES, 'any'] as const;
export type CountryRoleFilter = (typeof COUNTRY_ROLE_FILTERS)[number];

export const APPENDICES = ['I', 'II', 'III', 'NC'] as const;

/** Sorts: newest seizure first (default), oldest first, heaviest first, last entered first. */
export const SEIZURE_SORTS = ['date_desc', 'date_asc', 'kg_desc', 'id_desc'] as const;
export type SeizureSort = (typeof SEIZURE_SORTS)[number];

export const MAX_PAGE_SIZE = 100;
/** The search counts matching records up to this many; beyond it `total.isCapped` is true. */
export const COUNT_CAP = 10_000;

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const year = z.coerce.number().int().min(1975).max(2100);
const shortText = z.string().trim().min(1).max(100);
const recordText = z.string().trim().min(1).max(200);

/**
 * A list in one query value: entries separated by commas, a comma or backslash inside an entry written `\,` or
 * `\\` (the Parties' own words, e.g. a mode of transport "Sea, container", may contain commas).
 */
export function joinList(values: readonly (string | number)[]): string {
  return values.map((value) => String(value).replace(/[\\,]/g, (c) => `\\${c}`)).join(',');
}

/** The entries of a value written by joinList. */
export function splitList(text: string): string[] {
  const entries: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) current += text[(i += 1)];
    else if (c === ',') {
      entries.push(current);
      current = '';
    } else current += c;
  }
  entries.push(current);
  return entries;
}

/**
 * A list from one joinList value, or from repeated keys (one entry each, as they are: parsing a parsed list again
 * gives it back unchanged); empty entries are dropped.
 */
function list<T extends z.ZodType>(item: T, max = 50) {
  return z.preprocess((value) => {
    if (value === undefined || value === '') return undefined;
    const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
    const values = Array.isArray(value) ? value.map(text) : splitList(text(value));
    return values.map((v) => v.trim()).filter((v) => v !== '');
  }, z.array(item).min(1).max(max).optional());
}
const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The filters every endpoint takes (all optional; all given filters must hold). */
export const seizureFilterSchema = z.object({
  /** Year of the seizure (the report's year when the record has no date). */
  yearFrom: year.optional(),
  yearTo: year.optional(),
  /** Seizure date range, inclusive (records without a date do not match a date range). */
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  /** The reporting Party (ISO 3166-1 alpha-2). */
  party: list(countryCode),
  /** A country, in the role given by countryRole (default any role). */
  country: countryCode.optional(),
  countryRole: z.enum(COUNTRY_ROLE_FILTERS).default('any'),
  /** A taxon id (GET /api/v1/reference/taxa): matches it and every taxon below it. */
  taxon: list(z.coerce.number().int().positive(), 20),
  /** The record's CITES Appendix contains this one (a record listed I/II matches I and II). */
  appendix: list(z.enum(APPENDICES), 4),
  /** CITES term and unit codes (GET /api/v1/reference/codes). */
  term: list(shortText),
  unit: list(shortText),
  /** As the Party wrote them (up to 200 characters, as stored). */
  detectionMethod: list(recordText),
  transportMode: list(recordText),
  locationType: list(recordText),
  /** The quantity as reported, in its own unit, inclusive. */
  quantityMin: z.coerce.number().min(0).optional(),
  quantityMax: z.coerce.number().min(0).optional(),
  /** Free text over the record's text fields (taxon as written, place, agency, reason, method, remarks). */
  q: z.string().trim().min(2).max(200).optional(),
  /** The Party's answer on sending elephant records to ETIS. */
  shareEtis: booleanText.optional(),
  /**
   * Records naming a permit (their "Permit number" column or additional information) that the registry says was
   * valid at the seizure date, was not (found with a red flag), or does not know. Only readers who may see permits
   * see these links (migrations/0048); for others no record matches.
   */
  permit: z.enum(['valid', 'invalid', 'unknown']).optional(),
});
export type SeizureFilter = z.infer<typeof seizureFilterSchema>;

export const seizureSearchQuerySchema = seizureFilterSchema.extend({
  sort: z.enum(SEIZURE_SORTS).default('date_desc'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});
export type SeizureSearchQuery = z.infer<typeof seizureSearchQuerySchema>;

/** One record in a result list: the normalised values (codes, ids), never the Party's original text. */
export const seizureItemSchema = z.object({
  id: z.number().int(),
  reportId: z.string().uuid(),
  reportingParty: z.string(),
  reportYear: z.number().int(),
  /** Year of the seizure (the report's year when there is no date). */
  year: z.number().int(),
  date: isoDate.nullable(),
  datePrecision: z.enum(['day', 'month', 'year']).nullable(),
  /** The resolved taxon, or null when the name could not be resolved (then taxonName says what was written). */
  taxon: seizureTaxonSchema.nullable(),
  taxonName: z.string().nullable(),
  appendix: z.string().nullable(),
  termCode: z.string().nullable(),
  quantity: z.number().nullable(),
  unitCode: z.string().nullable(),
  /** The quantity in kg, or as a number of specimens, where the unit allows it. */
  quantityKg: z.number().nullable(),
  quantityCount: z.number().nullable(),
  seizureCountry: z.string().nullable(),
  originCountry: z.string().nullable(),
  exportCountry: z.string().nullable(),
  transitCountries: z.array(z.string()),
  destinationCountry: z.string().nullable(),
  offenderNationalities: z.array(z.string()),
  locationType: z.string().nullable(),
  locationName: z.string().nullable(),
  detectionMethod: z.string().nullable(),
  transportMode: z.string().nullable(),
  seizingAgency: z.string().nullable(),
  shareEtis: z.boolean(),
  isPublished: z.boolean(),
  version: z.number().int(),
});
export type SeizureItem = z.infer<typeof seizureItemSchema>;

export const seizurePageSchema = z.object({
  items: z.array(seizureItemSchema),
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** Matching records, counted up to COUNT_CAP; given on the first page only (no cursor). */
  total: z.object({ count: z.number().int(), isCapped: z.boolean() }).nullable(),
});
export type SeizurePage = z.infer<typeof seizurePageSchema>;

/** What the caller may do with a record (the record's own rule, not only the role table). */
export const SEIZURE_ABILITIES = ['seizure.read', 'seizure.correct'] as const;
export type SeizureAbility = (typeof SEIZURE_ABILITIES)[number];

/** An earlier version of a corrected record: its values then, and the correction that replaced it. */
export const seizureVersionSchema = z.object({
  version: z.number().int(),
  values: seizureItemSchema.partial(),
  replacedAt: z.string(),
  replacedBy: z.string().nullable(),
  reason: z.string(),
});

export const seizureDetailSchema = seizureItemSchema.extend({
  reason: z.string().nullable(),
  additionalInfo: z.string().nullable(),
  isElephant: z.boolean(),
  sharing: z.object({ parties: z.boolean(), iccwc: z.boolean(), etis: z.boolean() }),
  /** The Parties concerned by the record (rule 4), derived from its countries. */
  concernedParties: z.array(z.string()),
  /** What the Party wrote, column by column. */
  original: z.record(z.string(), z.string()),
  /** Earlier versions, newest first; empty when the record was never corrected. */
  versions: z.array(seizureVersionSchema),
  abilities: z.array(z.enum(SEIZURE_ABILITIES)),
  /**
   * The record in the shape every page shows it (with the corrections made in review and, per kept version, what
   * changed). The fields above are the explorer's first answer, kept for the API's clients.
   */
  record: seizureRecordViewSchema,
});
export type SeizureDetail = z.infer<typeof seizureDetailSchema>;

/** Dimensions for figures. taxon takes `rank`; country takes `role` (one role, not `any`). */
export const STATS_GROUPS = ['year', 'month', 'taxon', 'term', 'country', 'route'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export const seizureStatsQuerySchema = seizureFilterSchema.extend({
  groupBy: z.enum(STATS_GROUPS),
  /** For groupBy=taxon: the rank to add up at (records below it count for their ancestor). */
  rank: z.enum(TAXON_RANKS).default('SPECIES'),
  /** For groupBy=country: which of the record's countries to count (transit and nationality count each). */
  role: z.enum(COUNTRY_ROLES).default('seizure'),
  /** The biggest groups by count, at most this many (year and month are never cut). */
  top: z.coerce.number().int().min(1).max(500).default(100),
});
export type SeizureStatsQuery = z.infer<typeof seizureStatsQuerySchema>;

export const statsFiguresSchema = z.object({
  /** Number of records. */
  count: z.number().int(),
  /** Sum of quantities given as specimens (or convertible to a number of specimens). */
  specimens: z.number(),
  /** Sum of quantities given as (or convertible to) weight, in kg. */
  kg: z.number(),
});

export const statsGroupSchema = statsFiguresSchema.extend({
  /**
   * year: "2021"; month: "2021-03"; taxon: the taxon id; term: the term code; country: the ISO code;
   * route: "CN>US" (origin > destination). null: records without a value for the dimension.
   */
  key: z.string().nullable(),
  /** A display name when the key is an id (taxon name); null otherwise (the web app names codes itself). */
  label: z.string().nullable(),
  /** route only: the two ends. */
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
});
export type StatsGroupRow = z.infer<typeof statsGroupSchema>;

export const seizureStatsSchema = z.object({
  groupBy: z.enum(STATS_GROUPS),
  groups: z.array(statsGroupSchema),
  /** Figures of all matching records (not only the groups shown). */
  total: statsFiguresSchema,
});
export type SeizureStats = z.infer<typeof seizureStatsSchema>;

/** Facet dimensions: for each, the values present among the matching records and their counts. */
export const FACETS = [
  'party',
  'year',
  'term',
  'unit',
  'appendix',
  'detectionMethod',
  'transportMode',
  'locationType',
] as const;
export type Facet = (typeof FACETS)[number];

export const facetValueSchema = z.object({ value: z.string(), count: z.number().int() });
export const seizureFacetsSchema = z.object({
  facets: z.record(z.enum(FACETS), z.array(facetValueSchema)),
  total: z.number().int(),
});
export type SeizureFacets = z.infer<typeof seizureFacetsSchema>;

export const seizureIdParamsSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});
