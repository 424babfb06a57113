/**
 * How taxon names are displayed: botanical and zoological convention italicises genus and lower ranks only.
 */
import type { Language } from '../../../shared/languages.ts';
import { TAXON_RANKS, type Taxon, type TaxonRank } from '../../../shared/reference.contract.ts';

const GENUS_INDEX = TAXON_RANKS.indexOf('GENUS');

export function isItalicRank(rank: TaxonRank): boolean {
  return TAXON_RANKS.indexOf(rank) >= GENUS_INDEX;
}

export interface DisplayedCommonName {
  name: string;
  /** The language the name is in: the reader's, or English when the reader's has none. */
  language: Language;
}

/** The first common name in the reader's language, else the first English one, else none. */
export function pickCommonName(
  commonNames: Taxon['commonNames'],
  language: Language,
): DisplayedCommonName | null {
  const own = commonNames[language][0];
  if (own !== undefined) return { name: own, language };
  const english = commonNames.en[0];
  return english === undefined ? null : { name: english, language: 'en' };
}
