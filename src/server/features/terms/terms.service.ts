/**
 * Terms of use: versioned texts in three languages. Accepting the current version is part of every
 * sign-in (the session remembers it) and of an API token's life (the token remembers it).
 */
import type { Terms } from '../../../shared/auth.contract.ts';
import { can } from '../../../shared/permissions.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Tx } from '../../db/with-actor.ts';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { RequestMeta } from '../identity/identity-deps.ts';
import type { Authentication } from '../identity/sessions.service.ts';
import type { Selectable } from 'kysely';
import type { TermsVersionsTable } from '../../db/schema.ts';

function toTerms(row: Selectable<TermsVersionsTable>): Terms {
  return {
    version: row.version,
    publishedAt: row.published_at.toISOString(),
    texts: { en: row.text_en, fr: row.text_fr, es: row.text_es },
    changeSummary:
      row.change_en && row.change_fr && row.change_es
        ? { en: row.change_en, fr: row.change_fr, es: row.change_es }
        : null,
  };
}

/** select * from terms_versions order by version desc limit 1 */
export async function currentTerms(tx: Tx): Promise<Terms> {
  const row = await tx
    .selectFrom('terms_versions')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  return toTerms(row);
}

export async function listTerms(tx: Tx, actor: Actor): Promise<Terms[]> {
  if (!can(actor, 'terms.publish')) throw new ForbiddenError();
  const rows = await tx.selectFrom('terms_versions').selectAll().orderBy('version', 'desc').execute();
  return rows.map(toTerms);
}

export async function acceptTerms(
  tx: Tx,
  ctx: { actor: Actor; clock: () => Date; meta: RequestMeta; authentication: Authentication },
  version: number,
): Promise<void> {
  const auth = ctx.authentication;
  if (auth.kind === 'none' || ctx.actor.kind !== 'user') throw new ForbiddenError();
  const current = await currentTerms(tx);
  // Accepting an older text than the one in force would accept nothing.
  if (version !== current.version) {
    throw new ValidationError([
      { field: 'version', reason: 'invalid_value', params: { values: String(current.version) } },
    ]);
  }
  const now = ctx.clock();
  await tx
    .insertInto('terms_acceptances')
    .values({
      user_id: ctx.actor.userId,
      version,
      accepted_at: now,
      ip_address: ctx.meta.ipAddress,
      via: auth.kind,
    })
    .execute();
  if (auth.kind === 'session') {
    await tx
      .updateTable('sessions')
      .set({ terms_version: version })
      .where('id', '=', auth.sessionId)
      .execute();
  } else {
    await tx
      .updateTable('api_tokens')
      .set({ terms_version: version })
      .where('id', '=', auth.tokenId)
      .execute();
  }
  await recordAudit(
    tx,
    { actor: ctx.actor, clock: ctx.clock, ipAddress: ctx.meta.ipAddress, requestId: ctx.meta.requestId },
    { action: 'terms.accepted', targetType: 'terms', targetId: String(version), details: { via: auth.kind } },
  );
}

export async function publishTerms(
  tx: Tx,
  ctx: { actor: Actor; clock: () => Date; meta: RequestMeta },
  input: { texts: Terms['texts']; changeSummary: Terms['changeSummary'] },
): Promise<Terms> {
  if (!can(ctx.actor, 'terms.publish') || ctx.actor.kind !== 'user') throw new ForbiddenError();
  const latest = await currentTerms(tx).catch(() => null);
  if (latest && !input.changeSummary) {
    // Every amendment is announced on the sign-in page, so it must say what changed.
    throw new ValidationError([{ field: 'changeSummary', reason: 'required' }]);
  }
  const version = (latest?.version ?? 0) + 1;
  const row = await tx
    .insertInto('terms_versions')
    .values({
      version,
      text_en: input.texts.en,
      text_fr: input.texts.fr,
      text_es: input.texts.es,
      change_en: input.changeSummary?.en ?? null,
      change_fr: input.changeSummary?.fr ?? null,
      change_es: input.changeSummary?.es ?? null,
      published_at: ctx.clock(),
      published_by: ctx.actor.userId,
    })
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', 409);
  await recordAudit(
    tx,
    { actor: ctx.actor, clock: ctx.clock, ipAddress: ctx.meta.ipAddress, requestId: ctx.meta.requestId },
    { action: 'terms.published', targetType: 'terms', targetId: String(version) },
  );
  return toTerms(row);
}
