/**
 * A record as a row of an exported file: the columns picked, in the order of EXPORT_COLUMNS (the record
 * presenter's), each code followed by its name in the export's language, and what the Party wrote as extra
 * columns when `original` is picked. Pure; text cells pass the writers' formula guard.
 */
import { ORIGINAL_COLUMNS, type ExportColumn } from '../../../shared/exports.contract.ts';
import type { Language } from '../../../shared/languages.ts';
import type { SpreadsheetCell } from '../../lib/spreadsheets/spreadsheet-cell.ts';
import { COLUMN_NAMES, WORDS } from './export-texts.ts';
import type { ExportRecordRow } from './exports.repo.ts';

/** Names of countries, terms and units in the export's language, by code. */
export interface Labels {
  countries: ReadonlyMap<string, string>;
  terms: ReadonlyMap<string, string>;
  units: ReadonlyMap<string, string>;
}

type Kind = 'countries' | 'terms' | 'units';
/** The columns whose codes get a name column beside them, and where the names come from. */
const LABELLED: Partial<Record<ExportColumn, Kind>> = {
  reportingParty: 'countries',
  termCode: 'terms',
  unitCode: 'units',
  seizureCountry: 'countries',
  originCountry: 'countries',
  exportCountry: 'countries',
  transitCountries: 'countries',
  destinationCountry: 'countries',
  offenderNationalities: 'countries',
};

const num = (value: string | number | null): number | null => (value === null ? null : Number(value));
const code = (value: string | null): string | null => (value === null ? null : value.trim());
const codes = (value: readonly string[] | null): string[] => (value ?? []).map((v) => v.trim());

/** The column's value as stored (codes as codes). */
function valueOf(
  row: ExportRecordRow,
  column: Exclude<ExportColumn, 'original'>,
): SpreadsheetCell | string[] {
  switch (column) {
    case 'id':
      return Number(row.id);
    case 'reportId':
      return row.report_id;
    case 'reportingParty':
      return code(row.reporting_party);
    case 'reportYear':
      return row.report_year;
    case 'year':
      return Number(row.year);
    case 'version':
      return row.version;
    case 'seizureDate':
      return row.seizure_date;
    case 'datePrecision':
      return row.date_precision;
    case 'seizingAgency':
      return row.seizing_agency;
    case 'taxon':
      return row.taxon;
    case 'taxonName':
      return row.taxon_name;
    case 'appendix':
      return row.appendix;
    case 'termCode':
      return row.term_code;
    case 'quantity':
      return num(row.quantity);
    case 'unitCode':
      return row.unit_code;
    case 'quantityKg':
      return num(row.quantity_kg);
    case 'quantityCount':
      return num(row.quantity_count);
    case 'reason':
      return row.reason;
    case 'locationType':
      return row.location_type;
    case 'locationName':
      return row.location_name;
    case 'detectionMethod':
      return row.detection_method;
    case 'transportMode':
      return row.transport_mode;
    case 'seizureCountry':
      return code(row.seizure_country);
    case 'originCountry':
      return code(row.origin_country);
    case 'exportCountry':
      return code(row.export_country);
    case 'transitCountries':
      return codes(row.transit_countries);
    case 'destinationCountry':
      return code(row.destination_country);
    case 'offenderNationalities':
      return codes(row.offender_nationalities);
    case 'additionalInfo':
      return row.additional_info;
    case 'isElephant':
      return row.is_elephant;
  }
}

/** The file's column names for the columns picked. */
export function recordHeader(columns: readonly ExportColumn[], language: Language): string[] {
  return columns.flatMap((column) => {
    if (column === 'original') return ORIGINAL_COLUMNS.map((name) => `${WORDS.original[language]}: ${name}`);
    const name = COLUMN_NAMES[column][language];
    return LABELLED[column] ? [name, `${name} (${WORDS.label[language]})`] : [name];
  });
}

/** One record's cells, matching recordHeader. */
export function recordCells(
  row: ExportRecordRow,
  columns: readonly ExportColumn[],
  labels: Labels,
): SpreadsheetCell[] {
  const cells: SpreadsheetCell[] = [];
  for (const column of columns) {
    if (column === 'original') {
      for (const name of ORIGINAL_COLUMNS) cells.push(row.original?.[name] ?? null);
      continue;
    }
    const value = valueOf(row, column);
    const kind = LABELLED[column];
    if (Array.isArray(value)) {
      cells.push(value.join(', '));
      if (kind) cells.push(value.map((v) => labels[kind].get(v) ?? v).join(', '));
    } else {
      cells.push(value);
      if (kind) cells.push(typeof value === 'string' ? (labels[kind].get(value) ?? null) : null);
    }
  }
  return cells;
}
