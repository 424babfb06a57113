/**
 * The formula guard: the one place that decides whether a text cell we write could run as a formula when the file
 * is opened in a spreadsheet (=HYPERLINK(…) sending data away, =cmd|… on old desktops). The CSV and XLSX writers of
 * this folder pass every text cell through it; nothing else in the platform writes spreadsheet cells.
 *
 * A cell is neutralised with a leading apostrophe, which spreadsheets show as plain text, when
 * - it starts with a tab or a carriage return (some programs drop them and read what follows), or
 * - its first character that is not white space is `=`, `+`, `-` or `@` once normalised: the full-width forms
 *   (＝ ＋ － ＠, U+FF01–U+FF5E), the small forms (﹦ ﹢ ﹣ ﹫), super- and subscript signs and the minus sign (U+2212)
 *   count as the sign they look like, because input methods type them and some spreadsheets read them as it.
 *   Leading white space does not hide a sign: programs that trim cells on import would uncover it.
 * Numbers are never passed here: the writers write them as numbers, so -5 stays the number -5.
 */

/** What a cell's first visible character may not be, after normalisation. */
const FORMULA_SIGNS = new Set(['=', '+', '-', '@']);

/** Characters NFKC leaves alone but that read as a sign all the same. */
const LOOKS_LIKE_SIGN: Record<string, string> = { '\u2212': '-' };

/** The first character that is not white space, as a code point (a surrogate pair stays whole). */
const FIRST_VISIBLE = /\S/u;

function isFormulaSign(character: string): boolean {
  const plain = LOOKS_LIKE_SIGN[character] ?? character.normalize('NFKC');
  return FORMULA_SIGNS.has(plain.charAt(0));
}

/** Whether a spreadsheet could take this text for a formula. */
export function startsFormula(text: string): boolean {
  const first = text.charAt(0);
  if (first === '\t' || first === '\r') return true;
  const visible = FIRST_VISIBLE.exec(text);
  if (visible === null) return false;
  // Only the one character is normalised: a cell of a million rows' export is not copied to be checked.
  const codePoint = String.fromCodePoint(text.codePointAt(visible.index)!);
  return isFormulaSign(codePoint);
}

/** The text as a spreadsheet must show it: with a leading apostrophe when it could start a formula. */
export function spreadsheetSafe(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}
