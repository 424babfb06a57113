/**
 * Contracts of the reference-data API (GET /api/v1/reference/...), shared by the server and the web app.
 */
import { z } from 'zod';
import { translatedSchema } from './languages.ts';

export const COUNTRY_KINDS = ['country', 'territory', 'special'] as const;
export const countrySchema = z.object({
  code: z.string().length(2),
  kind: z.enum(COUNTRY_KINDS),
  isCitesParty: z.boolean(),
  names: translatedSchema,
});
export type Country = z.infer<typeof countrySchema>;
export const countryListSchema = z.object({ items: z.array(countrySchema) });

export const CODE_KINDS = ['term', 'unit', 'purpose', 'source'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];
/** The quantities a unit converts to; a unit with none (bags, boxes…) cannot be converted. */
export const BASE_UNITS = ['kg', 'm', 'm2', 'm3', 'count'] as const;
export type BaseUnit = (typeof BASE_UNITS)[number];
export const citesCodeSchema = z.object({
  kind: z.enum(CODE_KINDS),
  code: z.string(),
  labels: translatedSchema,
  baseUnit: z.enum(BASE_UNITS).nullable(),
  /** Multiply a quantity in this unit by factor to get it in baseUnit. */
  factor: z.number().nullable(),
});
export type CitesCode = z.infer<typeof citesCodeSchema>;
export const codeListSchema = z.object({ items: z.array(citesCodeSchema) });
export const codeListQuerySchema = z.object({ kind: z.enum(CODE_KINDS).optional() });

export const TAXON_RANKS = [
  'KINGDOM',
  'PHYLUM',
  'CLASS',
  'ORDER',
  'FAMILY',
  'SUBFAMILY',
  'GENUS',
  'SPECIES',
  'SUBSPECIES',
  'VARIETY',
] as const;
export type TaxonRank = (typeof TAXON_RANKS)[number];

export const commonNamesSchema = z.object({
  en: z.array(z.string()),
  fr: z.array(z.string()),
  es: z.array(z.string()),
});

export const taxonSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  rank: z.enum(TAXON_RANKS),
  author: z.string().nullable(),
  /** The current CITES listing as Species+ writes it: I, II, III, I/II, II/NC …; null when not listed. */
  appendix: z.string().nullable(),
  kingdom: z.string().nullable(),
  className: z.string().nullable(),
  orderName: z.string().nullable(),
  family: z.string().nullable(),
  genus: z.string().nullable(),
  isCitesAccepted: z.boolean(),
  commonNames: commonNamesSchema,
});
export type Taxon = z.infer<typeof taxonSchema>;

export const taxonDetailSchema = taxonSchema.extend({
  synonyms: z.array(z.string()),
  /** From the kingdom down to the parent. */
  lineage: z.array(z.object({ id: z.number().int(), name: z.string(), rank: z.enum(TAXON_RANKS) })),
});
export type TaxonDetail = z.infer<typeof taxonDetailSchema>;

/** How the resolver understood what a person wrote. */
export const MATCH_KINDS = ['accepted', 'synonym', 'genus_spp', 'common_name', 'near'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
export const suggestionSchema = z.object({
  taxon: taxonSchema,
  matchedName: z.string(),
  matchKind: z.enum(MATCH_KINDS),
  /** 1 for an exact match; for near misses the name similarity, 0..1. */
  score: z.number(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const resolutionSchema = z.object({
  input: z.string(),
  /** The taxon the input names without doubt, or null when only suggestions could be made. */
  match: suggestionSchema.nullable(),
  suggestions: z.array(suggestionSchema),
});
export type Resolution = z.infer<typeof resolutionSchema>;

export const taxonSearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  rank: z.enum(TAXON_RANKS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const taxonSearchResponseSchema = z.object({
  items: z.array(taxonSchema),
  nextCursor: z.string().nullable(),
  /** Present when q was given: what the resolver made of it. */
  resolution: resolutionSchema.nullable(),
});
export type TaxonSearchResponse = z.infer<typeof taxonSearchResponseSchema>;
