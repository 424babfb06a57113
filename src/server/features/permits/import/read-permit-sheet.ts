/**
 * The permit list as CSV or XLSX (the documented layout, `GET /api/v1/permits/template.csv`): one row per permit
 * line; the permit's boxes are written on its first row and may be repeated or left empty on its next rows (rows
 * with the same permit number, one after the other, are one permit). Headers are matched without regard to case,
 * spaces or punctuation, so "Valid until" and "valid_until" are one column. Read through the shared spreadsheet
 * toolkit (type by content, formulas never evaluated).
 */
import { openSpreadsheet } from '../../../lib/spreadsheets/open-spreadsheet.ts';
import type { PermitDraft, PermitLineDraft } from './permit-draft.ts';

/** The layout's columns, in template order, with the box of the standard form each holds. */
export const PERMIT_SHEET_COLUMNS = [
  ['Permit number', 'box 1: as issued'],
  ['Type', 'box 1: E export, R re-export, I import, O other certificate'],
  ['Issuing country', 'box 6: ISO code of the issuing Party (the Party the file is imported for)'],
  ['Issued on', 'box 13: YYYY-MM-DD'],
  ['Valid from', 'box 2: YYYY-MM-DD'],
  ['Valid until', 'box 2: YYYY-MM-DD (required)'],
  ['Importer', 'box 3: name'],
  ['Importer address', 'box 3: address'],
  ['Importer country', 'box 3a: ISO code'],
  ['Exporter', 'box 4: name'],
  ['Exporter address', 'box 4: address'],
  ['Exporter country', 'box 4: ISO code'],
  ['Special conditions', 'box 5'],
  ['Purpose', 'box 5a: CITES purpose code (T, Z, S …)'],
  ['Security stamp', 'box 5b: security stamp number'],
  ['Issuing authority', 'box 6: Management Authority name and address'],
  ['Species', 'box 7: scientific name (checked against the CITES checklist)'],
  ['Common name', 'box 8'],
  ['Description', 'box 9: description of the specimens'],
  ['Term', 'box 9: CITES term code (TUS, SKI, LIV …)'],
  ['Appendix', 'box 10: I, II or III'],
  ['Source', 'box 10: CITES source code (W, C, D …)'],
  ['Quantity', 'box 11: a number above zero'],
  ['Unit', 'box 11: CITES unit code (KIL, PCS …); empty means number of specimens'],
  ['Origin country', 'box 12: ISO code'],
  ['Origin permit', 'box 12: permit number'],
  ['Re-export country', 'box 12a: ISO code'],
  ['Re-export certificate', 'box 12a: certificate number'],
  ['Transport document', 'box 15: bill of lading or air waybill number'],
] as const;
type ColumnName = (typeof PERMIT_SHEET_COLUMNS)[number][0];

const keyOf = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, '');
const COLUMN_BY_KEY = new Map<string, ColumnName>(PERMIT_SHEET_COLUMNS.map(([name]) => [keyOf(name), name]));

/** The header recogniser (a module export, so the toolkit may load it in a worker for large workbooks). */
export function isPermitSheetHeader(values: string[]): boolean {
  const keys = new Set(values.map(keyOf));
  return keys.has(keyOf('Permit number')) && keys.has(keyOf('Species')) && keys.has(keyOf('Quantity'));
}

const BATCH_ROWS = 500;

export async function readPermitSheet(
  bytes: Buffer,
): Promise<{ kind: 'csv' | 'xlsx'; drafts: PermitDraft[] }> {
  const sheet = await openSpreadsheet(
    bytes,
    { isHeader: isPermitSheetHeader, module: { url: import.meta.url, exportName: 'isPermitSheetHeader' } },
    BATCH_ROWS,
  );
  const columns = sheet.header.map((header) => COLUMN_BY_KEY.get(keyOf(header)) ?? null);
  const drafts: PermitDraft[] = [];
  let current: PermitDraft | null = null;
  try {
    for await (const raw of sheet.rows) {
      const cells = new Map<ColumnName, string>();
      columns.forEach((column, i) => {
        const value = raw.values[i]?.trim() ?? '';
        if (column && value !== '') cells.set(column, value);
      });
      if (cells.size === 0) continue;
      const cell = (name: ColumnName) => cells.get(name) ?? null;
      const number = cell('Permit number');
      // A row without a number, or with the number of the permit above, adds a line to that permit.
      if (current === null || (number !== null && number !== current.number)) {
        current = permitOf(raw.rowNumber, cell);
        drafts.push(current);
      }
      current.lines.push(lineOf(raw.rowNumber, cell));
    }
  } finally {
    await sheet.close();
  }
  return { kind: sheet.kind, drafts };
}

function permitOf(row: number, cell: (name: ColumnName) => string | null): PermitDraft {
  return {
    row,
    number: cell('Permit number'),
    type: cell('Type'),
    isCopy: null,
    issuedOn: cell('Issued on'),
    validFrom: cell('Valid from'),
    validUntil: cell('Valid until'),
    importer: {
      name: cell('Importer'),
      address: cell('Importer address'),
      country: cell('Importer country'),
    },
    exporter: {
      name: cell('Exporter'),
      address: cell('Exporter address'),
      country: cell('Exporter country'),
    },
    specialConditions: cell('Special conditions'),
    purposeCode: cell('Purpose'),
    securityStamp: cell('Security stamp'),
    issuingAuthority: cell('Issuing authority'),
    issuingCountry: cell('Issuing country'),
    issuedPlace: null,
    transportDocument: cell('Transport document'),
    lines: [],
  };
}

function lineOf(row: number, cell: (name: ColumnName) => string | null): PermitLineDraft {
  return {
    row,
    taxonName: cell('Species'),
    commonName: cell('Common name'),
    description: cell('Description'),
    termCode: cell('Term'),
    appendix: cell('Appendix'),
    sourceCode: cell('Source'),
    quantity: cell('Quantity'),
    unitCode: cell('Unit'),
    originCountry: cell('Origin country'),
    originPermit: cell('Origin permit'),
    reexportCountry: cell('Re-export country'),
    reexportPermit: cell('Re-export certificate'),
  };
}

/** The template: the header row and one example permit of two lines. */
export function permitTemplateRows(): string[][] {
  const header = PERMIT_SHEET_COLUMNS.map(([name]) => name);
  const example: Partial<Record<ColumnName, string>> = {
    'Permit number': '26KE000123',
    Type: 'E',
    'Issuing country': 'KE',
    'Issued on': '2026-03-02',
    'Valid from': '2026-03-02',
    'Valid until': '2026-08-31',
    Importer: 'Importer name',
    'Importer country': 'FR',
    Exporter: 'Exporter name',
    'Exporter country': 'KE',
    Purpose: 'T',
    'Security stamp': 'A1234567',
    'Issuing authority': 'Management Authority name, address',
    Species: 'Aloe ferox',
    Term: 'EXT',
    Appendix: 'II',
    Source: 'W',
    Quantity: '250',
    Unit: 'KIL',
    'Origin country': 'KE',
  };
  const second: Partial<Record<ColumnName, string>> = {
    'Permit number': '26KE000123',
    Species: 'Aloe ferox',
    Term: 'LIV',
    Appendix: 'II',
    Source: 'A',
    Quantity: '40',
  };
  return [header, header.map((name) => example[name] ?? ''), header.map((name) => second[name] ?? '')];
}
