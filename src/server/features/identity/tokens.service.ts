/**
 * Personal API tokens for analysts' scripts: shown once, stored hashed, expiring, revocable. A token
 * acts as its user; it carries the terms version accepted when it was made (or later through it).
 */
import type { Actor } from '../../../shared/actor.ts';
import { can } from '../../../shared/permissions.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { RequestMeta } from './identity-deps.ts';
import { hashSecret, randomSecret } from './secrets.ts';
import type { Authentication } from './sessions.service.ts';

type TokenRow = {
  id: string;
  name: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};
const view = (row: TokenRow) => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export async function listMyTokens(tx: Tx, actor: Actor) {
  if (actor.kind !== 'user' || !can(actor, 'token.manage_own')) throw new ForbiddenError();
  const rows = await tx
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(view);
}

/** The token's terms version is the one accepted in the session that creates it (null from the CLI). */
export async function createToken(
  tx: Tx,
  ctx: { actor: Actor; clock: () => Date; meta: RequestMeta; termsVersion: number | null },
  input: { name: string; days: number },
) {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !can(actor, 'token.manage_own')) throw new ForbiddenError();
  const secret = randomSecret(32);
  const now = ctx.clock();
  const row = await tx
    .insertInto('api_tokens')
    .values({
      user_id: actor.userId,
      name: input.name,
      token_hash: hashSecret(secret),
      terms_version: ctx.termsVersion,
      created_at: now,
      expires_at: new Date(now.getTime() + input.days * 86_400_000),
    })
    .returning(['id', 'name', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
  await recordAudit(
    tx,
    { actor, clock: ctx.clock, ...ctx.meta },
    {
      action: 'token.created',
      targetType: 'api_token',
      targetId: row.id,
      details: { days: input.days },
    },
  );
  return { ...view(row), token: secret };
}

export async function revokeToken(
  tx: Tx,
  ctx: { actor: Actor; clock: () => Date; meta: RequestMeta },
  tokenId: string,
) {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new ForbiddenError();
  // Row-level security limits this to the caller's own tokens: another user's token is a 404.
  const result = await tx
    .updateTable('api_tokens')
    .set({ revoked_at: ctx.clock() })
    .where('id', '=', tokenId)
    .where('user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new NotFoundError();
  await recordAudit(
    tx,
    { actor, clock: ctx.clock, ...ctx.meta },
    { action: 'token.revoked', targetType: 'api_token', targetId: tokenId },
  );
}

export function termsVersionOf(auth: Authentication, current: number | null): number | null {
  return auth.kind === 'session' && auth.termsAccepted ? current : null;
}
