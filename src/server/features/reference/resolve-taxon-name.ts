/**
 * The name resolver: what a person wrote → a taxon of the checklist. It understands accepted names,
 * synonyms, "Genus spp.", higher taxa and common names in any case and spacing; for anything else it
 * ranks near misses ("Manis javanicus" → Manis javanica) as suggestions.
 */
import type { MatchKind, Resolution, Suggestion } from '../../../shared/reference.contract.ts';
import { normalizeName, splitSppSuffix } from '../../../shared/taxon-name.ts';
import type { Tx } from '../../db/with-actor.ts';
import { RANK_DEPTH } from './taxon-writer.ts';
import { findExactNames, findNearNames, type NameHit } from './taxa-query.repo.ts';
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

/** Keeps the best hit per taxon, in order. */
function distinctTaxa(hits: NameHit[]): NameHit[] {
  const seen = new Set<number>();
  return hits.filter((hit) => (seen.has(hit.taxon.id) ? false : (seen.add(hit.taxon.id), true)));
}

export async function resolveTaxonName(tx: Tx, input: string, limit = 5): Promise<Resolution> {
  const { base, isSpp } = splitSppSuffix(normalizeName(input));
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

  const near = distinctTaxa(await findNearNames(tx, base, limit)).slice(0, limit);
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
