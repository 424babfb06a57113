/**
 * How names are compared: lower case, accents removed, punctuation spacing folded. Shared so the web
 * app highlights the same matches the server finds.
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

const SPP_SUFFIX = /\s+(spp|sp|ssp|species)\.?$/;

/** "Manis spp." → { base: "manis", isSpp: true }; the suffix means "any species of" the genus. */
export function splitSppSuffix(normalized: string): { base: string; isSpp: boolean } {
  const base = normalized.replace(SPP_SUFFIX, '');
  return { base, isSpp: base !== normalized };
}
