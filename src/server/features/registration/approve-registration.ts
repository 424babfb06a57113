/**
 * Approving a registration: the Secretariat chooses or creates the organisation and the role; the
 * person becomes a user without a password and receives a link to choose one.
 */
import { ORGANISATION_KIND_ROLES, can } from '../../../shared/permissions.ts';
import type { Registration } from '../../../shared/registration.contract.ts';
import type { Actor } from '../../../shared/actor.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { AppError, ForbiddenError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit, type AuditContext } from '../audit/index.ts';
import { createOneTimeToken } from '../identity/index.ts';
import type { IdentityDeps } from '../identity/index.ts';
import { queueMail } from '../mail/index.ts';
import { fileRegistrationJoinRequests } from '../groups/index.ts';
import { findOrganisationKind } from '../organisations/index.ts';
import { createOrganisationInTx } from '../organisations/index.ts';
import { insertUser, isEmailTaken } from '../users/index.ts';
import { registrationAbilities } from './registration.policy.ts';
import { updateRegistration } from './registration.repo.ts';
import { loadRegistration, toRegistration } from './registration.service.ts';

const SET_PASSWORD_LINK_HOURS = 72;

export interface ApproveInput {
  organisationId?: string | undefined;
  newOrganisation?:
    | {
        name: string;
        kind: 'secretariat' | 'party' | 'iccwc' | 'igo';
        party: string | null;
        authorityType: string | null;
      }
    | undefined;
  role: 'admin' | 'data_officer' | 'focal_point' | 'reporter' | 'member';
  itdAccess: boolean;
}

export async function approveRegistration(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: ApproveInput & { id: string },
): Promise<Registration> {
  const result = await withActor(deps.db, actor, (tx) =>
    approveInTx(tx, deps, auditContextOf(actor, deps.clock, request), input),
  );
  deps.mail.kick();
  return result;
}

async function approveInTx(
  tx: Tx,
  deps: IdentityDeps,
  audit: AuditContext,
  input: ApproveInput & { id: string },
): Promise<Registration> {
  const { actor } = audit;
  const { id } = input;
  const row = await loadRegistration(tx, actor, id);
  if (!registrationAbilities(actor, row).includes('decide') || actor.kind !== 'user')
    throw new ForbiddenError();
  const organisation = await resolveOrganisation(tx, audit, input);
  if (!ORGANISATION_KIND_ROLES[organisation.kind].includes(input.role)) {
    throw new ValidationError([
      {
        field: 'role',
        reason: 'invalid_value',
        params: { values: ORGANISATION_KIND_ROLES[organisation.kind].join(', ') },
      },
    ]);
  }
  if (input.itdAccess && organisation.kind === 'igo')
    throw new ValidationError([{ field: 'itdAccess', reason: 'invalid' }]);
  if (await isEmailTaken(tx, row.email)) throw new AppError('conflict', 409);
  const userId = await insertUser(tx, {
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    function_title: row.function_title,
    telephone: row.telephone,
    country: row.country,
    language: row.language,
    organisation_id: organisation.id,
    role: input.role,
    has_itd_access: input.itdAccess,
  });
  const now = audit.clock();
  await updateRegistration(tx, id, {
    status: 'approved',
    decided_by: actor.userId,
    decided_at: now,
    user_id: userId,
    decision_reason: null,
  });
  const secret = await createOneTimeToken(tx, {
    purpose: 'reset_password',
    userId: userId,
    now,
    hours: SET_PASSWORD_LINK_HOURS,
  });
  await queueMail(tx, {
    to: row.email,
    language: row.language,
    template: 'registration_approved',
    params: {
      firstName: row.first_name,
      hours: SET_PASSWORD_LINK_HOURS,
      link: `${deps.settings.publicUrl}/reset-password/complete?token=${secret}`,
    },
  });
  // The groups the person asked for become join requests for each group's owners to decide.
  const groups = await fileRegistrationJoinRequests(
    tx,
    deps.settings,
    {
      id,
      userId: userId,
      requestedGroups: row.requested_groups,
      country: row.country,
      lastName: row.last_name,
      firstName: row.first_name,
      organisation: row.organisation,
      functionTitle: row.function_title,
      telephone: row.telephone,
      email: row.email,
      justification: row.justification,
      language: row.language,
    },
    now,
  );
  await recordAudit(tx, audit, {
    action: 'registration.approved',
    targetType: 'registration',
    targetId: id,
    details: {
      userId: userId,
      organisationId: organisation.id,
      role: input.role,
      itdAccess: input.itdAccess,
      groupJoinRequests: groups.filed,
      unmatchedGroups: groups.unmatched,
    },
  });
  return toRegistration(await loadRegistration(tx, actor, id), actor);
}

async function resolveOrganisation(tx: Tx, audit: AuditContext, input: ApproveInput) {
  if (input.organisationId) {
    const found = await findOrganisationKind(tx, input.organisationId);
    if (!found) throw new ValidationError([{ field: 'organisationId', reason: 'invalid' }]);
    return found;
  }
  if (!input.newOrganisation) throw new ValidationError([{ field: 'organisationId', reason: 'required' }]);
  if (!can(audit.actor, 'organisation.manage')) throw new ForbiddenError();
  const created = await createOrganisationInTx(tx, audit, input.newOrganisation);
  return { id: created.id, kind: created.kind };
}
