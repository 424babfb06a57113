/**
 * Quantities: a positive number, written with a decimal point or comma, with or without thousands separators
 * (",", ".", spaces, apostrophes), or in scientific notation (`2.5e3`). Which mark is the decimal one is the file's
 * convention (file-conventions.ts): `1.500` is read only when the file settles it, otherwise it is `ambiguous`.
 * Anything else ("400g each", "about 20") is an error; when a number can be read at the start, it is suggested.
 */
import { decimalMarkHint, type DecimalMark } from './file-conventions.ts';

export type QuantityResult =
  | { ok: true; value: number }
  | { ok: false; reason: 'invalid' | 'not_positive' | 'ambiguous'; suggestion: string | null };

/** The number a cell holds, `null` when it is not one, `'ambiguous'` when its reading needs the decimal mark. */
export function readNumber(text: string, mark: DecimalMark | null = null): number | null | 'ambiguous' {
  let t = text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  if (/^[-+]?\d+(?:\.\d+)?e[-+]?\d+$/i.test(t)) return Number(t);
  if (!/^[-+]?\d[\d.,]*$/.test(t)) return null;
  const hint = decimalMarkHint(t);
  const decimal = hint === 'ambiguous' ? mark : hint;
  if (hint === 'ambiguous' && decimal === null) return 'ambiguous';
  if (decimal === 'comma') t = t.replace(/\./g, '').replace(',', '.');
  else if (decimal === 'point') t = t.replace(/,/g, '');
  if ((t.match(/\./g) ?? []).length > 1 || t.includes(',')) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

export function parseQuantity(raw: string, mark: DecimalMark | null = null): QuantityResult {
  const value = readNumber(raw, mark);
  if (value === 'ambiguous') return { ok: false, reason: 'ambiguous', suggestion: null };
  if (value === null) {
    const leading = /^\s*(?:ca\.?|approx\.?|about|environ|aprox\.?|~)?\s*([\d][\d\s.,]*)/i.exec(raw);
    const guess = leading ? readNumber(leading[1]!.trim(), mark) : null;
    return {
      ok: false,
      reason: 'invalid',
      suggestion: typeof guess === 'number' && guess > 0 ? String(guess) : null,
    };
  }
  if (value <= 0) return { ok: false, reason: 'not_positive', suggestion: null };
  return { ok: true, value };
}
