/**
 * A permit as read from a file, before it is checked: every box as the file wrote it (text or nothing), with the
 * row (spreadsheet row, or XML line) each value came from, so a problem can say where it is. The XML reader and
 * the spreadsheet reader both produce drafts; one checker (check-permit-draft.ts) turns them into permits.
 */
export interface PartyDraft {
  name: string | null;
  address: string | null;
  country: string | null;
}

export interface PermitLineDraft {
  row: number;
  taxonName: string | null;
  commonName: string | null;
  description: string | null;
  termCode: string | null;
  appendix: string | null;
  sourceCode: string | null;
  quantity: string | null;
  unitCode: string | null;
  originCountry: string | null;
  originPermit: string | null;
  reexportCountry: string | null;
  reexportPermit: string | null;
}

export interface PermitDraft {
  row: number;
  number: string | null;
  type: string | null;
  isCopy: string | null;
  issuedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  importer: PartyDraft;
  exporter: PartyDraft;
  specialConditions: string | null;
  purposeCode: string | null;
  securityStamp: string | null;
  issuingAuthority: string | null;
  issuingCountry: string | null;
  issuedPlace: string | null;
  transportDocument: string | null;
  lines: PermitLineDraft[];
}
