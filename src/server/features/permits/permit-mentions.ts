/**
 * The permit numbers a seizure record names: those of its "Permit number" column (several may be written,
 * separated by ";", "," or new lines) and those its additional information introduces as a permit or certificate
 * number ("CITES export permit No. 21KE000123", "permis CITES n° FR2101234567-E", "permiso de exportación número
 * ES-AB-21/00345"). Free text is full of other numbers (invoices, flights, weights, case references, dates), so a
 * number counts only when it directly follows a permit or certificate word (with at most two qualifiers such as
 * "CITES" or "export" and a number marker such as "No." between them), holds digits, and is not a date. Pure; the
 * key is the registry's own (permitNumberKey).
 */
import { permitNumberKey, PERMIT_NUMBER_MAX } from '../../../shared/permits.contract.ts';

export interface PermitMention {
  /** As written in the record. */
  number: string;
  key: string;
  source: 'field' | 'text';
}

/** The shortest and longest key taken from free text: shorter is a count or a year, longer is not a number. */
const TEXT_KEY_MIN = 5;
const TEXT_KEY_MAX = 70;

const DOCUMENT = String.raw`(?:permits?|certificates?|permis|certificats?|permisos?|certificados?)(?![A-Za-z])`;
const QUALIFIER = String.raw`(?:cites|export|import|re-?export|origin|d['’](?:exportation|importation|origine)|de\s+r[ée]exportation|de\s+(?:re)?exportaci[oó]n|de\s+importaci[oó]n|de\s+origen)(?![A-Za-zé])`;
/** "No.", "Nos", "nr", "number", "numéro", "número", "ref", "n°", "#"; a word marker never runs into a word. */
const MARKER = String.raw`(?:(?:nos?|nr|num(?:bers?|[ée]ros?)?|n[úu]meros?|ref)\.?(?![A-Za-z])|n[°º]s?\.?|#)`;
/** A number: letters and digits, with single dashes, slashes or dots between them (no spaces: text follows). */
const NUMBER = String.raw`[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*`;
const SEPARATOR = String.raw`(?:\s*[,;&]\s*|\s+(?:and|et|y|e)\s+)`;
// A list goes on only with another number (one holding digits): "… 21KE1 and permit no. 21KE2" is two mentions.

const INTRODUCED = new RegExp(
  String.raw`\b${DOCUMENT}(?:\s+${QUALIFIER}){0,2}\s*(?:${MARKER}\s*)?[:=]?\s*(${NUMBER}(?:${SEPARATOR}(?=[A-Za-z0-9./-]*\d)${NUMBER})*)`,
  'giu',
);
const LIST_SPLIT = new RegExp(SEPARATOR, 'iu');

/** Day-month-year or year-month-day, however separated: a date, never a permit number. */
const DATE = /^(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/;

function plausibleNumber(candidate: string): boolean {
  const key = permitNumberKey(candidate);
  if (key.length < TEXT_KEY_MIN || key.length > TEXT_KEY_MAX) return false;
  if ((key.match(/\d/g) ?? []).length < 2) return false;
  return !DATE.test(candidate);
}

/** Numbers introduced as permit or certificate numbers in free text. */
export function permitNumbersInText(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(INTRODUCED)) {
    for (const part of match[1]!.split(LIST_SPLIT)) {
      // A sentence's full stop sticks to the last number ("…No. 21KE000123."): it is no part of it.
      const candidate = part.trim().replace(/[.]+$/, '');
      if (plausibleNumber(candidate)) found.push(candidate);
    }
  }
  return found;
}

/** The numbers of the record's "Permit number" column: everything written there is meant as a number. */
export function permitNumbersInField(cell: string): string[] {
  return cell
    .split(/[;,\n|]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && part.length <= PERMIT_NUMBER_MAX && permitNumberKey(part) !== '');
}

/** Every number the record names, once per key (the column's wording wins over the text's). */
export function permitMentionsOf(record: { field: string | null; text: string | null }): PermitMention[] {
  const byKey = new Map<string, PermitMention>();
  const add = (number: string, source: PermitMention['source']) => {
    const key = permitNumberKey(number);
    if (!byKey.has(key)) byKey.set(key, { number, key, source });
  };
  for (const number of permitNumbersInField(record.field ?? '')) add(number, 'field');
  for (const number of permitNumbersInText(record.text ?? '')) add(number, 'text');
  return [...byKey.values()];
}
