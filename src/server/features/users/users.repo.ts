/** SQL of user accounts as the Secretariat and the platform's jobs manage them. */
import { sql } from 'kysely';
import type { Role } from '../../../shared/actor.ts';
import type { Tx } from '../../db/with-actor.ts';
import { containsPattern } from '../../lib/contains-pattern.ts';

/** A user with their organisation, as the Secretariat's list shows them. */
export function selectUsers(tx: Tx) {
  return tx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id',
      'u.email',
      'u.first_name',
      'u.last_name',
      'u.function_title',
      'u.language',
      'u.role',
      'u.has_itd_access',
      'u.status',
      'u.status_reason',
      'u.totp_enrolled_at',
      'u.last_active_at',
      'u.created_at',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'o.party',
    ]);
}
export type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

/** One page of users by e-mail address, filtered; limit + 1 rows (the extra one says there is more). */
export async function listUserRows(
  tx: Tx,
  query: {
    status?: UserRow['status'] | undefined;
    organisationId?: string | undefined;
    q?: string | undefined;
    afterEmail: string | null;
    limit: number;
  },
): Promise<UserRow[]> {
  let select = selectUsers(tx)
    .orderBy('u.email')
    .limit(query.limit + 1);
  if (query.status) select = select.where('u.status', '=', query.status);
  if (query.organisationId) select = select.where('u.organisation_id', '=', query.organisationId);
  if (query.q) {
    const pattern = containsPattern(query.q.toLowerCase());
    select = select.where((eb) =>
      eb.or([
        eb('u.email', 'like', pattern),
        eb(eb.fn('lower', ['u.last_name']), 'like', pattern),
        eb(eb.fn('lower', ['u.first_name']), 'like', pattern),
      ]),
    );
  }
  if (query.afterEmail !== null) select = select.where('u.email', '>', query.afterEmail);
  return select.execute();
}

export async function findUserRow(tx: Tx, userId: string, options: { forUpdate: boolean }) {
  const select = selectUsers(tx).where('u.id', '=', userId);
  return (options.forUpdate ? select.forUpdate('u') : select).executeTakeFirst();
}

/** A status change; reinstating also restarts the inactivity clock. */
export async function setUserStatus(
  tx: Tx,
  userId: string,
  change: { status: 'active' | 'suspended' | 'withdrawn'; reason: string | null; now: Date },
): Promise<void> {
  await tx
    .updateTable('users')
    .set({
      status: change.status,
      status_reason: change.reason,
      ...(change.status === 'active' ? { last_active_at: change.now, inactivity_warned_at: null } : {}),
    })
    .where('id', '=', userId)
    .execute();
}

/** select id from users where email = $1 */
export async function isEmailTaken(tx: Tx, email: string): Promise<boolean> {
  const row = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

/** Is there any user at all (a fresh database has none)? */
export async function hasAnyUser(tx: Tx): Promise<boolean> {
  return (await tx.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function insertUser(
  tx: Tx,
  values: {
    email: string;
    first_name: string;
    last_name: string;
    organisation_id: string;
    role: Role;
    has_itd_access: boolean;
    language: 'en' | 'fr' | 'es';
    password_hash?: string;
    must_change_password?: boolean;
    function_title?: string;
    telephone?: string;
    country?: string;
  },
): Promise<string> {
  const row = await tx.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const lastActive = sql<Date>`coalesce(last_active_at, created_at)`;

/** Active users not seen since before the date and not yet warned. */
export async function usersToWarn(tx: Tx, lastActiveBefore: Date) {
  return tx
    .selectFrom('users')
    .select(['id', 'email', 'first_name', 'language', lastActive.as('last_active')])
    .where('status', '=', 'active')
    .where('inactivity_warned_at', 'is', null)
    .where(lastActive, '<', lastActiveBefore)
    .execute();
}

/** Active users warned before one date and not seen since before another. */
export async function usersToSuspend(tx: Tx, warnedBefore: Date, lastActiveBefore: Date) {
  return tx
    .selectFrom('users')
    .select(['id', 'email', 'first_name', 'language'])
    .where('status', '=', 'active')
    .where('inactivity_warned_at', '<=', warnedBefore)
    .where(lastActive, '<', lastActiveBefore)
    .execute();
}

export async function markInactivityWarned(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.updateTable('users').set({ inactivity_warned_at: now }).where('id', '=', userId).execute();
}
