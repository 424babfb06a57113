/** Organisations: every user belongs to exactly one; the Secretariat creates them. */
import type { Actor } from '../../../shared/actor.ts';
import { can } from '../../../shared/permissions.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { AppError, ForbiddenError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit, type AuditContext } from '../audit/index.ts';
import type { IdentityDeps } from '../identity/index.ts';
import {
  findOrganisationByName,
  insertOrganisation,
  isKnownCountry,
  listOrganisationRows,
} from './organisations.repo.ts';

type Kind = 'secretariat' | 'party' | 'iccwc' | 'igo';
export interface OrganisationInput {
  name: string;
  kind: Kind;
  party: string | null;
  authorityType: string | null;
}

const abilitiesFor = (actor: Actor): 'manage'[] => (can(actor, 'organisation.manage') ? ['manage'] : []);

export async function listOrganisations(deps: IdentityDeps, actor: Actor, _request: RequestContext) {
  if (!can(actor, 'organisation.manage') && !can(actor, 'registration.review')) throw new ForbiddenError();
  const rows = await withActor(deps.db, actor, listOrganisationRows, { readsOnly: true });
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

/** Creates an organisation inside the caller's transaction (also a step of approving a registration). */
export async function createOrganisationInTx(tx: Tx, audit: AuditContext, input: OrganisationInput) {
  const actor = audit.actor;
  if (!can(actor, 'organisation.manage')) throw new ForbiddenError();
  // A Party body names its Party; no other kind of organisation does.
  if ((input.kind === 'party') !== (input.party !== null))
    throw new ValidationError([{ field: 'party', reason: input.kind === 'party' ? 'required' : 'invalid' }]);
  if (input.party && !(await isKnownCountry(tx, input.party)))
    throw new ValidationError([{ field: 'party', reason: 'invalid' }]);
  if (await findOrganisationByName(tx, input.name)) throw new AppError('conflict', 409);
  const row = await insertOrganisation(tx, {
    name: input.name,
    kind: input.kind,
    party: input.party,
    authority_type: input.authorityType,
  });
  await recordAudit(tx, audit, {
    action: 'organisation.created',
    targetType: 'organisation',
    targetId: row.id,
    details: { kind: row.kind, party: row.party },
  });
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    party: row.party,
    authorityType: row.authority_type,
    userCount: 0,
    abilities: abilitiesFor(actor),
  };
}

export async function createOrganisation(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: OrganisationInput,
) {
  return withActor(deps.db, actor, (tx) =>
    createOrganisationInTx(tx, auditContextOf(actor, deps.clock, request), input),
  );
}
