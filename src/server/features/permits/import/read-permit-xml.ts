/**
 * The UN/CEFACT CITES e-permit (`CITESEPermit`, namespace urn:un:unece:uncefact:data:standard:CITESEPermit:2) read
 * into permit drafts; DOMAIN §4 maps its elements to the boxes of the standard form. A file may hold one permit (the
 * root is CITESEPermit) or several (CITESEPermit elements anywhere below the root, as in a SOAP answer or a
 * wrapper list). Elements are matched by local name: documents put the leaves in the reusable-aggregate namespace
 * and sometimes leave CITESEPermit itself without one, so the namespace is checked on the permit or its header.
 */
import type { PartyDraft, PermitDraft, PermitLineDraft } from './permit-draft.ts';
import {
  at,
  childrenNamed,
  descendantsNamed,
  readXmlTree,
  textAt,
  XmlRefusedError,
  type XmlElement,
} from './read-xml-tree.ts';

export const CITES_EPERMIT_NAMESPACE = 'urn:un:unece:uncefact:data:standard:CITESEPermit:2';

/** Reference document type codes for a line's earlier permits (as EPIX matches them). */
const ORIGIN_PERMIT_CODE = '861';
const REEXPORT_PERMIT_CODE = '811';

export function readPermitXml(bytes: Buffer): PermitDraft[] {
  const root = readXmlTree(bytes);
  const permits = root.name === 'CITESEPermit' ? [root] : descendantsNamed(root, 'CITESEPermit');
  const ours = permits.filter(isCitesEPermit);
  if (ours.length === 0) {
    throw new XmlRefusedError(
      'malformed',
      root.line,
      root.name,
      `no CITESEPermit element of the namespace ${CITES_EPERMIT_NAMESPACE}`,
    );
  }
  return ours.map(draftOf);
}

function isCitesEPermit(element: XmlElement): boolean {
  if (element.namespace === CITES_EPERMIT_NAMESPACE) return true;
  return element.children.some((child) => child.namespace === CITES_EPERMIT_NAMESPACE);
}

/** A date-time of the document ("2014-01-06T12:03:52.00+01:00") as the day it names where it was written. */
const dayOf = (value: string | null) => (value === null ? null : value.slice(0, 10));

function addressOf(party: XmlElement | undefined): string | null {
  const address = at(party, 'PostalTradeAddress');
  if (!address) return null;
  const parts = [
    'StreetName',
    'PostOfficeBox',
    'PostcodeCode',
    'CityName',
    'CountrySubDivisionName',
    'CountryName',
  ]
    .map((name) => textAt(address, name))
    .filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(', ');
}

function partyOf(party: XmlElement | undefined): PartyDraft {
  return {
    name: textAt(party, 'Name'),
    address: addressOf(party),
    country: textAt(party, 'PostalTradeAddress', 'CountryID'),
  };
}

function draftOf(permit: XmlElement): PermitDraft {
  const header = at(permit, 'HeaderExchangedDocument');
  const consignment = at(permit, 'SpecifiedSupplyChainConsignment');
  // Box 6 (issuing Management Authority, with the security stamp of box 5b as its ID) is the first signatory.
  const authority = at(header, 'FirstSignatoryDocumentAuthentication');
  const provider = at(authority, 'ProviderTradeParty');
  const issuer = at(header, 'ThirdSignatoryDocumentAuthentication');
  const information = childrenNamed(header, 'Information')
    .map((element) => element.text.trim())
    .filter((text) => text !== '');
  const items = childrenNamed(consignment, 'IncludedSupplyChainConsignmentItem');
  return {
    row: permit.line,
    number: textAt(header, 'ID'),
    type: textAt(header, 'TypeCode'),
    isCopy: textAt(header, 'CopyIndicator'),
    issuedOn: dayOf(textAt(header, 'IssueDateTime')),
    validFrom: dayOf(textAt(header, 'EffectiveSpecifiedPeriod', 'StartDateTime')),
    validUntil: dayOf(textAt(header, 'EffectiveSpecifiedPeriod', 'EndDateTime')),
    importer: partyOf(at(consignment, 'ConsigneeTradeParty')),
    exporter: partyOf(at(consignment, 'ConsignorTradeParty')),
    specialConditions: information.length === 0 ? null : information.join('\n'),
    purposeCode: textAt(header, 'PurposeCode'),
    securityStamp: textAt(authority, 'ID'),
    issuingAuthority:
      [textAt(provider, 'Name'), addressOf(provider)].filter((part) => part !== null).join(', ') || null,
    issuingCountry: textAt(provider, 'PostalTradeAddress', 'CountryID'),
    issuedPlace:
      textAt(issuer, 'IssueLogisticsLocation', 'Name') ?? textAt(header, 'IssueLogisticsLocation', 'Name'),
    transportDocument: textAt(consignment, 'TransportContractReferencedDocument', 'ID'),
    lines: items.map(lineOf),
  };
}

function referencedPermit(item: XmlElement, code: string): XmlElement | undefined {
  return childrenNamed(item, 'AssociatedReferencedDocument').find((doc) => textAt(doc, 'TypeCode') === code);
}

function lineOf(item: XmlElement): PermitLineDraft {
  const trade = at(item, 'IncludedSupplyChainTradeLineItem');
  const product = at(trade, 'SpecifiedTradeProduct');
  const quantity = at(item, 'TransportLogisticsPackage', 'ItemQuantity');
  const origin = referencedPermit(item, ORIGIN_PERMIT_CODE);
  const reexport = referencedPermit(item, REEXPORT_PERMIT_CODE);
  const unit = quantity?.attributes.unitCode?.trim();
  return {
    row: item.line,
    taxonName: textAt(product, 'ScientificName'),
    commonName: textAt(product, 'CommonName'),
    description: textAt(product, 'Description'),
    termCode: textAt(product, 'TypeCode'),
    appendix: textAt(trade, 'TypeCode'),
    sourceCode: textAt(trade, 'TypeExtensionCode'),
    quantity: quantity?.text.trim() || null,
    unitCode: unit === undefined || unit === '' || unit === '?' ? null : unit,
    originCountry: textAt(item, 'OriginTradeCountry', 'ID'),
    originPermit: origin ? textAt(origin, 'ID') : null,
    // The country of last re-export is the export country of an item that came in under a re-export certificate.
    reexportCountry: reexport ? textAt(item, 'ExportTradeCountry', 'ID') : null,
    reexportPermit: reexport ? textAt(reexport, 'ID') : null,
  };
}
