/**
 * Personal API tokens for analysts' scripts: shown once, stored hashed, expiring, revocable. A token
 * acts as its user; it carries the terms version accepted when it was made (or later through it).
 */
import type { Actor, SystemActor } from '../../../shared/actor.ts';
import { can } from '../../../shared/permissions.ts';
import { withActor } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { currentTermsVersion } from './identity.repo.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { hashSecret, randomSecret } from './secrets.ts';
import type { Authentication } from './sessions.service.ts';
import { findUserStatusByEmail, insertToken, listTokenRows, revokeTokenRow } from './tokens.repo.ts';

type TokenRow = Awaited<ReturnType<typeof listTokenRows>>[number];
const view = (row: TokenRow) => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

const DAY_MS = 86_400_000;

export async function listMyTokens(deps: IdentityDeps, actor: Actor, _request: RequestContext) {
  if (actor.kind !== 'user' || !can(actor, 'token.manage_own')) throw new ForbiddenError();
  const rows = await withActor(deps.db, actor, (tx) => listTokenRows(tx, actor.userId), { readsOnly: true });
  return rows.map(view);
}

/** The token's terms version is the one accepted in the session that creates it. */
export async function createToken(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: { authentication: Authentication; name: string; days: number; scope?: 'permits.lookup' },
) {
  if (actor.kind !== 'user' || !can(actor, 'token.manage_own')) throw new ForbiddenError();
  return withActor(deps.db, actor, async (tx) => {
    const termsVersion = termsVersionOf(input.authentication, await currentTermsVersion(tx));
    const secret = randomSecret(32);
    const now = deps.clock();
    const row = await insertToken(tx, {
      user_id: actor.userId,
      name: input.name,
      token_hash: hashSecret(secret),
      terms_version: termsVersion,
      scope: input.scope ?? null,
      created_at: now,
      expires_at: new Date(now.getTime() + input.days * DAY_MS),
    });
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'token.created',
      targetType: 'api_token',
      targetId: row.id,
      details: { days: input.days, scope: input.scope ?? null },
    });
    return { ...view(row), token: secret };
  });
}

/** `itd tokens create`: a token for an active user, named by address; its secret is returned once. */
export async function createTokenByCommand(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  actor: SystemActor,
  request: RequestContext,
  input: {
    email: string;
    days: number;
    name: string;
    scope?: 'permits.lookup';
    scopes?: readonly 'export'[];
  },
): Promise<string> {
  const secret = randomSecret(32);
  await withActor(deps.db, actor, async (tx) => {
    const user = await findUserStatusByEmail(tx, input.email.toLowerCase());
    if (!user || user.status !== 'active') throw new Error(`No active user with the address ${input.email}.`);
    const now = deps.clock();
    const token = await insertToken(tx, {
      user_id: user.id,
      name: input.name,
      token_hash: hashSecret(secret),
      // The user accepts the terms through the token itself (POST /api/v1/terms/accept).
      terms_version: null,
      scope: input.scope ?? null,
      created_at: now,
      expires_at: new Date(now.getTime() + input.days * DAY_MS),
      // `export` lets the token take data out (issue 14); without it a script may only read.
      scopes: [...(input.scopes ?? [])],
    });
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'token.created',
      targetType: 'api_token',
      targetId: token.id,
      details: {
        days: input.days,
        userId: user.id,
        scope: input.scope ?? null,
        scopes: [...(input.scopes ?? [])],
      },
    });
  });
  return secret;
}

export async function revokeToken(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  params: { id: string },
): Promise<void> {
  if (actor.kind !== 'user') throw new ForbiddenError();
  await withActor(deps.db, actor, async (tx) => {
    // Row-level security limits this to the caller's own tokens: another user's token is a 404.
    if (!(await revokeTokenRow(tx, params.id, actor.userId, deps.clock()))) throw new NotFoundError();
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'token.revoked',
      targetType: 'api_token',
      targetId: params.id,
    });
  });
}

export function termsVersionOf(auth: Authentication, current: number | null): number | null {
  return auth.kind === 'session' && auth.termsAccepted ? current : null;
}
