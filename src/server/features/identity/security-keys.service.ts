/**
 * Security keys on the account page (ADR 0013): list, enrol (name the key, then the browser's ceremony), remove.
 * The user acts as themselves, so row-level security keeps each user to their own keys. The enrolment challenge
 * is single-use and lives two minutes; the key's public half is checked by the WebAuthn library.
 */
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Actor } from '../../../shared/actor.ts';
import type { CeremonyOptions } from '../../../shared/security-keys.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import type { IdentityDeps } from './identity-deps.ts';
import {
  credentialsOf,
  deleteKey,
  insertKey,
  listKeyRows,
  putChallenge,
  takeChallenge,
} from './security-keys.repo.ts';
import type { Authentication } from './sessions.service.ts';

export const CHALLENGE_MS = 120_000;

type KeyRow = Awaited<ReturnType<typeof listKeyRows>>[number];
const view = (row: KeyRow) => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
});

/** Whether this user must use a security key (Secretariat admins, when the setting says so). */
export function isKeyRequired(
  deps: IdentityDeps,
  user: { role: string; organisation_kind: string },
): boolean {
  return (
    deps.settings.webauthn.requiredForAdmins &&
    user.role === 'admin' &&
    user.organisation_kind === 'secretariat'
  );
}

function sessionOf(auth: Authentication) {
  if (auth.kind !== 'session' || auth.stage !== 'full') throw new ForbiddenError();
  return auth;
}

export async function listMyKeys(
  deps: IdentityDeps,
  actor: Actor,
  _request: RequestContext,
  input: { authentication: Authentication },
) {
  const auth = sessionOf(input.authentication);
  const rows = await withActor(deps.db, actor, (tx) => listKeyRows(tx, auth.user.id), { readsOnly: true });
  return { items: rows.map(view), required: isKeyRequired(deps, auth.user) };
}

/** The options for the browser's ceremony; its challenge is kept for this session, once, for two minutes. */
export async function startKeyEnrolment(
  deps: IdentityDeps,
  actor: Actor,
  _request: RequestContext,
  input: { authentication: Authentication },
) {
  const auth = sessionOf(input.authentication);
  return withActor(deps.db, actor, async (tx) => {
    const existing = await credentialsOf(tx, auth.user.id);
    const options = await generateRegistrationOptions({
      rpName: 'ITD Platform',
      rpID: deps.settings.webauthn.rpId,
      userName: auth.user.email,
      userDisplayName: `${auth.user.first_name} ${auth.user.last_name}`,
      userID: new TextEncoder().encode(auth.user.id),
      attestationType: 'none',
      timeout: CHALLENGE_MS,
      excludeCredentials: existing.map((key) => ({ id: key.credential_id, transports: key.transports })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await putChallenge(tx, {
      session_id: auth.sessionId,
      purpose: 'enrol',
      challenge: options.challenge,
      expires_at: new Date(deps.clock().getTime() + CHALLENGE_MS),
    });
    // Plain JSON for the browser (the contract's open object).
    return options as unknown as CeremonyOptions;
  });
}

/** Checks the browser's answer against the session's challenge (used up either way) and keeps the key. */
export async function finishKeyEnrolment(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: { authentication: Authentication; name: string; response: unknown },
) {
  const auth = sessionOf(input.authentication);
  const challenge = await withActor(deps.db, actor, (tx) =>
    takeChallenge(tx, auth.sessionId, 'enrol', deps.clock()),
  );
  const refused = new ValidationError([{ field: 'response', reason: 'invalid' }]);
  if (!challenge) throw refused;
  const verification = await verifyRegistrationResponse({
    response: input.response as RegistrationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: deps.settings.webauthn.origin,
    expectedRPID: deps.settings.webauthn.rpId,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw refused;
  const { credential } = verification.registrationInfo;
  return withActor(deps.db, actor, async (tx) => {
    const row = await insertKey(tx, {
      user_id: auth.user.id,
      name: input.name,
      credential_id: credential.id,
      public_key: Buffer.from(credential.publicKey),
      sign_count: credential.counter,
      transports: credential.transports ?? [],
    });
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'auth.security_key_added',
      targetType: 'security_key',
      targetId: row.id,
      details: { name: input.name },
    });
    return view(row);
  });
}

export async function removeMyKey(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: { authentication: Authentication; id: string },
): Promise<void> {
  const auth = sessionOf(input.authentication);
  await withActor(deps.db, actor, async (tx) => {
    if (!(await deleteKey(tx, input.id, auth.user.id))) throw new NotFoundError();
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'auth.security_key_removed',
      targetType: 'security_key',
      targetId: input.id,
    });
  });
}
