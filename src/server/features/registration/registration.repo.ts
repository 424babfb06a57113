/** SQL of registrations: the public form's requests and the vetting queue. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { RegistrationsTable } from '../../db/schema.ts';
import type { Tx } from '../../db/with-actor.ts';

/** select r.*, endorser's name from registrations r left join users e … — the queue and one request share it. */
export function selectRegistrations(tx: Tx) {
  return tx
    .selectFrom('registrations as r')
    .leftJoin('users as e', 'e.id', 'r.endorsed_by')
    .selectAll('r')
    .select((eb) =>
      eb.fn
        .coalesce(eb.fn<string>('concat_ws', [eb.val(' '), 'e.first_name', 'e.last_name']), eb.val(''))
        .as('endorser'),
    );
}
export type RegistrationRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectRegistrations>['executeTakeFirst']>>
>;

/** One registration, locked for a decision. */
export async function findRegistrationForUpdate(tx: Tx, id: string) {
  return selectRegistrations(tx).where('r.id', '=', id).forUpdate('r').executeTakeFirst();
}

/**
 * select r.* from registrations r … where status = $1 [and country = $party] [and created_at < …]
 * order by created_at, id; limit + 1 rows. The organisation kind matches requests naming an existing
 * organisation of that kind.
 */
export async function listRegistrationRows(
  tx: Tx,
  query: {
    status: RegistrationRow['status'];
    countries: string[];
    createdBefore: Date | null;
    organisationKind?: 'secretariat' | 'party' | 'iccwc' | 'igo' | undefined;
    after: { at: Date; id: string } | null;
    limit: number;
  },
): Promise<RegistrationRow[]> {
  let select = selectRegistrations(tx)
    .where('r.status', '=', query.status)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(query.limit + 1);
  for (const country of query.countries) select = select.where('r.country', '=', country);
  if (query.createdBefore) select = select.where('r.created_at', '<', query.createdBefore);
  if (query.organisationKind) {
    const kind = query.organisationKind;
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('organisations as o')
          .select('o.id')
          .where(sql<boolean>`lower(o.name) = lower(r.organisation)`)
          .where('o.kind', '=', kind),
      ),
    );
  }
  const after = query.after;
  if (after) {
    select = select.where((eb) =>
      eb.or([
        eb('r.created_at', '>', after.at),
        eb.and([eb('r.created_at', '=', after.at), eb('r.id', '>', after.id)]),
      ]),
    );
  }
  return select.execute();
}

export async function insertRegistration(tx: Tx, values: Insertable<RegistrationsTable>): Promise<string> {
  const row = await tx.insertInto('registrations').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRegistration(
  tx: Tx,
  id: string,
  set: Updateable<RegistrationsTable>,
  where: { status?: RegistrationRow['status'] } = {},
): Promise<void> {
  let update = tx.updateTable('registrations').set(set).where('id', '=', id);
  if (where.status) update = update.where('status', '=', where.status);
  await update.execute();
}
