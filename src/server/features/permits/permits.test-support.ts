/**
 * Test helpers for the permit tests: users of each kind made directly in the database (organisation with its
 * authority type, user, closed-user-group membership), and CITESEPermit documents shaped like the EPIX fixture
 * (DOMAIN §4): a SOAP answer whose CITESEPermit element has no namespace of its own, its parts in the CITESEPermit:2
 * namespace and its leaves in the reusable aggregate namespace.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OrganisationKind, Role, UserActor } from '../../../shared/actor.ts';
import type { MemberCategory } from '../../../shared/groups.contract.ts';
import type { DB } from '../../db/schema.ts';

export async function makeActor(
  db: Kysely<DB>,
  options: { kind?: OrganisationKind; party?: string | null; role?: Role; authority?: string | null } = {},
): Promise<UserActor> {
  const kind = options.kind ?? 'party';
  const party = options.party === undefined ? (kind === 'party' ? 'KE' : null) : options.party;
  const role = options.role ?? 'member';
  const organisation = await db
    .insertInto('organisations')
    .values({ name: `Org ${randomUUID()}`, kind, party, authority_type: options.authority ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({
      email: `u-${randomUUID()}@example.org`,
      first_name: 'Test',
      last_name: 'User',
      organisation_id: organisation.id,
      role,
      has_itd_access: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    kind: 'user',
    userId: user.id,
    label: `test ${kind} ${role}`,
    organisationId: organisation.id,
    organisationKind: kind,
    party,
    role,
    hasItdAccess: true,
  };
}

export async function joinGroup(db: Kysely<DB>, actor: UserActor, category: MemberCategory): Promise<void> {
  const group = await db
    .insertInto('groups')
    .values({ name_en: `Group ${randomUUID()}`, name_fr: 'g', name_es: 'g' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('group_members')
    .values({ group_id: group.id, user_id: actor.userId, category, display_name: 'Member' })
    .execute();
}

export interface XmlLine {
  species: string;
  quantity: string;
  unit?: string;
  appendix?: string;
  source?: string;
  term?: string;
  origin?: string;
  originPermit?: string;
}

export interface XmlPermit {
  number: string;
  type?: string;
  country?: string;
  from?: string;
  until?: string;
  stamp?: string;
  lines: XmlLine[];
}

const party = (tag: string, name: string, country: string) => `
  <urn1:${tag}>
    <urn1:Name languageID="EN">${name}</urn1:Name>
    <urn1:PostalTradeAddress>
      <urn1:StreetName languageID="EN">Street</urn1:StreetName>
      <urn1:CityName languageID="EN">City</urn1:CityName>
      <urn1:CountryID schemeID="?" schemeAgencyID="?">${country}</urn1:CountryID>
    </urn1:PostalTradeAddress>
  </urn1:${tag}>`;

function permitElement(permit: XmlPermit): string {
  const country = permit.country ?? 'KE';
  const items = permit.lines
    .map(
      (line, i) => `
      <urn1:IncludedSupplyChainConsignmentItem>
        <urn1:ID schemeID="?" schemeAgencyID="?">${String.fromCharCode(65 + i)}</urn1:ID>
        <urn1:OriginTradeCountry><urn1:ID>${line.origin ?? country}</urn1:ID></urn1:OriginTradeCountry>
        <urn1:ExportTradeCountry><urn1:ID>${country}</urn1:ID></urn1:ExportTradeCountry>
        ${
          line.originPermit
            ? `<urn1:AssociatedReferencedDocument>
          <urn1:IssueDateTime>2024-07-09T00:00:00.000+02:00</urn1:IssueDateTime>
          <urn1:TypeCode listID="1001" listAgencyID="6">861</urn1:TypeCode>
          <urn1:ID schemeID="?" schemeAgencyID="?">${line.originPermit}</urn1:ID>
        </urn1:AssociatedReferencedDocument>`
            : ''
        }
        <urn1:TransportLogisticsPackage>
          <urn1:ItemQuantity unitCode="${line.unit ?? 'PCS'}">${line.quantity}</urn1:ItemQuantity>
        </urn1:TransportLogisticsPackage>
        <urn1:IncludedSupplyChainTradeLineItem>
          <urn1:TypeCode>${line.appendix ?? 'II'}</urn1:TypeCode>
          <urn1:TypeExtensionCode>${line.source ?? 'W'}</urn1:TypeExtensionCode>
          <urn1:SpecifiedTradeProduct>
            <urn1:Description languageID="EN">watchstraps</urn1:Description>
            <urn1:TypeCode listID="?" listAgencyID="?">${line.term ?? 'LPS'}</urn1:TypeCode>
            <urn1:CommonName languageID="EN">common name</urn1:CommonName>
            <urn1:ScientificName languageID="EN">${line.species}</urn1:ScientificName>
          </urn1:SpecifiedTradeProduct>
        </urn1:IncludedSupplyChainTradeLineItem>
      </urn1:IncludedSupplyChainConsignmentItem>`,
    )
    .join('');
  return `
    <CITESEPermit>
      <urn:HeaderExchangedDocument>
        <urn1:ID schemeID="?" schemeAgencyID="?">${permit.number}</urn1:ID>
        <urn1:TypeCode listID="1001" listAgencyID="6">${permit.type ?? 'E'}</urn1:TypeCode>
        <urn1:IssueDateTime>${permit.from ?? '2026-01-06'}T12:03:52.00+01:00</urn1:IssueDateTime>
        <urn1:CopyIndicator>false</urn1:CopyIndicator>
        <urn1:PurposeCode>T</urn1:PurposeCode>
        <urn1:Information languageID="EN">For live animals, valid only if transported under the IATA rules</urn1:Information>
        <urn1:EffectiveSpecifiedPeriod>
          <urn1:StartDateTime>${permit.from ?? '2026-01-06'}T12:03:52.000+01:00</urn1:StartDateTime>
          <urn1:EndDateTime>${permit.until ?? '2026-07-05'}T12:03:52.000+02:00</urn1:EndDateTime>
        </urn1:EffectiveSpecifiedPeriod>
        <urn1:FirstSignatoryDocumentAuthentication>
          <urn1:TypeCode>A</urn1:TypeCode>
          <urn1:ID schemeID="?" schemeAgencyID="?">${permit.stamp ?? 'SS-000123'}</urn1:ID>
          ${party('ProviderTradeParty', 'Authority name', country)}
        </urn1:FirstSignatoryDocumentAuthentication>
      </urn:HeaderExchangedDocument>
      <urn:SpecifiedSupplyChainConsignment>
        ${party('ConsignorTradeParty', 'Consignor name', country)}
        ${party('ConsigneeTradeParty', 'Consignee name', 'FR')}
        ${items}
      </urn:SpecifiedSupplyChainConsignment>
    </CITESEPermit>`;
}

/** One or several permits in a SOAP answer, as the EPIX fixture carries them. */
export function permitXml(permits: XmlPermit[]): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:v2="urn:CitesDataExchange/v2/"
  xmlns:urn="urn:un:unece:uncefact:data:standard:CITESEPermit:2"
  xmlns:urn1="urn:un:unece:uncefact:data:draft:ReusableAggregateBusinessInformationEntity:1">
  <soapenv:Header/>
  <soapenv:Body>
    <v2:GetNonFinalCitesCertificateResponse>${permits.map(permitElement).join('')}
    </v2:GetNonFinalCitesCertificateResponse>
  </soapenv:Body>
</soapenv:Envelope>
`);
}
