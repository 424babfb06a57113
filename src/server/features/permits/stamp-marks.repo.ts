/**
 * Ranges of blank security stamps reported lost or stolen (migrations/0049), and the one question a lookup asks of
 * them: does this stamp fall in a marked range? Stamps are compared as the letters before their number and the
 * number itself (stampParts), through the range index.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';
import type { StampParts } from './stamp-numbers.ts';

export interface StampReport {
  status: 'lost' | 'stolen';
  on: string;
}

export async function insertStampMark(
  tx: Tx,
  mark: {
    country: string;
    from: string;
    to: string;
    first: StampParts;
    last: StampParts;
    status: 'lost' | 'stolen';
    on: string;
    note: string;
    userId: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('permit_stamp_marks')
    .values({
      issuing_country: mark.country,
      stamp_from: mark.from,
      stamp_to: mark.to,
      prefix: mark.first.prefix,
      first_no: mark.first.number,
      last_no: mark.last.number,
      status: mark.status,
      marked_on: mark.on,
      note: mark.note,
      user_id: mark.userId,
    })
    .execute();
}

/** The latest report covering this stamp of this Party, or null. */
export async function findStampReport(
  tx: Tx,
  country: string,
  stamp: StampParts,
): Promise<StampReport | null> {
  const result = await sql<StampReport>`select status, marked_on::text as "on" from permit_stamp_marks
     where issuing_country = ${country}::char(2) and prefix = ${stamp.prefix}
       and first_no <= ${stamp.number}::bigint and last_no >= ${stamp.number}::bigint
     order by created_at desc, id desc limit 1`.execute(tx);
  return result.rows[0] ?? null;
}

/**
 * The latest report covering each of these stamps (several Parties' at once, for the seizures a page of records
 * names), keyed by `country|prefix|number`.
 */
export async function findStampReports(
  tx: Tx,
  stamps: { country: string; stamp: StampParts }[],
): Promise<Map<string, StampReport>> {
  const reports = new Map<string, StampReport>();
  if (stamps.length === 0) return reports;
  const result = await sql<StampReport & { key: string }>`
    select distinct on (q.country, q.prefix, q.number)
           q.country || '|' || q.prefix || '|' || q.number as key, m.status, m.marked_on::text as "on"
      from unnest(${stamps.map((s) => s.country)}::text[], ${stamps.map((s) => s.stamp.prefix)}::text[],
                  ${stamps.map((s) => s.stamp.number)}::bigint[]) as q(country, prefix, number)
      join permit_stamp_marks m
        on m.issuing_country = q.country::char(2) and m.prefix = q.prefix
       and m.first_no <= q.number and m.last_no >= q.number
     order by q.country, q.prefix, q.number, m.created_at desc, m.id desc`.execute(tx);
  for (const { key, ...report } of result.rows) reports.set(key, report);
  return reports;
}

export const stampReportKey = (country: string, stamp: StampParts) =>
  `${country}|${stamp.prefix}|${stamp.number}`;
