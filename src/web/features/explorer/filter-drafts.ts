/**
 * What a typed filter field's draft is applied as: '' removes the filter, null means "not a value yet, wait"
 * (the contract would reject it, and the page would then warn about a filter the reader is still typing).
 */

/** Free text: trimmed; the contract needs at least two characters. */
export const SEARCH_TEXT_MIN = 2;
export const SEARCH_TEXT_MAX = 200;

export function searchTextOf(draft: string): string | null {
  const text = draft.trim();
  if (text === '') return '';
  return text.length >= SEARCH_TEXT_MIN ? text.slice(0, SEARCH_TEXT_MAX) : null;
}

/**
 * An ISO date from a date input. While the year is typed digit by digit a native date input reports years such
 * as 0002 and 0020; those are waited out rather than searched.
 */
export function isoDateOf(draft: string): string | null {
  if (draft === '') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(draft);
  if (!match || Number(match[1]) < 1000) return null;
  const date = new Date(`${draft}T00:00:00Z`);
  // 2021-02-30 is not a day (Date would roll it over to March).
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(draft) ? draft : null;
}

/** A quantity bound: a number ≥ 0, written the way the URL carries it ("1.5", not "1.50"). */
export function quantityOf(draft: string): string | null {
  const text = draft.trim();
  if (text === '') return '';
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? String(value) : null;
}
