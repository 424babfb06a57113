/**
 * The links between seizure records and the permit registry (migrations/0048): which records to (re)link, and the
 * links themselves. Written by the platform only; read under the reader's row-level security, which shows a link
 * only to someone who sees both the record and the permits of its issuing Party.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';

/**
 * The records a relink covers: some records, a report's, those naming some permits, those naming any permit of a
 * Party (after it reports stamps lost or stolen), or every record.
 */
export type LinkScope =
  | { recordIds: readonly number[] }
  | { reportId: string }
  | { permits: { country: string; numberKeys: readonly string[] } }
  | { issuingCountry: string }
  | { everything: true };

export interface RecordToLink {
  id: string;
  /** The record's "Permit number" column as the Party wrote it. */
  field: string | null;
  text: string | null;
  exportCountry: string | null;
  seizureDate: string | null;
}

export interface NewLink {
  recordId: string;
  source: 'field' | 'text';
  number: string;
  numberKey: string;
  issuingCountry: string | null;
  permitId: string | null;
  verdict: 'valid' | 'invalid' | 'unknown';
  flags: string[];
}

/**
 * A record may name a permit only if its column is filled or its text has a permit or certificate word in one of
 * the three languages (permit-mentions.ts): the others need no reading. Records already linked are read too, so
 * a correction that removes the number removes the link.
 */
const MAY_NAME_A_PERMIT = sql<boolean>`(coalesce(s.original->>'Permit number', '') <> ''
  or s.additional_info ~* '(permi[ts]|certifica)'
  or exists (select 1 from seizure_permit_links l where l.record_id = s.id))`;

function scopeCondition(scope: LinkScope) {
  if ('recordIds' in scope) return sql<boolean>`s.id = any(${scope.recordIds.map(String)}::bigint[])`;
  if ('reportId' in scope)
    return sql<boolean>`s.report_id = ${scope.reportId}::uuid and ${MAY_NAME_A_PERMIT}`;
  if ('permits' in scope)
    return sql<boolean>`s.id in (select l.record_id from seizure_permit_links l
                                  where l.issuing_country = ${scope.permits.country}::char(2)
                                    and l.number_key = any(${scope.permits.numberKeys}::text[]))`;
  if ('issuingCountry' in scope)
    return sql<boolean>`s.id in (select l.record_id from seizure_permit_links l
                                  where l.issuing_country = ${scope.issuingCountry}::char(2))`;
  return MAY_NAME_A_PERMIT;
}

/** The next records of the scope after `afterId`, in id order. */
export async function selectRecordsToLink(
  tx: Tx,
  scope: LinkScope,
  page: { afterId: string; limit: number },
): Promise<RecordToLink[]> {
  const result = await sql<RecordToLink>`
    select s.id::text as id, s.original->>'Permit number' as field, s.additional_info as text,
           trim(s.export_country) as "exportCountry", to_char(s.seizure_date, 'YYYY-MM-DD') as "seizureDate"
      from seizure_records s
     where ${scopeCondition(scope)} and s.id > ${page.afterId}::bigint
     order by s.id
     limit ${page.limit}::int`.execute(tx);
  return result.rows;
}

/** The records' links replaced by these (none: the records name no permit any more). */
export async function replaceLinks(tx: Tx, recordIds: string[], links: NewLink[], at: Date): Promise<void> {
  if (recordIds.length === 0) return;
  await tx.deleteFrom('seizure_permit_links').where('record_id', 'in', recordIds).execute();
  if (links.length === 0) return;
  await tx
    .insertInto('seizure_permit_links')
    .values(
      links.map((link) => ({
        record_id: link.recordId,
        source: link.source,
        number: link.number,
        number_key: link.numberKey,
        issuing_country: link.issuingCountry,
        permit_id: link.permitId,
        verdict: link.verdict,
        flags: link.flags,
        judged_at: at,
      })),
    )
    .execute();
}

export interface StoredLink {
  source: 'field' | 'text';
  number: string;
  numberKey: string;
  issuingCountry: string | null;
}

/** The record's links the reader may see, the column's first. */
export async function readLinksOfRecord(tx: Tx, recordId: number): Promise<StoredLink[]> {
  const rows = await tx
    .selectFrom('seizure_permit_links')
    .select(['source', 'number', 'number_key as numberKey', 'issuing_country as issuingCountry'])
    .where('record_id', '=', String(recordId))
    .orderBy('source')
    .orderBy('number')
    .execute();
  return rows.map((row) => ({ ...row, issuingCountry: row.issuingCountry?.trim() ?? null }));
}

/** The record's seizure date, when the reader sees the record (row-level security): undefined when not. */
export async function readRecordSeizureDate(
  tx: Tx,
  recordId: number,
): Promise<{ seizureDate: string | null } | undefined> {
  const result = await sql<{ seizureDate: string | null }>`
    select to_char(s.seizure_date, 'YYYY-MM-DD') as "seizureDate"
      from seizure_records s where s.id = ${recordId}::bigint`.execute(tx);
  return result.rows[0];
}
