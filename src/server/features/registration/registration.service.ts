/**
 * Registration (the public form and e-mail verification) and vetting (the Secretariat decides, a
 * Party's focal point may endorse or object first). The applicant hears of each decision by e-mail
 * in their language. The public answers never reveal whether an address already has an account.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { Registration, RegistrationRequest } from '../../../shared/registration.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import {
  consumeOneTimeToken,
  createOneTimeToken,
  registrationAlreadyConfirmedBy,
} from '../identity/index.ts';
import type { IdentityDeps } from '../identity/index.ts';
import { FRONT_DOOR } from '../identity/index.ts';
import { queueMail } from '../mail/index.ts';
import { isKnownCountry } from '../organisations/index.ts';
import { isEmailTaken } from '../users/index.ts';
import { canSeeRegistration, registrationAbilities } from './registration.policy.ts';
import {
  findRegistrationForUpdate,
  insertRegistration,
  updateRegistration,
  type RegistrationRow,
} from './registration.repo.ts';

const VERIFY_LINK_HOURS = 48;

/** The public form: the same answer whatever the address; a link to verify it goes out by e-mail. */
export async function submitRegistration(
  deps: IdentityDeps,
  _actor: Actor,
  request: RequestContext,
  input: RegistrationRequest,
): Promise<void> {
  await withActor(deps.db, FRONT_DOOR, async (tx) => {
    if (!(await isKnownCountry(tx, input.country)))
      throw new ValidationError([{ field: 'country', reason: 'invalid' }]);
    // Same answer either way; an existing account gets no new request (the person can reset a password).
    if (await isEmailTaken(tx, input.email)) return;
    const domain = input.email.split('@')[1] ?? '';
    const id = await insertRegistration(tx, {
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
    });
    const secret = await createOneTimeToken(tx, {
      purpose: 'verify_email',
      registrationId: id,
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
    await recordAudit(tx, auditContextOf(FRONT_DOOR, deps.clock, request), {
      action: 'registration.submitted',
      targetType: 'registration',
      targetId: id,
      details: { country: input.country, requestsItdAccess: input.requestsItdAccess },
    });
  });
  deps.mail.kick();
}

export async function verifyRegistrationEmail(
  deps: IdentityDeps,
  _actor: Actor,
  request: RequestContext,
  input: { token: string },
): Promise<'verified' | 'already_verified'> {
  return withActor(deps.db, FRONT_DOOR, async (tx) => {
    const now = deps.clock();
    const token = await consumeOneTimeToken(tx, input.token, 'verify_email', now);
    if (!token?.registration_id) {
      // The link opened again (a second click, a mail scanner that opened it first): the address is confirmed,
      // and the holder of the link is told so rather than asked to register again.
      if (await registrationAlreadyConfirmedBy(tx, input.token)) return 'already_verified';
      throw new ValidationError([{ field: 'token', reason: 'expired' }]);
    }
    await updateRegistration(
      tx,
      token.registration_id,
      { status: 'pending_review', email_verified_at: now },
      { status: 'pending_verification' },
    );
    await recordAudit(tx, auditContextOf(FRONT_DOOR, deps.clock, request), {
      action: 'registration.email_verified',
      targetType: 'registration',
      targetId: token.registration_id,
    });
    return 'verified';
  });
}

export function toRegistration(row: RegistrationRow, actor: Actor): Registration {
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

/** One registration the actor may see, locked for the decision; a hidden one is a 404. */
export async function loadRegistration(tx: Tx, actor: Actor, id: string) {
  const row = await findRegistrationForUpdate(tx, id);
  if (!row || !canSeeRegistration(actor, row)) throw new NotFoundError();
  return row;
}

/** A Party's focal point endorses (or objects to) a request from their own Party before the decision. */
export async function endorseRegistration(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string; decision: 'endorsed' | 'objected'; note: string },
): Promise<Registration> {
  const { id } = input;
  return withActor(deps.db, actor, async (tx) => {
    const row = await loadRegistration(tx, actor, id);
    if (actor.kind !== 'user' || !registrationAbilities(actor, row).includes('endorse'))
      throw new ForbiddenError();
    await updateRegistration(tx, id, {
      endorsement: input.decision,
      endorsement_note: input.note,
      endorsed_by: actor.userId,
      endorsed_at: deps.clock(),
    });
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: `registration.${input.decision}`,
      targetType: 'registration',
      targetId: id,
    });
    return toRegistration(await loadRegistration(tx, actor, id), actor);
  });
}

/** The Secretariat rejects a request, or asks for more information; the applicant is told by e-mail. */
export async function closeRegistration(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: {
    id: string;
    decision: { kind: 'reject'; reason: string } | { kind: 'request_info'; message: string };
  },
): Promise<Registration> {
  const { id, decision } = input;
  const result = await withActor(deps.db, actor, async (tx) => {
    const row = await loadRegistration(tx, actor, id);
    if (!registrationAbilities(actor, row).includes('decide') || actor.kind !== 'user')
      throw new ForbiddenError();
    const text = decision.kind === 'reject' ? decision.reason : decision.message;
    await updateRegistration(tx, id, {
      status: decision.kind === 'reject' ? 'rejected' : 'more_info_requested',
      decision_reason: text,
      decided_by: actor.userId,
      decided_at: deps.clock(),
    });
    await queueMail(tx, {
      to: row.email,
      language: row.language,
      template: decision.kind === 'reject' ? 'registration_rejected' : 'registration_more_info',
      params: { firstName: row.first_name, reason: text, message: text },
    });
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: decision.kind === 'reject' ? 'registration.rejected' : 'registration.more_info_requested',
      targetType: 'registration',
      targetId: id,
    });
    return toRegistration(await loadRegistration(tx, actor, id), actor);
  });
  deps.mail.kick();
  return result;
}
