/**
 * Reading country cells as real files write them, never cutting a name in silence: "City, Country" and
 * "Country, City", "Hong Kong SAR, China", ISO-style inverted names ("Korea, Republic of"), parentheses
 * ("Türkiye (Turkey)"), alpha-3 codes, former names (flagged), EN/FR/ES names, and demonyms for nationality.
 * A cell naming two countries where one is expected is reported as several, so the check can flag it; a list is
 * split on ";", ",", "/", "&", "and", "et", "y" only where each part is a country.
 */
import { ALPHA3, DEMONYMS, FORMER_NAMES, MORE_NAMES } from './country-names.data.ts';

export interface CountryFound {
  code: string;
  isRegion: boolean;
  /** The name as written is a former one (Zaire, Burma). */
  former: boolean;
}

/** A name or code → the country, `null` when the text is not one name (the reference table's lookup). */
export type CountryLookup = (text: string) => CountryFound | null;

export type OneCountry = { kind: 'one'; found: CountryFound } | { kind: 'several'; codes: string[] } | null;

export function looseCountryKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

const ALPHA3_CODES = new Map<string, string>();
{
  const tokens = ALPHA3.split(' ');
  for (let i = 0; i + 1 < tokens.length; i += 2) ALPHA3_CODES.set(tokens[i]!, tokens[i + 1]!);
}

/** Adds to a lookup the data module's names: alpha-3 (written in capitals), former and everyday names. */
export function withCountryData(
  byKey: (key: string) => CountryFound | null,
): (text: string) => CountryFound | null {
  const more = new Map(Object.entries(MORE_NAMES));
  const former = new Map(Object.entries(FORMER_NAMES));
  return (text) => {
    const trimmed = text.trim();
    if (/^[A-Z]{3}$/.test(trimmed)) {
      const code = ALPHA3_CODES.get(trimmed);
      if (code) return { code, isRegion: false, former: false };
    }
    const key = looseCountryKey(trimmed);
    if (key === '') return null;
    const found =
      byKey(key) ?? (more.has(key) ? { code: more.get(key)!, isRegion: false, former: false } : null);
    if (found) return found;
    return former.has(key) ? { code: former.get(key)!, isRegion: false, former: true } : null;
  };
}

/** Demonyms with their feminine and plural forms, keyed by looseCountryKey. */
export function demonymMap(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of DEMONYMS.trim().split('\n')) {
    const [code, ...languages] = line.split('|');
    for (const forms of languages)
      for (const form of forms.split(',')) {
        const base = looseCountryKey(form);
        const variants = [base, `${base}s`, `${base}e`, `${base}es`, `${base}ne`, `${base}nes`, `${base}a`];
        if (base.endsWith('o')) variants.push(`${base.slice(0, -1)}a`, `${base.slice(0, -1)}as`);
        if (base.endsWith('e')) variants.push(`${base}s`);
        for (const variant of [...variants, ...variants.map((v) => `${v}s`)])
          if (!map.has(variant)) map.set(variant, code!);
      }
  }
  return map;
}

const CONJUNCTIONS = /\s*(?:\/|&|\+|\band\b|\bet\b|\by\b)\s*/i;

/** One name, as written or in a form the table lacks: "(…)" either side, "X, Republic of" inverted. */
function named(lookup: CountryLookup, text: string): CountryFound | null {
  const direct = lookup(text);
  if (direct) return direct;
  const parens = /^(.*?)\s*\((.*)\)\s*$/.exec(text);
  if (parens) {
    const found = (parens[1] ? lookup(parens[1]) : null) ?? lookup(parens[2]!);
    if (found) return found;
  }
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(text);
  if (inverted) return lookup(`${inverted[2]} ${inverted[1]}`);
  return null;
}

/** One cell meant to hold one country: the country, or the several it names, or nothing known. */
export function readOneCountry(lookup: CountryLookup, raw: string, conjunctions = true): OneCountry {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const whole = named(lookup, text);
  if (whole) return { kind: 'one', found: whole };
  if (conjunctions) {
    const parts = text.split(CONJUNCTIONS).filter(Boolean);
    if (parts.length > 1) {
      const read = parts.map((part) => readOneCountry(lookup, part, false));
      if (read.every((r) => r?.kind === 'one')) {
        const found = read.map((r) => (r as { found: CountryFound }).found);
        const codes = [...new Set(found.map((f) => f.code))];
        return codes.length === 1 ? { kind: 'one', found: found[0]! } : { kind: 'several', codes };
      }
    }
  }
  // "City, Country", "Country, City", "Shenzhen, Hong Kong SAR, China": the parts (and neighbouring pairs) that
  // are countries; one country is the answer, two are several, none is unknown.
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length < 2) return null;
  const covered = new Set<number>();
  const found: CountryFound[] = [];
  for (let i = 0; i + 1 < parts.length; i += 1) {
    const pair = named(lookup, `${parts[i]}, ${parts[i + 1]}`);
    if (pair && parts.length > 2) {
      found.push(pair);
      covered.add(i).add(i + 1);
    }
  }
  parts.forEach((part, i) => {
    const one = covered.has(i) ? null : named(lookup, part);
    if (one) found.push(one);
  });
  const countries = found.filter((f) => !f.isRegion);
  const codes = [...new Set(countries.map((f) => f.code))];
  if (codes.length > 1) return { kind: 'several', codes };
  if (codes.length === 1) return { kind: 'one', found: countries[0]! };
  return found[0] ? { kind: 'one', found: found[0] } : null;
}

export interface ListReading {
  found: CountryFound[];
  unknown: string[];
}

/** A list cell: split on ";" and line breaks, then each piece read as one or several countries. */
export function readCountryList(lookup: CountryLookup, raw: string): ListReading {
  const found: CountryFound[] = [];
  const unknown: string[] = [];
  for (const piece of raw
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const read = readOneCountry(lookup, piece);
    if (read?.kind === 'one') found.push(read.found);
    else if (read?.kind === 'several')
      found.push(...read.codes.map((code) => ({ code, isRegion: false, former: false })));
    else unknown.push(piece);
  }
  return { found, unknown };
}
