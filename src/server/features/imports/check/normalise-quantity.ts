/**
 * Quantities: a positive number, written with a decimal point or comma and with or without thousands separators.
 * Anything else ("400g each", "about 20") is an error; when a number can be read at the start, it is suggested.
 */
export type QuantityResult =
  { ok: true; value: number } | { ok: false; reason: 'invalid' | 'not_positive'; suggestion: string | null };

export function readNumber(text: string): number | null {
  let t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[-+]?[\d.,]+$/.test(t)) return null;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the one written last is the decimal mark.
    t = lastComma > lastDot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // "1,234" and "1,234,567" are thousands; "2,5" is a decimal comma.
    t = /^[-+]?\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
  } else if ((t.match(/\./g) ?? []).length > 1) {
    t = t.replace(/\./g, '');
  }
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

export function parseQuantity(raw: string): QuantityResult {
  const value = readNumber(raw);
  if (value === null) {
    const leading = /^\s*(?:ca\.?|approx\.?|about|environ|aprox\.?|~)?\s*([\d][\d\s.,]*)/i.exec(raw);
    const guess = leading ? readNumber(leading[1]!.trim()) : null;
    return { ok: false, reason: 'invalid', suggestion: guess !== null && guess > 0 ? String(guess) : null };
  }
  if (value <= 0) return { ok: false, reason: 'not_positive', suggestion: null };
  return { ok: true, value };
}
