/**
 * How a file writes its dates and numbers, decided once per file and never guessed: `2/3/2021` is 2 March in a file
 * whose other dates are day-first (`13/1/2021`) and 3 February in one whose dates are month-first (`1/13/2021`);
 * `1.500` is one and a half in a file that writes `2.75` and fifteen hundred in one that writes `1.500,25`.
 * A file that shows one convention is read that way (the review says so); one that shows both or none leaves the
 * choice to the reviewer (or the command's option) for the whole file, and each value that depends on it is a
 * blocking problem until then.
 */
export type DateOrder = 'dmy' | 'mdy';
/** Which mark separates decimals: "point" (1,500.25) or "comma" (1.500,25). */
export type DecimalMark = 'point' | 'comma';

export interface FileConventions {
  dateOrder: DateOrder | null;
  decimalMark: DecimalMark | null;
}

export const NO_CONVENTIONS: FileConventions = { dateOrder: null, decimalMark: null };

/** What a file's cells show: how many dates prove each order, how many numbers prove each mark, and the unsettled. */
export interface ConventionEvidence {
  dayFirst: number;
  monthFirst: number;
  ambiguousDates: number;
  pointDecimal: number;
  commaDecimal: number;
  ambiguousNumbers: number;
  /** First examples, for the message that asks the question. */
  ambiguousDateExample: string | null;
  ambiguousNumberExample: string | null;
}

export function emptyEvidence(): ConventionEvidence {
  return {
    dayFirst: 0,
    monthFirst: 0,
    ambiguousDates: 0,
    pointDecimal: 0,
    commaDecimal: 0,
    ambiguousNumbers: 0,
    ambiguousDateExample: null,
    ambiguousNumberExample: null,
  };
}

/** `a/b/yyyy` (or with "." or "-") where both a and b could be a day or a month. */
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** What a date cell says about the order: proof of one, ambiguous, or nothing (ISO, month names, serials). */
export function dateOrderHint(raw: string): 'dmy' | 'mdy' | 'ambiguous' | null {
  const m = NUMERIC_DATE.exec(raw.trim());
  if (!m) return null;
  const first = Number(m[1]);
  const second = Number(m[2]);
  if (first > 12 && second >= 1 && second <= 12) return 'dmy';
  if (second > 12 && first >= 1 && first <= 12) return 'mdy';
  if (first === second || first < 1 || second < 1 || first > 12 || second > 12) return null;
  return 'ambiguous';
}

/**
 * What a number cell says about the decimal mark. `1.500,25` and `2,5` prove a comma, `1,500.25` and `2.75` a
 * point; `1.500` and `12,000` (one mark, three digits after) read differently under each: ambiguous.
 */
export function decimalMarkHint(raw: string): DecimalMark | 'ambiguous' | null {
  const t = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[-+]?\d[\d.,]*$/.test(t)) return null;
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  if (dots > 0 && commas > 0) return t.lastIndexOf(',') > t.lastIndexOf('.') ? 'comma' : 'point';
  if (dots + commas === 0) return null;
  if (dots > 1) return 'comma';
  if (commas > 1) return 'point';
  const mark = dots === 1 ? '.' : ',';
  const [before, after] = t.replace(/^[-+]/, '').split(mark) as [string, string];
  if (after.length === 3 && before.length <= 3 && before !== '0') return 'ambiguous';
  return mark === '.' ? 'point' : 'comma';
}

export function addDateEvidence(evidence: ConventionEvidence, raw: string): void {
  const hint = dateOrderHint(raw);
  if (hint === 'dmy') evidence.dayFirst += 1;
  else if (hint === 'mdy') evidence.monthFirst += 1;
  else if (hint === 'ambiguous') {
    evidence.ambiguousDates += 1;
    evidence.ambiguousDateExample ??= raw.trim();
  }
}

export function addNumberEvidence(evidence: ConventionEvidence, raw: string): void {
  const hint = decimalMarkHint(raw);
  if (hint === 'point') evidence.pointDecimal += 1;
  else if (hint === 'comma') evidence.commaDecimal += 1;
  else if (hint === 'ambiguous') {
    evidence.ambiguousNumbers += 1;
    evidence.ambiguousNumberExample ??= raw.trim();
  }
}

/** The conventions a file settles by itself: exactly one order (or mark) proven, none contradicted. */
export function settledConventions(evidence: ConventionEvidence): FileConventions {
  const one = <T>(a: number, b: number, ifA: T, ifB: T): T | null =>
    a > 0 && b === 0 ? ifA : b > 0 && a === 0 ? ifB : null;
  return {
    dateOrder: one(evidence.dayFirst, evidence.monthFirst, 'dmy', 'mdy'),
    decimalMark: one(evidence.pointDecimal, evidence.commaDecimal, 'point', 'comma'),
  };
}

/** Whether the file leaves a question open: ambiguous values without a settled (or chosen) convention. */
export function openQuestions(evidence: ConventionEvidence, chosen: FileConventions) {
  return {
    dateOrder: evidence.ambiguousDates > 0 && chosen.dateOrder === null,
    decimalMark: evidence.ambiguousNumbers > 0 && chosen.decimalMark === null,
  };
}
