/**
 * The name resolver: what a person wrote → a taxon of the checklist. It understands accepted names,
 * synonyms, "Genus spp.", higher taxa and common names in any case and spacing; for anything else it
 * ranks near misses ("Manis javanicus" → Manis javanica) as suggestions.
 */
import type { MatchKind, Resolution, Suggestion } from '../../../shared/reference.contract.ts';
import { normalizeName, splitSppSuffix } from '../../../shared/taxon-name.ts';
import type { Tx } from '../../db/with-actor.ts';
import { RANK_DEPTH } from './taxon-writer.ts';
import { findExactNames, findNearNames, kingdomsNamed, type NameHit } from './taxa-query.repo.ts';
import { toTaxa } from './taxon-view.ts';

/** A near miss is taken as the match only when it is both close and clearly ahead of the next. */
const NEAR_MATCH_MIN_SCORE = 0.6;
const NEAR_MATCH_MIN_LEAD = 0.1;

function kindOf(hit: NameHit, isSpp: boolean): MatchKind {
  if (isSpp && RANK_DEPTH[hit.taxon.rank]! <= RANK_DEPTH.GENUS!) return 'genus_spp';
  if (hit.kind === 'accepted') return 'accepted';
  if (hit.kind === 'synonym') return 'synonym';
  return 'common_name';
}

/** Cells that say there is no name: no near name is offered for them ("NA" is not a snake). */
const NOT_A_NAME = new Set([
  'na',
  'n/a',
  'n.a.',
  'nil',
  'none',
  'unknown',
  'unidentified',
  'other',
  'others',
  'various',
  'mixed',
  'not known',
  'inconnu',
  'inconnue',
  'desconocido',
  'desconocida',
  'otro',
  'otros',
  'autre',
  'autres',
]);
/** Shorter inputs share too few trigrams with any name for a near miss to mean anything. */
const MIN_NEAR_LENGTH = 4;

/** Product words that say which kingdom the specimens come from ("pangolin scales", "rosewood logs"). */
const ANIMAL_WORDS =
  /\b(ivory|ivoire|marfil|horns?|cornes?|cuernos?|scales?|ecailles?|escamas?|skins?|peaux?|pieles?|meat|viande|carne|bushmeat|tusks?|shells?|fins?|ailerons?|aletas?|bones?|teeth|claws?|feathers?|leather|cuir|cuero|bile|caviar|eggs?)\b/;
const PLANT_WORDS =
  /\b(wood|timber|logs?|bois|madera|planks?|bark|ecorce|corteza|roots?|racines?|raices?|seeds?|graines?|semillas?|leaves|feuilles|hojas|orchids?|orchidees?|orquideas?|cacti|cactus|agarwood|rosewood)\b/;

/**
 * The kingdoms a suggestion may come from: the one a product word names, else those of the genus the input starts
 * with (when it is a known genus or higher taxon), else none known (then the best suggestion's kingdom decides).
 */
async function kingdomsOf(tx: Tx, base: string): Promise<string[]> {
  if (ANIMAL_WORDS.test(base)) return ['Animalia'];
  if (PLANT_WORDS.test(base)) return ['Plantae'];
  const words = base.split(' ');
  return words.length > 1 ? kingdomsNamed(tx, words[0]!) : [];
}

/**
 * The name without its author and year: "Manis javanica Desmarest, 1822", "Python reticulatus (Schneider, 1801)",
 * "Aloe vera L." name the taxon the checklist lists without them. An author starts at a parenthesis, a year, or —
 * in a name written as science writes it (Genus capitalised, epithet not) — a capitalised word after the epithet.
 */
export function withoutAuthor(input: string): string {
  const words = input.trim().split(/\s+/);
  const isScientificCase = /^[A-Z][a-z-]+$/.test(words[0] ?? '') && /^[a-z-]+\.?$/.test(words[1] ?? '');
  const end = words.findIndex(
    (word, i) =>
      i >= 1 &&
      (/^[([]/.test(word) ||
        /^\d{4}\)?,?$/.test(word) ||
        (isScientificCase && i >= 2 && /^[A-Z]/.test(word))),
  );
  return end === -1 ? input : words.slice(0, end).join(' ');
}

/** Near matching looks at this many words at most: a longer cell is a description, and costs the index more. */
const NEAR_MAX_WORDS = 4;

/** Keeps the best hit per taxon, in order. */
function distinctTaxa(hits: NameHit[]): NameHit[] {
  const seen = new Set<number>();
  return hits.filter((hit) => (seen.has(hit.taxon.id) ? false : (seen.add(hit.taxon.id), true)));
}

export async function resolveTaxonName(tx: Tx, input: string, limit = 5): Promise<Resolution> {
  const { base, isSpp } = splitSppSuffix(normalizeName(withoutAuthor(input)));
  if (base === '') return { input, match: null, suggestions: [] };

  const exact = distinctTaxa(await findExactNames(tx, base));
  if (exact.length > 0) {
    const views = await toTaxa(
      tx,
      exact.map((hit) => hit.taxon),
    );
    const suggestions: Suggestion[] = exact.map((hit, i) => ({
      taxon: views[i]!,
      matchedName: hit.name,
      matchKind: kindOf(hit, isSpp),
      score: 1,
    }));
    // A scientific name names one taxon; a common name shared by several taxa names none for sure.
    const scientific = suggestions.filter((s) => s.matchKind !== 'common_name');
    if (scientific.length > 0)
      return { input, match: scientific[0]!, suggestions: suggestions.slice(1, limit + 1) };
    if (suggestions.length === 1) return { input, match: suggestions[0]!, suggestions: [] };
    return { input, match: null, suggestions: suggestions.slice(0, limit) };
  }

  if (base.replace(/[^a-z]/g, '').length < MIN_NEAR_LENGTH || NOT_A_NAME.has(base))
    return { input, match: null, suggestions: [] };
  // Never across kingdoms: a misspelt animal is not offered as a plant, nor the other way round.
  const nearBase = base.split(' ').slice(0, NEAR_MAX_WORDS).join(' ');
  const hits = distinctTaxa(await findNearNames(tx, nearBase, limit));
  const known = await kingdomsOf(tx, base);
  const kingdoms = known.length > 0 ? known : hits.slice(0, 1).map((hit) => hit.taxon.kingdom);
  const near = hits.filter((hit) => kingdoms.includes(hit.taxon.kingdom)).slice(0, limit);
  const views = await toTaxa(
    tx,
    near.map((hit) => hit.taxon),
  );
  const suggestions: Suggestion[] = near.map((hit, i) => ({
    taxon: views[i]!,
    matchedName: hit.name,
    matchKind: 'near',
    score: Math.round(hit.score * 1000) / 1000,
  }));
  const [best, second] = suggestions;
  const isClearWinner =
    best !== undefined &&
    best.score >= NEAR_MATCH_MIN_SCORE &&
    (second === undefined || best.score - second.score >= NEAR_MATCH_MIN_LEAD);
  return isClearWinner
    ? { input, match: best, suggestions: suggestions.slice(1) }
    : { input, match: null, suggestions };
}
