/**
 * Reading requests for consent to publish: the caller's own (`mine`), those asking the focal point's Party
 * (`to_answer`), the proofs filed with the Secretariat (`filed`), and one request (a 404 for anyone who may not
 * read it). Each as its caller may see it (publication-view.ts).
 */
import type { Actor } from '../../../../shared/actor.ts';
import type { PublicationRequest, PUBLICATION_VIEWS } from '../../../../shared/publication.contract.ts';
import { withActor } from '../../../db/with-actor.ts';
import { NotFoundError } from '../../../errors.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import type { ExportsDeps } from '../exports-deps.ts';
import { mayRead, requireAbility } from './publication.policy.ts';
import {
  selectFiledRequests,
  selectOwnRequests,
  selectRequest,
  selectRequestsAskingParty,
} from './publication.repo.ts';
import { presentRequests } from './publication-view.ts';

export async function listPublicationRequests(
  deps: ExportsDeps,
  actor: Actor,
  view: (typeof PUBLICATION_VIEWS)[number],
): Promise<{ items: PublicationRequest[] }> {
  const user = requireAbility(
    actor,
    view === 'mine'
      ? 'publication.request'
      : view === 'to_answer'
        ? 'publication.consent'
        : 'publication.proofs',
  );
  return withActor(
    deps.db,
    user,
    async (tx) => {
      const rows =
        view === 'mine'
          ? await selectOwnRequests(tx, user.userId)
          : view === 'to_answer'
            ? await selectRequestsAskingParty(tx, user.party ?? '')
            : await selectFiledRequests(tx);
      return { items: await presentRequests(tx, user, rows) };
    },
    { readsOnly: true },
  );
}

export async function readPublicationRequest(
  deps: ExportsDeps,
  actor: Actor,
  request: RequestContext,
  id: string,
): Promise<PublicationRequest> {
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      const row = await selectRequest(tx, id);
      if (!row || !mayRead(actor, row)) throw new NotFoundError();
      const [shown] = await presentRequests(tx, actor, [row]);
      await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
        action: 'publication.read',
        targetType: 'publication_request',
        targetId: row.id,
      });
      return shown!;
    },
    { readsOnly: true },
  );
}
