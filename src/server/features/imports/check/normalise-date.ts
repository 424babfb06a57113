/**
 * Dates as Parties write them: dd/mm/yyyy (also with "." or "-"), ISO, Excel serial numbers, "18-Jan-09",
 * month and year ("03/2019", "2019-03", "March 2019", "mars 2019", "marzo 2019") and a year alone.
 */
import type { DateOrder } from './file-conventions.ts';

export type DatePrecision = 'day' | 'month' | 'year';

export type DateResult =
  | { ok: true; date: string; precision: DatePrecision }
  | { ok: false; suggestion: string | null; ambiguous?: true };

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'janvier', 'enero'],
  ['february', 'fevrier', 'febrero'],
  ['march', 'mars', 'marzo'],
  ['april', 'avril', 'abril'],
  ['may', 'mai', 'mayo'],
  ['june', 'juin', 'junio'],
  ['july', 'juillet', 'julio'],
  ['august', 'aout', 'agosto'],
  ['september', 'septembre', 'septiembre', 'setiembre'],
  ['october', 'octobre', 'octubre'],
  ['november', 'novembre', 'noviembre'],
  ['december', 'decembre', 'diciembre'],
];

/** A month name or its abbreviation (three letters or more) in EN/FR/ES → 1-12. */
export function monthOfName(text: string): number | null {
  const token = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (token.length < 3) return null;
  const found = new Set<number>();
  MONTH_NAMES.forEach((names, index) => {
    if (names.some((name) => name.startsWith(token))) found.add(index + 1);
  });
  return found.size === 1 ? [...found][0]! : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  // Two-digit years: 00-49 are this century, 50-99 the last one.
  return n < 50 ? 2000 + n : 1900 + n;
}

const day = (y: number, m: number, d: number): DateResult =>
  isRealDay(y, m, d)
    ? { ok: true, date: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' }
    : { ok: false, suggestion: isRealDay(y, d, m) ? `${pad(m)}/${pad(d)}/${y}` : null };

const month = (y: number, m: number): DateResult =>
  m >= 1 && m <= 12
    ? { ok: true, date: `${y}-${pad(m)}-01`, precision: 'month' }
    : { ok: false, suggestion: null };

/** Excel counts days from 1899-12-30 (it keeps Lotus's phantom 29 February 1900). */
function fromSerial(serial: number): DateResult {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return day(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** `yyyymmdd` between 1900 and 2100, a real day. */
const compact = (text: string): DateResult | null => {
  const m = /^(19\d{2}|20\d{2}|2100)(\d{2})(\d{2})$/.exec(text);
  return m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))
    ? day(Number(m[1]), Number(m[2]), Number(m[3]))
    : null;
};

/**
 * A date cell, with the file's date order (file-conventions.ts). A numeric date whose day and month could swap
 * (`2/3/2021`) is read only when the order is known; otherwise it is `ambiguous`. One that proves its own order
 * (`13/1/2021`, `1/13/2021`) is read the only way it can be.
 */
export function parseSeizureDate(raw: string, order: DateOrder | null = null): DateResult {
  const text = raw
    .trim()
    .replace(/\s+/g, ' ')
    // "15th March 2021", "1er mars 2021": the ordinal suffix says nothing more.
    .replace(/^(\d{1,2})(?:st|nd|rd|th|er|º|°)\b/i, '$1')
    // "15 de marzo de 2021"
    .replace(/^(\d{1,2}) de ([A-Za-zÀ-ÿ]+) de (\d{4})$/, '$1 $2 $3');
  let m: RegExpMatchArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text)))
    return day(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text))) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), fullYear(m[3]!)];
    const swappable = a !== b && a >= 1 && a <= 12 && b >= 1 && b <= 12;
    if (swappable && order === null) return { ok: false, suggestion: null, ambiguous: true };
    if (a > 12) return day(year, b, a);
    if (b > 12) return day(year, a, b);
    // Equal day and month read the same either way; out-of-range values are judged (and suggested) by day().
    return swappable && order === 'mdy' ? day(year, a, b) : day(year, b, a);
  }
  const whole = compact(text);
  if (whole) return whole;
  if ((m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text)))
    return day(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(text))) return month(Number(m[2]), Number(m[1]));
  if ((m = /^(\d{4})[/.-](\d{1,2})$/.exec(text))) return month(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{1,2})(?:er)?[ -]([A-Za-zÀ-ÿ]+\.?)[ ,-]+(\d{4}|\d{2})$/.exec(text))) {
    const monthNumber = monthOfName(m[2]!);
    if (monthNumber) return day(fullYear(m[3]!), monthNumber, Number(m[1]));
  }
  if ((m = /^([A-Za-zÀ-ÿ]+\.?)[ ,-]+(\d{1,2}),? (\d{4})$/.exec(text))) {
    const monthNumber = monthOfName(m[1]!);
    if (monthNumber) return day(Number(m[3]), monthNumber, Number(m[2]));
  }
  if ((m = /^([A-Za-zÀ-ÿ]+\.?)(?: de)?[ ,-]+(\d{4}|\d{2})$/.exec(text))) {
    const monthNumber = monthOfName(m[1]!);
    if (monthNumber) return month(fullYear(m[2]!), monthNumber);
  }
  if ((m = /^(\d{4})$/.exec(text))) {
    const year = Number(m[1]);
    if (year >= 1900 && year <= 2100) return { ok: true, date: `${year}-01-01`, precision: 'year' };
  }
  // Excel serial numbers: 1 is 1900-01-01; 20000-80000 covers 1954-2119, and nothing else looks like it.
  if (/^\d{5}(?:\.\d+)?$/.test(text)) {
    const serial = Number(text);
    if (serial >= 20_000 && serial <= 80_000) return fromSerial(serial);
  }
  return { ok: false, suggestion: null };
}
