/**
 * The columns of a seizure record, written down once: the normalised values (DESIGN §3) under their TypeScript
 * names, the `seizure_records` columns that hold them and their SQL types. The writer, the staged-rows copy and the
 * presenter all read this list, so a new value is added here and nowhere else.
 */

/** The normalised values of one record (DESIGN §3), next to what the Party wrote (`original`). */
export interface SeizureValues {
  seizureDate: string | null;
  datePrecision: 'day' | 'month' | 'year' | null;
  seizingAgency: string | null;
  taxonId: number | null;
  taxonName: string | null;
  appendix: string | null;
  termCode: string | null;
  quantity: number | null;
  unitCode: string | null;
  quantityKg: number | null;
  quantityCount: number | null;
  reason: string | null;
  locationType: string | null;
  locationName: string | null;
  detectionMethod: string | null;
  transportMode: string | null;
  seizureCountry: string | null;
  originCountry: string | null;
  exportCountry: string | null;
  transitCountries: string[];
  destinationCountry: string | null;
  offenderNationalities: string[];
  additionalInfo: string | null;
  isElephant: boolean;
}

export interface NewSeizureRecord {
  values: SeizureValues;
  /** Every column of the Party's row as text, keyed by canonical column name. */
  original: Record<string, string>;
  sourceRow: number | null;
}

/** The report a batch of records belongs to, with what the records copy from it. */
export interface ReportStamp {
  id: string;
  party: string;
  year: number;
  isPublished: boolean;
  shareParties: boolean;
  shareIccwc: boolean;
  shareEtis: boolean;
}

/** Each value's column and SQL type, in the order the writer lists them. */
export const VALUE_COLUMNS_BY_FIELD = {
  seizureDate: ['seizure_date', 'date'],
  datePrecision: ['date_precision', 'text'],
  seizingAgency: ['seizing_agency', 'text'],
  taxonId: ['taxon_id', 'bigint'],
  taxonName: ['taxon_name', 'text'],
  appendix: ['appendix', 'text'],
  termCode: ['term_code', 'text'],
  quantity: ['quantity', 'numeric'],
  unitCode: ['unit_code', 'text'],
  quantityKg: ['quantity_kg', 'numeric'],
  quantityCount: ['quantity_count', 'numeric'],
  reason: ['reason', 'text'],
  locationType: ['location_type', 'text'],
  locationName: ['location_name', 'text'],
  detectionMethod: ['detection_method', 'text'],
  transportMode: ['transport_mode', 'text'],
  seizureCountry: ['seizure_country', 'char(2)'],
  originCountry: ['origin_country', 'char(2)'],
  exportCountry: ['export_country', 'char(2)'],
  transitCountries: ['transit_countries', 'char(2)[]'],
  destinationCountry: ['destination_country', 'char(2)'],
  offenderNationalities: ['offender_nationalities', 'char(2)[]'],
  additionalInfo: ['additional_info', 'text'],
  isElephant: ['is_elephant', 'boolean'],
} as const satisfies Record<keyof SeizureValues, readonly [string, string]>;

type Field = keyof typeof VALUE_COLUMNS_BY_FIELD;
type ColumnOf<F extends Field> = (typeof VALUE_COLUMNS_BY_FIELD)[F][0];
export type ValueColumns = { [F in Field as ColumnOf<F>]: SeizureValues[F] };

/** The value fields in reading order (the presenter compares versions field by field in this order). */
export const VALUE_FIELDS = Object.keys(VALUE_COLUMNS_BY_FIELD) as Field[];

/** The `seizure_records` columns of the values. */
export const VALUE_COLUMNS = VALUE_FIELDS.map((field) => VALUE_COLUMNS_BY_FIELD[field][0]);

/** `column type, …` for reading the columns from JSON (jsonb_to_recordset). */
export const VALUE_COLUMN_TYPES = VALUE_FIELDS.map((field) => VALUE_COLUMNS_BY_FIELD[field].join(' ')).join(
  ', ',
);

/** `"field" type, …` for reading values kept under their TypeScript names (a staged row's `normalised`). */
export const VALUE_FIELD_TYPES = VALUE_FIELDS.map(
  (field) => `"${field}" ${VALUE_COLUMNS_BY_FIELD[field][1]}`,
).join(', ');

/** The values as the columns that hold them. */
export function columnsOf(values: SeizureValues): ValueColumns {
  return Object.fromEntries(
    VALUE_FIELDS.map((field) => [VALUE_COLUMNS_BY_FIELD[field][0], values[field]]),
  ) as ValueColumns;
}
