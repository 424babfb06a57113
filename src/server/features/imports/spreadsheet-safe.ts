/**
 * Formula injection: a cell we write that starts with =, +, -, @, a tab or a carriage return would run as a
 * formula when the file is opened in a spreadsheet (=HYPERLINK(…) sending data away). Every CSV and XLSX cell the
 * platform writes goes through here and gets a leading apostrophe, which spreadsheets show as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
