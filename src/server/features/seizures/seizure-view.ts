/** Rows of the explorer's queries → the contract's shapes (src/shared/seizures.contract.ts). */
import type { SeizureAbility, SeizureDetail, SeizureItem } from '../../../shared/seizures.contract.ts';
import type { SeizureDetailRow, SeizureRow, VersionRow } from './seizures.repo.ts';

const num = (value: unknown): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);
const text = (value: unknown): string | null => (typeof value === 'string' ? value.trimEnd() : null);
const codes = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()) : [];

export function toItem(row: SeizureRow): SeizureItem {
  return {
    id: Number(row.id),
    reportId: row.report_id,
    reportingParty: row.reporting_party.trim(),
    reportYear: row.report_year,
    year: Number(row.year),
    date: row.date,
    datePrecision: row.date_precision,
    taxon:
      row.taxon_id === null
        ? null
        : { id: Number(row.taxon_id), name: row.taxon_ref_name ?? '', appendix: row.taxon_ref_appendix },
    taxonName: row.taxon_name,
    appendix: row.appendix,
    termCode: row.term_code,
    quantity: num(row.quantity),
    unitCode: row.unit_code,
    quantityKg: num(row.quantity_kg),
    quantityCount: num(row.quantity_count),
    seizureCountry: text(row.seizure_country),
    originCountry: text(row.origin_country),
    exportCountry: text(row.export_country),
    transitCountries: codes(row.transit_countries),
    destinationCountry: text(row.destination_country),
    offenderNationalities: codes(row.offender_nationalities),
    locationType: row.location_type,
    locationName: row.location_name,
    detectionMethod: row.detection_method,
    transportMode: row.transport_mode,
    seizingAgency: row.seizing_agency,
    shareEtis: row.share_etis,
    isPublished: row.is_published,
    version: row.version,
  };
}

/** A date as stored in a version's JSON (a date string or a timestamp at midnight) → YYYY-MM-DD. */
function dateOf(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** The values of an earlier version (the whole row as it was, kept as JSON by correctSeizureRecord). */
function versionValues(data: Record<string, unknown>): Partial<SeizureItem> {
  const precision = data.date_precision;
  return {
    date: dateOf(data.seizure_date),
    datePrecision: precision === 'day' || precision === 'month' || precision === 'year' ? precision : null,
    taxonName: text(data.taxon_name),
    appendix: text(data.appendix),
    termCode: text(data.term_code),
    quantity: num(data.quantity),
    unitCode: text(data.unit_code),
    quantityKg: num(data.quantity_kg),
    quantityCount: num(data.quantity_count),
    seizureCountry: text(data.seizure_country),
    originCountry: text(data.origin_country),
    exportCountry: text(data.export_country),
    transitCountries: codes(data.transit_countries),
    destinationCountry: text(data.destination_country),
    offenderNationalities: codes(data.offender_nationalities),
    locationType: text(data.location_type),
    locationName: text(data.location_name),
    detectionMethod: text(data.detection_method),
    transportMode: text(data.transport_mode),
    seizingAgency: text(data.seizing_agency),
    version: num(data.version) ?? undefined,
  };
}

export function toDetail(
  row: SeizureDetailRow,
  versions: readonly VersionRow[],
  abilities: SeizureAbility[],
): SeizureDetail {
  return {
    ...toItem(row),
    reason: row.reason,
    additionalInfo: row.additional_info,
    isElephant: row.is_elephant,
    sharing: { parties: row.share_parties, iccwc: row.share_iccwc, etis: row.share_etis },
    concernedParties: codes(row.concerned_parties),
    original: row.original,
    versions: versions.map((version) => ({
      version: version.version,
      values: versionValues(version.data),
      replacedAt: new Date(version.replaced_at).toISOString(),
      replacedBy: version.replaced_by_label,
      reason: version.reason,
    })),
    abilities,
  };
}
