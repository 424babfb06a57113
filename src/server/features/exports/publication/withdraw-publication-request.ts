/**
 * The requester withdraws a pending request (POST /api/v1/publication-requests/{id}/withdraw): the Parties' answers
 * no longer matter and no certificate will be made; the focal points of the Parties that had not answered are told.
 * Only the requester may; others who can see the request are refused (403), those who cannot get a 404.
 */
import type { Actor } from '../../../../shared/actor.ts';
import type { PublicationRequest } from '../../../../shared/publication.contract.ts';
import { withActor } from '../../../db/with-actor.ts';
import { AppError, ForbiddenError, NotFoundError } from '../../../errors.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import type { ExportsDeps } from '../exports-deps.ts';
import { asPlatform, tellFocalPoints } from './publication-notices.ts';
import { mayRead } from './publication.policy.ts';
import { lockRequest, selectConsents, updateRequestState } from './publication.repo.ts';
import { toPublicationRequest } from './publication-view.ts';

export async function withdrawPublicationRequest(
  deps: ExportsDeps,
  actor: Actor,
  request: RequestContext,
  id: string,
): Promise<PublicationRequest> {
  if (actor.kind !== 'user') throw new NotFoundError();
  const now = deps.clock();
  const withdrawn = await withActor(deps.db, actor, async (tx) => {
    const row = await lockRequest(tx, id);
    if (!row || !mayRead(actor, row)) throw new NotFoundError();
    if (row.requester_id !== actor.userId) throw new ForbiddenError();
    if (row.status !== 'pending') throw new AppError('conflict', 409);
    const change = { status: 'withdrawn' as const, closed_at: now };
    await updateRequestState(tx, row.id, change);
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'publication.withdrawn',
      targetType: 'publication_request',
      targetId: row.id,
      details: { parties: row.parties },
    });
    const consents = await selectConsents(tx, [row.id]);
    return { row: { ...row, ...change }, consents };
  });
  // The Parties that had not answered yet are told they need not.
  const waiting = withdrawn.consents.filter((c) => c.status === 'pending').map((c) => c.party.trim());
  await asPlatform(deps.db, (tx) =>
    tellFocalPoints(tx, withdrawn.row, waiting, {
      template: 'publication_withdrawn',
      publicUrl: deps.settings.publicUrl,
    }),
  );
  return toPublicationRequest(actor, withdrawn.row, withdrawn.consents);
}
