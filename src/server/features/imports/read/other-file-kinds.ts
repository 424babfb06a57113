/**
 * Files that look like trade data but are not seizure reports: an extract of the CITES Trade Database (legal
 * trade as importers and exporters reported it), a list of shipments declared at a border (LEMIS), and the
 * legal-trade annual report format. Importing them would turn legal trade into "seizures", so they are refused
 * before any report is created, with the reason in plain words. Data: each kind's headers (compared by headerKey).
 */
import { headerKey } from './import-columns.ts';

export type OtherFileKind = 'trade_database' | 'shipment_list' | 'legal_trade_report';

const SIGNATURES: Record<OtherFileKind, readonly (readonly string[])[]> = {
  trade_database: [['Importer reported quantity', 'Exporter reported quantity']],
  shipment_list: [
    ['control_number', 'species_code'],
    ['Control Number', 'Species Code'],
    ['Wildlf Desc', 'Ctry Org'],
  ],
  legal_trade_report: [
    ['SpeciesName', 'TermCode', 'TradingPartner'],
    ['Species Name', 'Term Code', 'Trading Partner'],
    ['ExportPermit', 'PurposeCode', 'SourceCode'],
  ],
};

/** The kind of non-seizure file whose headers this row carries, if any. */
export function otherFileKindOf(header: readonly string[]): OtherFileKind | null {
  const keys = new Set(header.map(headerKey));
  for (const [kind, signatures] of Object.entries(SIGNATURES) as [OtherFileKind, string[][]][])
    if (signatures.some((names) => names.every((name) => keys.has(headerKey(name))))) return kind;
  return null;
}
