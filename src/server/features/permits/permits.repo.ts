/**
 * The permits and their lines: find one by (issuing country, number key) — the lookup's one index —, write one
 * from an import, set its status. Every query runs inside withActor; row-level security (migrations/0038) decides
 * who reads and who writes, the permits policy decides the same before a query is sent.
 */
import { sql } from 'kysely';
import type { PermitStatus, PermitType } from '../../../shared/permits.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { CheckedLine, CheckedPermit } from './import/check-permit-draft.ts';

export interface PermitRow {
  id: string;
  issuingCountry: string;
  number: string;
  numberKey: string;
  type: PermitType;
  validFrom: string | null;
  validUntil: string | null;
  importerName: string;
  importerCountry: string | null;
  exporterName: string;
  exporterCountry: string | null;
  purposeCode: string | null;
  specialConditions: string;
  issuingAuthority: string;
  securityStampKey: string | null;
  status: PermitStatus;
  statusOn: string | null;
  replacedBy: string | null;
  version: number;
}

export interface PermitLineRow extends CheckedLine {
  endorsed: number;
}

function permitColumns(tx: Tx) {
  return tx
    .selectFrom('permits')
    .select([
      'id',
      'issuing_country as issuingCountry',
      'number',
      'number_key as numberKey',
      'permit_type as type',
      sql<string | null>`valid_from::text`.as('validFrom'),
      sql<string | null>`valid_until::text`.as('validUntil'),
      'importer_name as importerName',
      'importer_country as importerCountry',
      'exporter_name as exporterName',
      'exporter_country as exporterCountry',
      'purpose_code as purposeCode',
      'special_conditions as specialConditions',
      'issuing_authority as issuingAuthority',
      'security_stamp_key as securityStampKey',
      'status',
      sql<string | null>`status_on::text`.as('statusOn'),
      'replaced_by as replacedBy',
      'version',
    ]);
}

export async function findPermit(tx: Tx, country: string, numberKey: string): Promise<PermitRow | null> {
  const row = await permitColumns(tx)
    .where('issuing_country', '=', country)
    .where('number_key', '=', numberKey)
    .executeTakeFirst();
  return row ?? null;
}

export async function findPermitById(tx: Tx, id: string): Promise<PermitRow | null> {
  return (await permitColumns(tx).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The permit's lines with the quantity endorsed so far on each (box 14). */
export async function readPermitLines(tx: Tx, permitId: string): Promise<PermitLineRow[]> {
  return (await readLinesOfPermits(tx, [permitId])).get(permitId) ?? [];
}

/** The lines of several permits in one query, by permit (each in line order). */
export async function readLinesOfPermits(tx: Tx, permitIds: string[]): Promise<Map<string, PermitLineRow[]>> {
  const byPermit = new Map<string, PermitLineRow[]>();
  if (permitIds.length === 0) return byPermit;
  const rows = await tx
    .selectFrom('permit_lines as l')
    .select([
      'l.permit_id as permitId',
      'l.line_no as lineNo',
      'l.taxon_name as taxonName',
      'l.taxon_id as taxonId',
      'l.common_name as commonName',
      'l.description',
      'l.term_code as termCode',
      'l.appendix',
      'l.source_code as sourceCode',
      'l.quantity',
      'l.unit_code as unitCode',
      'l.origin_country as originCountry',
      'l.origin_permit as originPermit',
      'l.reexport_country as reexportCountry',
      'l.reexport_permit as reexportPermit',
      sql<number>`coalesce((select sum(e.quantity) from permit_endorsements e
                             where e.permit_id = l.permit_id and e.line_no = l.line_no), 0)`.as('endorsed'),
    ])
    .where('l.permit_id', 'in', permitIds)
    .orderBy('l.permit_id')
    .orderBy('l.line_no')
    .execute();
  for (const { permitId, ...line } of rows) {
    const lines = byPermit.get(permitId) ?? [];
    lines.push(line);
    byPermit.set(permitId, lines);
  }
  return byPermit;
}

/** The permits of these (issuing country, number key) pairs, in one query through the lookup's index. */
export async function findPermitsByKeys(
  tx: Tx,
  pairs: { country: string; numberKey: string }[],
): Promise<PermitRow[]> {
  if (pairs.length === 0) return [];
  return permitColumns(tx)
    .where((eb) =>
      eb(
        eb.refTuple('issuing_country', 'number_key'),
        'in',
        pairs.map((pair) => eb.tuple(pair.country, pair.numberKey)),
      ),
    )
    .execute();
}

/** Whether the Party has loaded any permit at all (so "not found" is not read as "forged"). */
export async function partyHasPermits(tx: Tx, country: string): Promise<boolean> {
  const row = await tx
    .selectFrom('permits')
    .select(sql<number>`1`.as('one'))
    .where('issuing_country', '=', country)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The stored permits of these numbers, with what was last imported, so a re-import updates instead of adding. */
export async function readStoredPermits(
  tx: Tx,
  country: string,
  numberKeys: string[],
): Promise<
  Map<string, { id: string; version: number; contentHash: string; content: Record<string, unknown> }>
> {
  if (numberKeys.length === 0) return new Map();
  const rows = await tx
    .selectFrom('permits')
    .select(['id', 'number_key as numberKey', 'version', 'content_hash as contentHash', 'content'])
    .where('issuing_country', '=', country)
    .where('number_key', 'in', numberKeys)
    .execute();
  return new Map(rows.map(({ numberKey, ...row }) => [numberKey, row]));
}

export interface PermitWriteMeta {
  format: 'xml' | 'csv' | 'xlsx';
  userId: string | null;
  contentHash: string;
}

const boxesOf = (permit: CheckedPermit, meta: PermitWriteMeta) => ({
  source_format: meta.format,
  content: JSON.stringify(permit),
  content_hash: meta.contentHash,
  issuing_country: permit.issuingCountry,
  number: permit.number,
  number_key: permit.numberKey,
  permit_type: permit.type,
  is_copy: permit.isCopy,
  issued_on: permit.issuedOn,
  valid_from: permit.validFrom,
  valid_until: permit.validUntil,
  importer_name: permit.importerName,
  importer_address: permit.importerAddress,
  importer_country: permit.importerCountry,
  exporter_name: permit.exporterName,
  exporter_address: permit.exporterAddress,
  exporter_country: permit.exporterCountry,
  special_conditions: permit.specialConditions,
  purpose_code: permit.purposeCode,
  security_stamp: permit.securityStamp,
  security_stamp_key: permit.securityStampKey,
  issuing_authority: permit.issuingAuthority,
  issued_place: permit.issuedPlace,
  transport_document: permit.transportDocument,
});

/** Rows per insert statement: well under PostgreSQL's 65,535 parameters at 25 columns a permit, 15 a line. */
const PERMITS_PER_INSERT = 500;
const LINES_PER_INSERT = 2000;

/** New permits, a few hundred per statement, and their lines; their ids by number key. */
export async function insertPermits(
  tx: Tx,
  rows: { permit: CheckedPermit; meta: PermitWriteMeta }[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let at = 0; at < rows.length; at += PERMITS_PER_INSERT) {
    const chunk = rows.slice(at, at + PERMITS_PER_INSERT);
    const inserted = await tx
      .insertInto('permits')
      .values(
        chunk.map(({ permit, meta }) => ({
          ...boxesOf(permit, meta),
          created_by: meta.userId,
          updated_by: meta.userId,
        })),
      )
      .returning(['id', 'number_key'])
      .execute();
    for (const row of inserted) ids.set(row.number_key, row.id);
    const lines = chunk.flatMap(({ permit }) =>
      permit.lines.map((line) => lineValues(ids.get(permit.numberKey)!, line)),
    );
    for (let from = 0; from < lines.length; from += LINES_PER_INSERT)
      await tx
        .insertInto('permit_lines')
        .values(lines.slice(from, from + LINES_PER_INSERT))
        .execute();
  }
  return ids;
}

/** A re-import: the boxes and lines replaced, the version counted up; endorsements of kept lines stay. */
export async function updatePermit(
  tx: Tx,
  id: string,
  permit: CheckedPermit,
  meta: PermitWriteMeta & { at: Date },
): Promise<void> {
  await tx
    .updateTable('permits')
    .set({
      ...boxesOf(permit, meta),
      updated_by: meta.userId,
      updated_at: meta.at,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .execute();
  for (const line of permit.lines) {
    await tx
      .insertInto('permit_lines')
      .values(lineValues(id, line))
      .onConflict((oc) => oc.columns(['permit_id', 'line_no']).doUpdateSet(lineValues(id, line)))
      .execute();
  }
  await tx
    .deleteFrom('permit_lines')
    .where('permit_id', '=', id)
    .where('line_no', '>', permit.lines.length)
    .execute();
}

const lineValues = (permitId: string, line: CheckedLine) => ({
  permit_id: permitId,
  line_no: line.lineNo,
  taxon_name: line.taxonName,
  taxon_id: line.taxonId,
  common_name: line.commonName,
  description: line.description,
  term_code: line.termCode,
  appendix: line.appendix,
  source_code: line.sourceCode,
  quantity: line.quantity,
  unit_code: line.unitCode,
  origin_country: line.originCountry,
  origin_permit: line.originPermit,
  reexport_country: line.reexportCountry,
  reexport_permit: line.reexportPermit,
});

export async function setPermitStatus(
  tx: Tx,
  id: string,
  change: { status: PermitStatus; on: string; note: string; userId: string | null; at: Date },
): Promise<void> {
  await tx
    .updateTable('permits')
    .set({
      status: change.status,
      status_on: change.on,
      status_note: change.note,
      updated_by: change.userId,
      updated_at: change.at,
    })
    .where('id', '=', id)
    .execute();
}
