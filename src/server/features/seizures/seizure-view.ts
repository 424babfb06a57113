/** Rows of the explorer's queries → the contract's shapes (src/shared/seizures.contract.ts). */
import type { SeizureRecordView, SeizureValuesDto } from '../../../shared/seizure-record.contract.ts';
import type { SeizureAbility, SeizureDetail, SeizureItem } from '../../../shared/seizures.contract.ts';
import type { SeizureRow } from './seizures.repo.ts';

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

/**
 * The explorer's first answer for one record, kept for the API's clients: the record's values flat, its earlier
 * versions with their values then, and the explorer's abilities. Everything is read from the one presented record
 * (seizure-records presentRecordView), which goes with it as `record`.
 */
export function toDetail(record: SeizureRecordView, abilities: SeizureAbility[]): SeizureDetail {
  const { values } = record;
  return {
    id: record.id,
    reportId: record.reportId,
    reportingParty: record.reportingParty,
    reportYear: record.reportYear,
    year: record.year,
    date: values.seizureDate,
    datePrecision: values.datePrecision,
    taxon: record.taxon,
    ...explorerValues(values),
    shareEtis: record.sharing.etis,
    isPublished: record.isPublished,
    version: record.version,
    reason: values.reason,
    additionalInfo: values.additionalInfo,
    isElephant: values.isElephant,
    sharing: record.sharing,
    concernedParties: record.concernedParties,
    original: record.original,
    versions: record.versions.map((version) => ({
      version: version.version,
      values: {
        date: version.values.seizureDate,
        datePrecision: version.values.datePrecision,
        ...explorerValues(version.values),
        version: version.version,
      },
      replacedAt: version.replacedAt,
      replacedBy: version.replacedBy,
      reason: version.reason,
    })),
    abilities,
    record,
  };
}

/** The values the explorer's item names as the record does. */
function explorerValues(values: SeizureValuesDto) {
  return {
    taxonName: values.taxonName,
    appendix: values.appendix,
    termCode: values.termCode,
    quantity: values.quantity,
    unitCode: values.unitCode,
    quantityKg: values.quantityKg,
    quantityCount: values.quantityCount,
    seizureCountry: values.seizureCountry,
    originCountry: values.originCountry,
    exportCountry: values.exportCountry,
    transitCountries: values.transitCountries,
    destinationCountry: values.destinationCountry,
    offenderNationalities: values.offenderNationalities,
    locationType: values.locationType,
    locationName: values.locationName,
    detectionMethod: values.detectionMethod,
    transportMode: values.transportMode,
    seizingAgency: values.seizingAgency,
  };
}
