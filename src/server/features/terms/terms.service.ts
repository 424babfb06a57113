/**
 * Terms of use: versioned texts in three languages. Accepting the current version is part of every
 * sign-in (the session remembers it) and of an API token's life (the token remembers it).
 */
import type { Actor } from '../../../shared/actor.ts';
import type { Terms } from '../../../shared/auth.contract.ts';
import { can } from '../../../shared/permissions.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { setSessionTermsVersion, setTokenTermsVersion } from '../identity/index.ts';
import type { IdentityDeps } from '../identity/index.ts';
import type { Authentication } from '../identity/index.ts';
import {
  findCurrentTerms,
  insertAcceptance,
  insertTermsVersion,
  listTermsRows,
  type TermsRow,
} from './terms.repo.ts';

function toTerms(row: TermsRow): Terms {
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

/** The terms in force, inside the caller's transaction; a 404 before any are published. */
async function currentTermsInTx(tx: Tx): Promise<Terms> {
  const row = await findCurrentTerms(tx);
  if (!row) throw new NotFoundError();
  return toTerms(row);
}

export async function currentTerms(
  deps: IdentityDeps,
  actor: Actor,
  _request: RequestContext,
): Promise<Terms> {
  return withActor(deps.db, actor, currentTermsInTx, { readsOnly: true });
}

export async function listTerms(
  deps: IdentityDeps,
  actor: Actor,
  _request: RequestContext,
): Promise<Terms[]> {
  if (!can(actor, 'terms.publish')) throw new ForbiddenError();
  const rows = await withActor(deps.db, actor, listTermsRows, { readsOnly: true });
  return rows.map(toTerms);
}

/** Accepts the terms in force for this session or token; answers the next step of signing in. */
export async function acceptTerms(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: { authentication: Authentication; version: number },
): Promise<{ next: 'change_password' | 'done' }> {
  const auth = input.authentication;
  if (auth.kind === 'none' || actor.kind !== 'user') throw new ForbiddenError();
  const version = input.version;
  await withActor(deps.db, actor, async (tx) => {
    const current = await currentTermsInTx(tx);
    // Accepting an older text than the one in force would accept nothing.
    if (version !== current.version) {
      throw new ValidationError([
        { field: 'version', reason: 'invalid_value', params: { values: String(current.version) } },
      ]);
    }
    await insertAcceptance(tx, {
      user_id: actor.userId,
      version,
      accepted_at: deps.clock(),
      ip_address: request.ipAddress,
      via: auth.kind,
    });
    if (auth.kind === 'session') await setSessionTermsVersion(tx, auth.sessionId, version);
    else await setTokenTermsVersion(tx, auth.tokenId, version);
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'terms.accepted',
      targetType: 'terms',
      targetId: String(version),
      details: { via: auth.kind },
    });
  });
  const mustChange = auth.kind === 'session' && auth.user.must_change_password;
  return { next: mustChange ? 'change_password' : 'done' };
}

export async function publishTerms(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: { texts: Terms['texts']; changeSummary: Terms['changeSummary'] },
): Promise<Terms> {
  if (!can(actor, 'terms.publish') || actor.kind !== 'user') throw new ForbiddenError();
  return withActor(deps.db, actor, async (tx) => {
    const latest = await findCurrentTerms(tx);
    if (latest && !input.changeSummary) {
      // Every amendment is announced on the sign-in page, so it must say what changed.
      throw new ValidationError([{ field: 'changeSummary', reason: 'required' }]);
    }
    const version = (latest?.version ?? 0) + 1;
    const row = await insertTermsVersion(tx, {
      version,
      text_en: input.texts.en,
      text_fr: input.texts.fr,
      text_es: input.texts.es,
      change_en: input.changeSummary?.en ?? null,
      change_fr: input.changeSummary?.fr ?? null,
      change_es: input.changeSummary?.es ?? null,
      published_at: deps.clock(),
      published_by: actor.userId,
    });
    if (!row) throw new AppError('conflict', 409);
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'terms.published',
      targetType: 'terms',
      targetId: String(version),
    });
    return toTerms(row);
  });
}
