/**
 * Approving a registration: the Secretariat chooses or creates the organisation and the role; the
 * person becomes a user without a password and receives a link to choose one.
 */
import { ORGANISATION_KIND_ROLES, can } from '../../../shared/permissions.ts';
import type { Registration } from '../../../shared/registration.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { AppError, ForbiddenError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { createOneTimeToken } from '../identity/account.service.ts';
import type { IdentityDeps } from '../identity/identity-deps.ts';
import { queueMail } from '../mail/mail.service.ts';
import { fileRegistrationJoinRequests } from '../groups/join-requests.service.ts';
import { createOrganisation } from '../organisations/organisations.service.ts';
import { registrationAbilities } from './registration.policy.ts';
import { loadRegistration, toRegistration, type RegistrationContext } from './registration.service.ts';

const SET_PASSWORD_LINK_HOURS = 72;
type Ctx = RegistrationContext;
const auditCtx = (ctx: Ctx) => ({ actor: ctx.actor, clock: ctx.clock, ...ctx.meta });

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
  tx: Tx,
  ctx: Ctx,
  id: string,
  input: ApproveInput,
): Promise<Registration> {
  const row = await loadRegistration(tx, ctx.actor, id);
  if (!registrationAbilities(ctx.actor, row).includes('decide') || ctx.actor.kind !== 'user')
    throw new ForbiddenError();
  const organisation = await resolveOrganisation(tx, ctx, input);
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
  const taken = await tx.selectFrom('users').select('id').where('email', '=', row.email).executeTakeFirst();
  if (taken) throw new AppError('conflict', 409);
  const user = await tx
    .insertInto('users')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = ctx.clock();
  await tx
    .updateTable('registrations')
    .set({
      status: 'approved',
      decided_by: ctx.actor.userId,
      decided_at: now,
      user_id: user.id,
      decision_reason: null,
    })
    .where('id', '=', id)
    .execute();
  const secret = await createOneTimeToken(tx, {
    purpose: 'reset_password',
    userId: user.id,
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
      userId: user.id,
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
  await recordAudit(tx, auditCtx(ctx), {
    action: 'registration.approved',
    targetType: 'registration',
    targetId: id,
    details: {
      userId: user.id,
      organisationId: organisation.id,
      role: input.role,
      itdAccess: input.itdAccess,
      groupJoinRequests: groups.filed,
      unmatchedGroups: groups.unmatched,
    },
  });
  return toRegistration(await loadRegistration(tx, ctx.actor, id), ctx.actor);
}

async function resolveOrganisation(tx: Tx, ctx: Ctx, input: ApproveInput) {
  if (input.organisationId) {
    const found = await tx
      .selectFrom('organisations')
      .select(['id', 'kind'])
      .where('id', '=', input.organisationId)
      .executeTakeFirst();
    if (!found) throw new ValidationError([{ field: 'organisationId', reason: 'invalid' }]);
    return found;
  }
  if (!input.newOrganisation) throw new ValidationError([{ field: 'organisationId', reason: 'required' }]);
  if (!can(ctx.actor, 'organisation.manage')) throw new ForbiddenError();
  const created = await createOrganisation(tx, ctx, input.newOrganisation);
  return { id: created.id, kind: created.kind };
}
