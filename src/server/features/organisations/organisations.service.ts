/** Organisations: every user belongs to exactly one; the Secretariat creates them. */
import type { Actor } from '../../../shared/actor.ts';
import { can } from '../../../shared/permissions.ts';
import type { RequestMeta } from '../identity/identity-deps.ts';
import type { Tx } from '../../db/with-actor.ts';
import { AppError, ForbiddenError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';

type Kind = 'secretariat' | 'party' | 'iccwc' | 'igo';

const abilitiesFor = (actor: Actor): 'manage'[] => (can(actor, 'organisation.manage') ? ['manage'] : []);

/** select o.*, count(u.id) from organisations o left join users u … group by o.id order by name */
export async function listOrganisations(tx: Tx, actor: Actor) {
  if (!can(actor, 'organisation.manage') && !can(actor, 'registration.review')) throw new ForbiddenError();
  const rows = await tx
    .selectFrom('organisations as o')
    .leftJoin('users as u', 'u.organisation_id', 'o.id')
    .select(['o.id', 'o.name', 'o.kind', 'o.party', 'o.authority_type'])
    .select((eb) => eb.fn.count<number>('u.id').as('user_count'))
    .groupBy('o.id')
    .orderBy('o.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    party: row.party,
    authorityType: row.authority_type,
    userCount: Number(row.user_count),
    abilities: abilitiesFor(actor),
  }));
}

export async function createOrganisation(
  tx: Tx,
  ctx: { actor: Actor; clock: () => Date; meta: RequestMeta },
  input: { name: string; kind: Kind; party: string | null; authorityType: string | null },
) {
  if (!can(ctx.actor, 'organisation.manage')) throw new ForbiddenError();
  // A Party body names its Party; no other kind of organisation does.
  if ((input.kind === 'party') !== (input.party !== null))
    throw new ValidationError([{ field: 'party', reason: input.kind === 'party' ? 'required' : 'invalid' }]);
  if (input.party) {
    const known = await tx
      .selectFrom('countries')
      .select('code')
      .where('code', '=', input.party)
      .executeTakeFirst();
    if (!known) throw new ValidationError([{ field: 'party', reason: 'invalid' }]);
  }
  const taken = await tx
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (taken) throw new AppError('conflict', 409);
  const row = await tx
    .insertInto('organisations')
    .values({ name: input.name, kind: input.kind, party: input.party, authority_type: input.authorityType })
    .returning(['id', 'name', 'kind', 'party', 'authority_type'])
    .executeTakeFirstOrThrow();
  await recordAudit(
    tx,
    { actor: ctx.actor, clock: ctx.clock, ...ctx.meta },
    {
      action: 'organisation.created',
      targetType: 'organisation',
      targetId: row.id,
      details: { kind: row.kind, party: row.party },
    },
  );
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    party: row.party,
    authorityType: row.authority_type,
    userCount: 0,
    abilities: abilitiesFor(ctx.actor),
  };
}
