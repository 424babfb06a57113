/**
 * What happens to permits after they are loaded: the history of each (events), endorsements (box 14), the log of
 * lookups (the issuing Party's receipts), and what the database knows of the acting user's standing for permits
 * (the same functions the row-level security policies call, so the policy and the wall cannot disagree).
 */
import { sql } from 'kysely';
import type { PermitEventKind } from '../../../shared/permits.contract.ts';
import type { Tx } from '../../db/with-actor.ts';

export interface PermitStanding {
  isManagementAuthority: boolean;
  verifiesPermits: boolean;
}

export async function readPermitStanding(tx: Tx): Promise<PermitStanding> {
  const { rows } = await sql<{ ma: boolean; verifies: boolean }>`
    select app_actor_is_management_authority() as ma, app_actor_verifies_permits() as verifies`.execute(tx);
  return { isManagementAuthority: rows[0]?.ma === true, verifiesPermits: rows[0]?.verifies === true };
}

export interface NewPermitEvent {
  permitId: string;
  kind: PermitEventKind;
  occurredOn: string | null;
  note?: string;
  details?: Record<string, unknown>;
  userId: string | null;
}

export async function insertPermitEvent(tx: Tx, event: NewPermitEvent): Promise<void> {
  await insertPermitEvents(tx, [event]);
}

/** Events a few thousand per statement (an import of many permits). */
export async function insertPermitEvents(tx: Tx, events: NewPermitEvent[]): Promise<void> {
  for (let at = 0; at < events.length; at += 5000)
    await tx
      .insertInto('permit_events')
      .values(
        events.slice(at, at + 5000).map((event) => ({
          permit_id: event.permitId,
          kind: event.kind,
          occurred_on: event.occurredOn,
          note: event.note ?? '',
          details: JSON.stringify(event.details ?? {}),
          user_id: event.userId,
        })),
      )
      .execute();
}
/**
 * Serialises endorsements of one permit (two officers endorsing the last kilos at once must not both succeed).
 * A transaction-scoped advisory lock: the verifying user may not update the permit row, so it cannot lock it.
 */
export async function lockPermitForEndorsement(tx: Tx, permitId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${permitId}, 16))`.execute(tx);
}

export async function insertEndorsements(
  tx: Tx,
  permitId: string,
  lines: { lineNo: number; quantity: number }[],
  meta: { port: string; on: string; userId: string | null; organisationId: string | null },
): Promise<void> {
  await tx
    .insertInto('permit_endorsements')
    .values(
      lines.map((line) => ({
        permit_id: permitId,
        line_no: line.lineNo,
        quantity: line.quantity,
        port: meta.port,
        endorsed_on: meta.on,
        user_id: meta.userId,
        organisation_id: meta.organisationId,
      })),
    )
    .execute();
}

export async function insertLookup(
  tx: Tx,
  lookup: {
    country: string;
    numberKey: string;
    permitId: string | null;
    found: boolean;
    valid: boolean;
    flags: string[];
    userId: string | null;
    organisationId: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('permit_lookups')
    .values({
      issuing_country: lookup.country,
      number_key: lookup.numberKey,
      permit_id: lookup.permitId,
      is_found: lookup.found,
      is_valid: lookup.valid,
      flags: lookup.flags,
      user_id: lookup.userId,
      organisation_id: lookup.organisationId,
      // The organisation's name at the time of the lookup (organisations are not readable by every user).
      organisation_name: sql<string>`coalesce((select o.name from organisations o where o.id = ${lookup.organisationId}), '')`,
    })
    .execute();
}

const RECEIPTS_PAGE = 200;

/** The latest lookups of a Party's permit numbers: who (organisation) and when. */
export async function readReceipts(tx: Tx, country: string) {
  return tx
    .selectFrom('permit_lookups as k')
    .leftJoin('permits as p', 'p.id', 'k.permit_id')
    .select([
      'p.number',
      'k.number_key as numberKey',
      'k.organisation_name as organisationName',
      'k.looked_up_at as lookedUpAt',
      'k.is_found as found',
      'k.is_valid as valid',
      'k.flags',
    ])
    .where('k.issuing_country', '=', country)
    .orderBy('k.looked_up_at', 'desc')
    .orderBy('k.id', 'desc')
    .limit(RECEIPTS_PAGE)
    .execute();
}

/** The users to alert when a permit of a Party is reported lost or stolen: that Party's active users. */
export async function findPartyContacts(tx: Tx, country: string) {
  return tx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'u.language'])
    .where('o.kind', '=', 'party')
    .where('o.party', '=', country)
    .where('u.status', '=', 'active')
    .execute();
}
