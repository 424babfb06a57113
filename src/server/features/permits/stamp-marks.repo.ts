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
