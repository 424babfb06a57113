/**
 * The one presenter of a seizure record: a row as record-read.repo.ts selects it → the shared shape
 * (src/shared/seizure-record.contract.ts) that the explorer and the report pages both answer with. Pure.
 */
import type {
  RecordAbility,
  RecordVersion,
  SeizureRecord,
  SeizureRecordView,
  SeizureValuesDto,
} from '../../../shared/seizure-record.contract.ts';
import { VALUE_FIELDS } from './record-columns.ts';
import type { RecordRow, RecordWithVersionsRow, VersionRow } from './record-read.repo.ts';

const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);
/** char(n) columns come back padded; text never has trailing spaces of its own worth keeping in a code. */
const codeOrNull = (value: unknown): string | null => (typeof value === 'string' ? value.trim() : null);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const codes = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()) : [];

export const isoOf = (value: Date | string): string =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/** A date as selected (YYYY-MM-DD) or as a kept version stored it (a timestamp at midnight in JSON). */
function dateOf(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** The normalised values from a row as selected, or as a kept version stored the whole row (JSON). */
export function valuesOf(row: Record<string, unknown>): SeizureValuesDto {
  const precision = row.date_precision;
  return {
    seizureDate: dateOf(row.seizure_date),
    datePrecision: precision === 'day' || precision === 'month' || precision === 'year' ? precision : null,
    seizingAgency: textOrNull(row.seizing_agency),
    taxonId: numberOrNull(row.taxon_id),
    taxonName: textOrNull(row.taxon_name),
    appendix: textOrNull(row.appendix),
    termCode: textOrNull(row.term_code),
    quantity: numberOrNull(row.quantity),
    unitCode: textOrNull(row.unit_code),
    quantityKg: numberOrNull(row.quantity_kg),
    quantityCount: numberOrNull(row.quantity_count),
    reason: textOrNull(row.reason),
    locationType: textOrNull(row.location_type),
    locationName: textOrNull(row.location_name),
    detectionMethod: textOrNull(row.detection_method),
    transportMode: textOrNull(row.transport_mode),
    seizureCountry: codeOrNull(row.seizure_country),
    originCountry: codeOrNull(row.origin_country),
    exportCountry: codeOrNull(row.export_country),
    transitCountries: codes(row.transit_countries),
    destinationCountry: codeOrNull(row.destination_country),
    offenderNationalities: codes(row.offender_nationalities),
    additionalInfo: textOrNull(row.additional_info),
    isElephant: row.is_elephant === true,
  };
}

/** A record without its history (a page of a report's records). */
export function presentRecord(row: RecordRow, abilities: readonly RecordAbility[]): SeizureRecord {
  return {
    id: Number(row.id),
    reportId: row.report_id,
    reportingParty: row.reporting_party.trim(),
    reportYear: row.report_year,
    year: Number(row.year),
    version: row.version,
    sourceRow: row.source_row,
    updatedAt: isoOf(row.updated_at),
    isPublished: row.is_published,
    sharing: { parties: row.share_parties, iccwc: row.share_iccwc, etis: row.share_etis },
    concernedParties: codes(row.concerned_parties),
    taxon:
      row.taxon_id === null || row.taxon_id === undefined
        ? null
        : { id: Number(row.taxon_id), name: row.taxon_ref_name ?? '', appendix: row.taxon_ref_appendix },
    values: valuesOf(row),
    original: row.original,
    reviewFixes: row.review_fixes ?? [],
    abilities: [...abilities],
  };
}

/** A record with its kept versions, each with what the next version changed. */
export function presentRecordView(
  row: RecordWithVersionsRow,
  abilities: readonly RecordAbility[],
): SeizureRecordView {
  const record = presentRecord(row, abilities);
  return { ...record, versions: presentVersions(record.values, row.versions) };
}

/**
 * The kept versions, newest first, each with the fields the next version changed (from what, to what), so the
 * history reads as a list of changes with who, when and why.
 */
function presentVersions(current: SeizureValuesDto, rows: readonly VersionRow[]): RecordVersion[] {
  const kept = rows.map((row) => ({ row, values: valuesOf(row.data) }));
  return kept.map(({ row, values }, index) => {
    const next = index === 0 ? current : kept[index - 1]!.values;
    const changed = VALUE_FIELDS.filter(
      (field) => JSON.stringify(values[field]) !== JSON.stringify(next[field]),
    ).map((field) => ({ field, from: values[field], to: next[field] }));
    return {
      version: row.version,
      values,
      changed,
      replacedBy: row.replaced_by_label,
      replacedAt: isoOf(row.replaced_at),
      reason: row.reason,
    };
  });
}
