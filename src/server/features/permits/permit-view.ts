/** A stored permit as the lookup shows it: the boxes an officer checks, never the security stamp number itself. */
import type { PermitView } from '../../../shared/permits.contract.ts';
import type { PermitRow } from './permits.repo.ts';

export function permitView(row: PermitRow): PermitView {
  return {
    id: row.id,
    issuingCountry: row.issuingCountry,
    number: row.number,
    type: row.type,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    importerName: row.importerName,
    importerCountry: row.importerCountry,
    exporterName: row.exporterName,
    exporterCountry: row.exporterCountry,
    purposeCode: row.purposeCode,
    specialConditions: row.specialConditions,
    issuingAuthority: row.issuingAuthority,
    status: row.status,
    statusOn: row.statusOn,
    replacedBy: row.replacedBy,
    hasSecurityStamp: row.securityStampKey !== null,
  };
}
