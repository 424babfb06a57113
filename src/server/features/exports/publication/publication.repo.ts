/**
 * The SQL of consent to publish (migration 0051). Row-level security lets the requester, the focal points of a Party
 * asked (its own consent row only), the Secretariat's admins and data officers, and the platform's jobs read a
 * request; the queries below add the caller's own view on top (mine, to answer, filed).
 */
import { sql, type Selectable } from 'kysely';
import type { PublicationConsentsTable, PublicationRequestsTable } from '../../../db/schema-data-out.ts';
import type { Tx } from '../../../db/with-actor.ts';

export type PublicationRow = Selectable<PublicationRequestsTable>;
export type ConsentRow = Selectable<PublicationConsentsTable>;

export interface NewPublicationRequest {
  requester_id: string;
  organisation_id: string;
  requester_name: string;
  organisation_name: string;
  language: PublicationRow['language'];
  download_id: string | null;
  export_checksum: string | null;
  filters: Record<string, unknown>;
  title: string;
  intended_use: string;
  modification_statement: string;
  parties: string[];
  created_at: Date;
  expires_at: Date;
}

export async function insertPublicationRequest(
  tx: Tx,
  row: NewPublicationRequest,
  counts: Map<string, number | null>,
): Promise<string> {
  const inserted = await tx
    .insertInto('publication_requests')
    .values({ ...row, filters: JSON.stringify(row.filters), consents_undecided: row.parties.length })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('publication_consents')
    .values(
      row.parties.map((party) => ({
        request_id: inserted.id,
        party,
        record_count: counts.get(party) ?? null,
      })),
    )
    .execute();
  return inserted.id;
}

const LIST_LIMIT = 200;

/** The requester's own requests, newest first. */
export async function selectOwnRequests(tx: Tx, userId: string): Promise<PublicationRow[]> {
  return tx
    .selectFrom('publication_requests')
    .selectAll()
    .where('requester_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(LIST_LIMIT)
    .execute();
}

/** Requests that ask a Party, pending first (then the most recent). */
export async function selectRequestsAskingParty(tx: Tx, party: string): Promise<PublicationRow[]> {
  return tx
    .selectFrom('publication_requests')
    .selectAll()
    .where(sql<boolean>`${party}::text = any(parties)`)
    .orderBy(sql`status = 'pending'`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(LIST_LIMIT)
    .execute();
}

/** The proofs filed with the Secretariat, newest first. */
export async function selectFiledRequests(tx: Tx): Promise<PublicationRow[]> {
  return tx
    .selectFrom('publication_requests')
    .selectAll()
    .where('filed_at', 'is not', null)
    .orderBy('filed_at', 'desc')
    .limit(LIST_LIMIT)
    .execute();
}

export async function selectRequest(tx: Tx, id: string): Promise<PublicationRow | undefined> {
  return tx.selectFrom('publication_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The consent rows of some requests that row-level security lets the caller read. */
export async function selectConsents(tx: Tx, requestIds: string[]): Promise<ConsentRow[]> {
  if (requestIds.length === 0) return [];
  return tx
    .selectFrom('publication_consents')
    .selectAll()
    .where('request_id', 'in', requestIds)
    .orderBy('party')
    .execute();
}

/** Locks the request row: decisions on one request are taken one at a time. */
export async function lockRequest(tx: Tx, id: string): Promise<PublicationRow | undefined> {
  return tx
    .selectFrom('publication_requests')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Records a Party's decision, once: a consent already decided is not decided again. */
export async function decideConsentRow(
  tx: Tx,
  input: {
    requestId: string;
    party: string;
    status: 'approved' | 'refused';
    userId: string;
    deciderName: string;
    deciderOrganisation: string;
    at: Date;
    comment: string;
    language: ConsentRow['comment_language'];
  },
): Promise<ConsentRow | undefined> {
  return tx
    .updateTable('publication_consents')
    .set({
      status: input.status,
      decided_by: input.userId,
      decider_name: input.deciderName,
      decider_organisation: input.deciderOrganisation,
      decided_at: input.at,
      comment: input.comment === '' ? null : input.comment,
      comment_language: input.language,
    })
    .where('request_id', '=', input.requestId)
    .where('party', '=', input.party)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

export async function updateRequestState(
  tx: Tx,
  id: string,
  change: Partial<
    Pick<PublicationRow, 'status' | 'consents_undecided' | 'closed_at' | 'filed_at' | 'last_reminded_at'>
  >,
): Promise<void> {
  await tx.updateTable('publication_requests').set(change).where('id', '=', id).execute();
}

export async function countReminder(tx: Tx, id: string, at: Date): Promise<void> {
  await tx
    .updateTable('publication_requests')
    .set({ last_reminded_at: at, reminders_sent: sql`reminders_sent + 1` })
    .where('id', '=', id)
    .execute();
}

/** Pending requests past their expiry (the jobs' view). */
export async function selectExpiredPending(tx: Tx, now: Date, limit: number): Promise<PublicationRow[]> {
  return tx
    .selectFrom('publication_requests')
    .selectAll()
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

/** Pending requests last reminded (or made) before `before`. */
export async function selectDueForReminder(tx: Tx, before: Date, limit: number): Promise<PublicationRow[]> {
  return tx
    .selectFrom('publication_requests')
    .selectAll()
    .where('status', '=', 'pending')
    .where((eb) => eb(eb.fn.coalesce('last_reminded_at', 'created_at'), '<', before))
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/** A Party's active focal points, to be told of a request (the jobs' view: users are not readable by others). */
export async function selectFocalPoints(tx: Tx, party: string) {
  return tx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.email', 'u.language', 'u.first_name'])
    .where('o.kind', '=', 'party')
    .where('o.party', '=', party)
    .where('u.role', '=', 'focal_point')
    .where('u.status', '=', 'active')
    .orderBy('u.email')
    .execute();
}

export async function selectUserContact(tx: Tx, userId: string) {
  return tx
    .selectFrom('users')
    .select(['email', 'language', 'first_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function selectOrganisationName(tx: Tx, id: string): Promise<string> {
  const row = await tx.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? '';
}
