/**
 * The access receipts' SQL (migration 0050). The fold reads the audit log on the owner connection (only Secretariat
 * admins may read the log through row-level security; ADR 0001: such functions are named `unsafe…`); everything
 * else runs as the actor, and the policies let a Party's focal points read only their own Party's receipts.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../db/with-actor.ts';

/** Serialises folds (the job, and each page that folds before it reads). */
const FOLD_LOCK_KEY = 7_315_050_001;

/**
 * Folds up to `batch` linked audit entries after the bookmark into the daily sums, and moves the bookmark, in one
 * transaction. Entries are taken in chain order (seq), which the linker gives only to committed entries, so none is
 * missed or counted twice. Returns how many entries were read.
 *   insert into access_receipts … select party, day, organisation, kind, count(*), sum(records)
 *     from audit_events e, jsonb_each_text(e.details->'partyCounts') where seq in (bookmark, last] … group by …
 *     on conflict … do update set events = events + excluded.events, records = records + excluded.records
 */
export async function unsafeFoldAccessReceipts(db: Kysely<DB>, batch: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${FOLD_LOCK_KEY})`.execute(trx);
    const progress = await sql<{ folded: string }>`
      select folded_seq as folded from access_receipts_progress where singleton`.execute(trx);
    const from = Number(progress.rows[0]?.folded ?? 0);
    const range = await sql<{ last: string | null }>`
      select max(seq) as last from (
        select seq from audit_events where seq > ${from} order by seq limit ${batch}) s`.execute(trx);
    const last = range.rows[0]?.last;
    if (last === null || last === undefined) return 0;
    await sql`
      insert into access_receipts
        (party, day, organisation_id, organisation_name, organisation_kind, kind, events, records)
      select c.key, (e.occurred_at at time zone 'UTC')::date, o.id, o.name, o.kind,
             case e.action when 'seizure.search' then 'search' when 'seizure.view' then 'view' else 'download' end,
             count(*), sum(c.n)
        from audit_events e
        join users u on u.id = e.actor_id
        join organisations o on o.id = coalesce((e.details ->> 'organisationId')::uuid, u.organisation_id)
        cross join lateral (
          select p.key, case when p.value ~ '^[0-9]{1,15}$' then p.value::bigint else 0 end as n
            from jsonb_each_text(
              case when jsonb_typeof(e.details -> 'partyCounts') = 'object' then e.details -> 'partyCounts'
                   else '{}'::jsonb end) p) c
       where e.seq > ${from} and e.seq <= ${last}
         and e.actor_kind = 'user'
         and e.action in ('seizure.search', 'seizure.view', 'export.completed')
         and length(c.key) = 2 and c.n > 0
       group by 1, 2, 3, 4, 5, 6
      on conflict (party, day, organisation_id, kind) do update
        set events = access_receipts.events + excluded.events,
            records = access_receipts.records + excluded.records,
            organisation_name = excluded.organisation_name`.execute(trx);
    await sql`update access_receipts_progress set folded_seq = ${last} where singleton`.execute(trx);
    return Number(last) - from;
  });
}

/** A Party's receipts between two days (inclusive), newest first. */
export async function selectReceipts(
  tx: Tx,
  query: { party: string; from: string; to: string; limit: number },
) {
  return tx
    .selectFrom('access_receipts')
    .select(['day', 'organisation_name', 'organisation_kind', 'kind', 'events', 'records'])
    .where('party', '=', query.party)
    .where('day', '>=', query.from)
    .where('day', '<=', query.to)
    .orderBy('day', 'desc')
    .orderBy('organisation_name')
    .orderBy('kind')
    .limit(query.limit)
    .execute();
}

export async function selectSummaryChoice(tx: Tx, userId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('user_preferences')
    .select('access_receipt_summary')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.access_receipt_summary ?? true;
}

export async function upsertSummaryChoice(tx: Tx, userId: string, wanted: boolean, at: Date): Promise<void> {
  await tx
    .insertInto('user_preferences')
    .values({ user_id: userId, access_receipt_summary: wanted, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ access_receipt_summary: wanted, updated_at: at }))
    .execute();
}

/** Per Party, the month's totals of the Parties not yet summarised for that month. */
export async function selectUnsummarisedMonth(tx: Tx, month: { first: string; next: string }) {
  return tx
    .selectFrom('access_receipts as r')
    .select((eb) => [
      'r.party',
      eb.fn.count<string>('r.organisation_id').distinct().as('organisations'),
      eb.fn.sum<string>('r.records').filterWhere('r.kind', '=', 'search').as('searched'),
      eb.fn.sum<string>('r.records').filterWhere('r.kind', '=', 'view').as('viewed'),
      eb.fn.sum<string>('r.records').filterWhere('r.kind', '=', 'download').as('downloaded'),
    ])
    .where('r.day', '>=', month.first)
    .where('r.day', '<', month.next)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('access_receipt_summaries as s')
            .select('s.party')
            .whereRef('s.party', '=', 'r.party')
            .where('s.month', '=', month.first),
        ),
      ),
    )
    .groupBy('r.party')
    .orderBy('r.party')
    .execute();
}

/** A Party's active focal points who have not turned the monthly summary off. */
export async function selectSummaryRecipients(tx: Tx, party: string) {
  return tx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .leftJoin('user_preferences as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.language', 'u.first_name'])
    .where('o.kind', '=', 'party')
    .where('o.party', '=', party)
    .where('u.role', '=', 'focal_point')
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.or([eb('p.access_receipt_summary', 'is', null), eb('p.access_receipt_summary', '=', true)]),
    )
    .orderBy('u.email')
    .execute();
}

export async function insertSummarySent(
  tx: Tx,
  row: { party: string; month: string; sentAt: Date; recipients: number },
): Promise<void> {
  await tx
    .insertInto('access_receipt_summaries')
    .values({ party: row.party, month: row.month, sent_at: row.sentAt, recipients: row.recipients })
    .execute();
}
