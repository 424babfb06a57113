/**
 * Registration (the public form and e-mail verification) and vetting (the Secretariat decides, a
 * Party's focal point may endorse or object first). The applicant hears of each decision by e-mail
 * in their language. The public answers never reveal whether an address already has an account.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { Registration, RegistrationRequest } from '../../../shared/registration.contract.ts';
import type { RegistrationsTable } from '../../db/schema.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { consumeOneTimeToken, createOneTimeToken } from '../identity/account.service.ts';
import type { IdentityDeps, RequestMeta } from '../identity/identity-deps.ts';
import { FRONT_DOOR } from '../identity/sessions.service.ts';
import { queueMail } from '../mail/mail.service.ts';
import { canSeeRegistration, registrationAbilities } from './registration.policy.ts';
import type { Selectable } from 'kysely';

const VERIFY_LINK_HOURS = 48;

export type RegistrationContext = { actor: Actor; clock: () => Date; meta: RequestMeta };
type Ctx = RegistrationContext;
const auditCtx = (ctx: Ctx) => ({ actor: ctx.actor, clock: ctx.clock, ...ctx.meta });

export async function submitRegistration(
  deps: IdentityDeps,
  meta: RequestMeta,
  input: RegistrationRequest,
): Promise<void> {
  await withActor(deps.db, FRONT_DOOR, async (tx) => {
    const country = await tx
      .selectFrom('countries')
      .select('code')
      .where('code', '=', input.country)
      .executeTakeFirst();
    if (!country) throw new ValidationError([{ field: 'country', reason: 'invalid' }]);
    const existing = await tx
      .selectFrom('users')
      .select('id')
      .where('email', '=', input.email)
      .executeTakeFirst();
    // Same answer either way; an existing account gets no new request (the person can reset a password).
    if (existing) return;
    const domain = input.email.split('@')[1] ?? '';
    const row = await tx
      .insertInto('registrations')
      .values({
        country: input.country,
        last_name: input.lastName,
        first_name: input.firstName,
        organisation: input.organisation,
        function_title: input.functionTitle,
        telephone: input.telephone,
        email: input.email,
        requests_itd_access: input.requestsItdAccess,
        requested_groups: input.requestedGroups,
        justification: input.justification,
        language: input.language,
        is_webmail: deps.settings.webmailDomains.includes(domain),
        created_at: deps.clock(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const secret = await createOneTimeToken(tx, {
      purpose: 'verify_email',
      registrationId: row.id,
      now: deps.clock(),
      hours: VERIFY_LINK_HOURS,
    });
    await queueMail(tx, {
      to: input.email,
      language: input.language,
      template: 'verify_email',
      params: {
        firstName: input.firstName,
        hours: VERIFY_LINK_HOURS,
        link: `${deps.settings.publicUrl}/verify-email?token=${secret}`,
      },
    });
    await recordAudit(
      tx,
      { actor: FRONT_DOOR, clock: deps.clock, ...meta },
      {
        action: 'registration.submitted',
        targetType: 'registration',
        targetId: row.id,
        details: { country: input.country, requestsItdAccess: input.requestsItdAccess },
      },
    );
  });
  deps.mail.kick();
}

export async function verifyRegistrationEmail(
  deps: IdentityDeps,
  meta: RequestMeta,
  secret: string,
): Promise<void> {
  await withActor(deps.db, FRONT_DOOR, async (tx) => {
    const now = deps.clock();
    const token = await consumeOneTimeToken(tx, secret, 'verify_email', now);
    if (!token?.registration_id) throw new ValidationError([{ field: 'token', reason: 'expired' }]);
    await tx
      .updateTable('registrations')
      .set({ status: 'pending_review', email_verified_at: now })
      .where('id', '=', token.registration_id)
      .where('status', '=', 'pending_verification')
      .execute();
    await recordAudit(
      tx,
      { actor: FRONT_DOOR, clock: deps.clock, ...meta },
      {
        action: 'registration.email_verified',
        targetType: 'registration',
        targetId: token.registration_id,
      },
    );
  });
}

export function toRegistration(
  row: Selectable<RegistrationsTable> & { endorser: string | null },
  actor: Actor,
): Registration {
  return {
    id: row.id,
    status: row.status,
    country: row.country,
    lastName: row.last_name,
    firstName: row.first_name,
    organisation: row.organisation,
    functionTitle: row.function_title,
    telephone: row.telephone,
    email: row.email,
    requestsItdAccess: row.requests_itd_access,
    requestedGroups: row.requested_groups,
    justification: row.justification,
    language: row.language,
    isWebmail: row.is_webmail,
    createdAt: row.created_at.toISOString(),
    endorsement:
      row.endorsement && row.endorsed_at
        ? {
            decision: row.endorsement,
            note: row.endorsement_note ?? '',
            by: row.endorser ?? '',
            at: row.endorsed_at.toISOString(),
          }
        : null,
    decisionReason: row.decision_reason,
    abilities: registrationAbilities(actor, row),
  };
}

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

/** One registration the actor may see, locked for the decision; a hidden one is a 404. */
export async function loadRegistration(tx: Tx, actor: Actor, id: string) {
  const row = await selectRegistrations(tx).where('r.id', '=', id).forUpdate('r').executeTakeFirst();
  if (!row || !canSeeRegistration(actor, row)) throw new NotFoundError();
  return row;
}

export async function endorseRegistration(
  tx: Tx,
  ctx: Ctx,
  id: string,
  input: { decision: 'endorsed' | 'objected'; note: string },
): Promise<Registration> {
  const row = await loadRegistration(tx, ctx.actor, id);
  if (ctx.actor.kind !== 'user' || !registrationAbilities(ctx.actor, row).includes('endorse'))
    throw new ForbiddenError();
  await tx
    .updateTable('registrations')
    .set({
      endorsement: input.decision,
      endorsement_note: input.note,
      endorsed_by: ctx.actor.userId,
      endorsed_at: ctx.clock(),
    })
    .where('id', '=', id)
    .execute();
  await recordAudit(tx, auditCtx(ctx), {
    action: `registration.${input.decision}`,
    targetType: 'registration',
    targetId: id,
  });
  return toRegistration(await loadRegistration(tx, ctx.actor, id), ctx.actor);
}

export async function closeRegistration(
  tx: Tx,
  ctx: Ctx,
  id: string,
  decision: { kind: 'reject'; reason: string } | { kind: 'request_info'; message: string },
): Promise<Registration> {
  const row = await loadRegistration(tx, ctx.actor, id);
  if (!registrationAbilities(ctx.actor, row).includes('decide') || ctx.actor.kind !== 'user')
    throw new ForbiddenError();
  const text = decision.kind === 'reject' ? decision.reason : decision.message;
  await tx
    .updateTable('registrations')
    .set({
      status: decision.kind === 'reject' ? 'rejected' : 'more_info_requested',
      decision_reason: text,
      decided_by: ctx.actor.userId,
      decided_at: ctx.clock(),
    })
    .where('id', '=', id)
    .execute();
  await queueMail(tx, {
    to: row.email,
    language: row.language,
    template: decision.kind === 'reject' ? 'registration_rejected' : 'registration_more_info',
    params: { firstName: row.first_name, reason: text, message: text },
  });
  await recordAudit(tx, auditCtx(ctx), {
    action: decision.kind === 'reject' ? 'registration.rejected' : 'registration.more_info_requested',
    targetType: 'registration',
    targetId: id,
  });
  return toRegistration(await loadRegistration(tx, ctx.actor, id), ctx.actor);
}
