/**
 * Reading a Species+ "Index of CITES Species" CSV export: its columns, and how a row becomes a
 * taxon candidate with its place in the tree. Pure functions; the import use case does the writing.
 */
import { RANK_DEPTH, type TaxonCandidate } from './taxon-writer.ts';

export const REQUIRED_COLUMNS = ['TaxonId', 'Kingdom', 'Genus', 'FullName', 'RankName'] as const;

export type SpeciesPlusRow = Record<string, string | undefined>;

const LEVELS = [
  ['KINGDOM', 'Kingdom'],
  ['PHYLUM', 'Phylum'],
  ['CLASS', 'Class'],
  ['ORDER', 'Order'],
  ['FAMILY', 'Family'],
  ['GENUS', 'Genus'],
] as const;

const value = (row: SpeciesPlusRow, column: string) => (row[column] ?? '').trim();
const orNull = (text: string) => (text === '' ? null : text);

/** "Malayan Pangolin, Sunda Pangolin" → two names. */
export function splitCommaList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * "Astrea echinata Dana, 1846, Prionastrea echinata (Dana, 1846)" → ["Astrea echinata", "Prionastrea
 * echinata"]. A new synonym starts after a comma with a capitalised genus followed by a lower-case
 * epithet; the name is the genus and the lower-case words after it, up to the author.
 */
export function parseSynonyms(text: string | undefined): string[] {
  const pieces = (text ?? '').split(/,\s+(?=[A-Z][a-z-]+\s+(?:\([A-Z][a-z]+\)\s+)?[a-z])/);
  const names: string[] = [];
  for (const piece of pieces) {
    const tokens = piece.trim().split(/\s+/);
    const genus = tokens[0];
    if (!genus || !/^[A-Z][a-z-]+$/.test(genus)) continue;
    const nameTokens = [genus];
    for (const token of tokens.slice(1)) {
      if (/^\([A-Z][a-z]+\)$/.test(token) && nameTokens.length === 1) continue; // a subgenus in brackets
      if (!/^[a-z][a-z-]*\.?$/.test(token)) break;
      nameTokens.push(token);
    }
    if (nameTokens.length >= 2) names.push(nameTokens.join(' '));
  }
  return [...new Set(names)];
}

export interface PlacedRow {
  candidate: TaxonCandidate;
  /** Higher taxa named in the row's columns, from the kingdom down, each with its own parent. */
  ancestors: TaxonCandidate[];
}

/** Turns a valid row into a candidate; returns the reason when the row cannot be used. */
export function placeRow(row: SpeciesPlusRow): PlacedRow | { reason: string } {
  const rank = value(row, 'RankName').toUpperCase();
  const depth = RANK_DEPTH[rank];
  if (depth === undefined) return { reason: `RankName "${value(row, 'RankName')}" is not a known rank` };
  const name = value(row, 'FullName');
  if (name === '') return { reason: 'FullName is empty' };
  const plusId = Number(value(row, 'TaxonId'));
  if (!Number.isInteger(plusId) || plusId <= 0)
    return { reason: `TaxonId "${value(row, 'TaxonId')}" is not a positive whole number` };

  const levels: { rank: string; name: string }[] = LEVELS.map(([levelRank, column]) => ({
    rank: levelRank,
    name: value(row, column),
  }));
  if (value(row, 'Genus') !== '' && value(row, 'Species') !== '') {
    levels.push({ rank: 'SPECIES', name: `${value(row, 'Genus')} ${value(row, 'Species')}` });
  }
  const above = levels.filter(
    (level) => level.name !== '' && RANK_DEPTH[level.rank]! < depth && level.name !== name,
  );

  const kingdom = value(row, 'Kingdom');
  if (kingdom === '') return { reason: 'Kingdom is empty' };
  const classification = (upTo: number) => ({
    kingdom,
    phylum: upTo >= 1 ? orNull(value(row, 'Phylum')) : null,
    class_name: upTo >= 2 ? orNull(value(row, 'Class')) : null,
    order_name: upTo >= 3 ? orNull(value(row, 'Order')) : null,
    family: upTo >= 4 ? orNull(value(row, 'Family')) : null,
    genus: upTo >= 6 ? orNull(value(row, 'Genus')) : null,
  });
  const ancestors: TaxonCandidate[] = above.map((level, index) => ({
    fields: {
      speciesplus_id: null,
      name: level.name,
      rank: level.rank,
      author: null,
      appendix: null,
      ...classification(RANK_DEPTH[level.rank]!),
      is_cites_accepted: true,
      distribution: [],
      source: 'implied',
    },
    parentName: index === 0 ? null : above[index - 1]!.name,
    synonyms: [],
    commonNames: { en: [], fr: [], es: [] },
  }));
  const candidate: TaxonCandidate = {
    fields: {
      speciesplus_id: plusId,
      name,
      rank,
      author: orNull(value(row, 'AuthorYear')),
      appendix: orNull(value(row, 'CurrentListing')),
      ...classification(depth),
      is_cites_accepted: value(row, 'CitesAccepted').toLowerCase() === 'true',
      distribution: splitCommaList(row.All_DistributionISOCodes),
      source: 'speciesplus',
    },
    parentName: above.length > 0 ? above[above.length - 1]!.name : null,
    synonyms: parseSynonyms(row.SynonymsWithAuthors).filter((synonym) => synonym !== name),
    commonNames: {
      en: splitCommaList(row.EnglishNames),
      fr: splitCommaList(row.FrenchNames),
      es: splitCommaList(row.SpanishNames),
    },
  };
  return { candidate, ancestors };
}
