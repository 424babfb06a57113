/**
 * The reference data an import checks against, loaded once per import: countries (ISO codes and names in
 * EN/FR/ES plus the alias list), CITES terms and units (codes and labels in EN/FR/ES plus unit abbreviations),
 * and species through the checklist resolver, each distinct name resolved once however many rows carry it.
 */
import type { Taxon } from '../../../../shared/reference.contract.ts';
import { normalizeName } from '../../../../shared/taxon-name.ts';
import type { Tx } from '../../../db/with-actor.ts';
import { isElephantTaxon } from '../../reference/index.ts';
import { resolveTaxonName } from '../../reference/index.ts';
import { COUNTRY_ALIASES, REGION_NAMES } from './country-aliases.ts';
import { demonymMap, withCountryData, type CountryLookup } from './country-reader.ts';
import { selectCountryNames, selectTermsAndUnits } from './import-reference.repo.ts';
import { UNIT_ALIASES } from './term-units.ts';

/** Lower case, no accents, punctuation as spaces: "Côte d'Ivoire" → "cote d ivoire". */
export function looseKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

export interface CodeInfo {
  code: string;
  label: string;
  baseUnit: string | null;
  factor: number | null;
}

export type SpeciesResult =
  { ok: true; taxon: Taxon; isElephant: boolean } | { ok: false; suggestion: string | null };

export interface ImportReference {
  /** One name or code (ISO alpha-2/alpha-3, EN/FR/ES, aliases, former names flagged). */
  country: CountryLookup;
  /** The same, or a demonym in EN/FR/ES ("Chinese", "vietnamienne", "marroquí"). */
  nationality: CountryLookup;
  countryNames: ReadonlyMap<string, string>;
  term(text: string): CodeInfo | null;
  /** A unit code; `null` code means "number of specimens" (a blank or "number" unit). */
  unit(text: string): CodeInfo | null;
  termLabel(code: string): string;
  /** Resolves the names not seen yet (call before species()). */
  resolveSpecies(tx: Tx, names: Iterable<string>): Promise<void>;
  species(name: string): SpeciesResult;
}

const COUNT: CodeInfo = { code: '', label: 'number of specimens', baseUnit: 'count', factor: 1 };

export async function loadImportReference(tx: Tx): Promise<ImportReference> {
  const countries = await selectCountryNames(tx);
  const countryByKey = new Map<string, string>();
  const countryNames = new Map<string, string>();
  for (const c of countries) {
    const code = c.code.trim();
    countryNames.set(code, c.name_en);
    for (const name of [c.name_en, c.name_fr, c.name_es]) {
      countryByKey.set(looseKey(name), code);
      // "Bolivia (Plurinational State of)" is also "Bolivia"; "China, Hong Kong SAR" also "China Hong Kong SAR".
      const short = looseKey(name.replace(/\(.*\)/, ''));
      if (!countryByKey.has(short)) countryByKey.set(short, code);
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) countryByKey.set(alias, code);

  const codes = await selectTermsAndUnits(tx);
  const terms = new Map<string, CodeInfo>();
  const units = new Map<string, CodeInfo>();
  const termLabels = new Map<string, string>();
  for (const row of codes) {
    const info: CodeInfo = {
      code: row.code,
      label: row.label_en,
      baseUnit: row.base_unit,
      factor: row.factor === null ? null : Number(row.factor),
    };
    const target = row.kind === 'term' ? terms : units;
    if (row.kind === 'term') termLabels.set(row.code, row.label_en);
    target.set(row.code.toLowerCase(), info);
    for (const label of [row.label_en, row.label_fr, row.label_es]) {
      const key = looseKey(label);
      if (!target.has(key)) target.set(key, info);
      // Singular of a plural label: "tusks" → "tusk", "écailles" → "écaille".
      const singular = key.replace(/(?<=[a-z]{3})(e?s)$/, '');
      if (!target.has(singular)) target.set(singular, info);
      const singularS = key.replace(/(?<=[a-z]{3})s$/, '');
      if (!target.has(singularS)) target.set(singularS, info);
    }
  }
  for (const [alias, code] of Object.entries(UNIT_ALIASES)) {
    const info = code === '' ? COUNT : units.get(code.toLowerCase());
    if (info && !units.has(alias)) units.set(alias, info);
  }

  const speciesByName = new Map<string, SpeciesResult>();
  const speciesKey = (name: string) => normalizeName(name);

  const country = withCountryData((key) => {
    if (REGION_NAMES.has(key)) return { code: 'XX', isRegion: true, former: false };
    const upper = key.toUpperCase();
    if (/^[A-Z]{2}$/.test(upper) && countryNames.has(upper))
      return { code: upper, isRegion: false, former: false };
    const code = countryByKey.get(key);
    return code ? { code, isRegion: code === 'XX', former: false } : null;
  });
  const demonyms = demonymMap();
  const nationality: CountryLookup = (text) => {
    const code = demonyms.get(looseKey(text));
    return country(text) ?? (code ? { code, isRegion: false, former: false } : null);
  };

  return {
    country,
    nationality,
    countryNames,
    term(text) {
      const key = looseKey(text);
      return terms.get(key) ?? null;
    },
    unit(text) {
      const key = looseKey(text.replace(/³/g, '3').replace(/²/g, '2'));
      if (key === '') return COUNT;
      return units.get(key) ?? null;
    },
    termLabel: (code) => termLabels.get(code) ?? code,
    async resolveSpecies(tx2, names) {
      for (const name of names) {
        const key = speciesKey(name);
        if (key === '' || speciesByName.has(key)) continue;
        const resolution = await resolveTaxonName(tx2, name, 3);
        const match = resolution.match;
        if (match && match.matchKind !== 'near') {
          speciesByName.set(key, { ok: true, taxon: match.taxon, isElephant: isElephantTaxon(match.taxon) });
        } else {
          const best = match ?? resolution.suggestions[0];
          speciesByName.set(key, { ok: false, suggestion: best ? best.taxon.name : null });
        }
      }
    },
    species(name) {
      return speciesByName.get(speciesKey(name)) ?? { ok: false, suggestion: null };
    },
  };
}
