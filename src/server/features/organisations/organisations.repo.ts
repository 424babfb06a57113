/** SQL of organisations (every user belongs to exactly one). */
import type { Tx } from '../../db/with-actor.ts';

type Kind = 'secretariat' | 'party' | 'iccwc' | 'igo';

/** select o.*, count(u.id) from organisations o left join users u … group by o.id order by name */
export async function listOrganisationRows(tx: Tx) {
  return tx
    .selectFrom('organisations as o')
    .leftJoin('users as u', 'u.organisation_id', 'o.id')
    .select(['o.id', 'o.name', 'o.kind', 'o.party', 'o.authority_type'])
    .select((eb) => eb.fn.count<number>('u.id').as('user_count'))
    .groupBy('o.id')
    .orderBy('o.name')
    .execute();
}

/** select id, kind from organisations where id = $1 */
export async function findOrganisationKind(tx: Tx, organisationId: string) {
  return tx
    .selectFrom('organisations')
    .select(['id', 'kind'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}

/** select id, kind from organisations where name = $1 */
export async function findOrganisationByName(tx: Tx, name: string) {
  return tx.selectFrom('organisations').select(['id', 'kind']).where('name', '=', name).executeTakeFirst();
}

/** select code from countries where code = $1 */
export async function isKnownCountry(tx: Tx, code: string): Promise<boolean> {
  const row = await tx.selectFrom('countries').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function insertOrganisation(
  tx: Tx,
  values: { name: string; kind: Kind; party: string | null; authority_type: string | null },
) {
  return tx
    .insertInto('organisations')
    .values(values)
    .returning(['id', 'name', 'kind', 'party', 'authority_type'])
    .executeTakeFirstOrThrow();
}
