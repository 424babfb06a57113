/**
 * A focal point's answer for its own Party (POST /api/v1/publication-requests/{id}/decision): approve or refuse,
 * with a comment in its language, once. Decisions on one request are taken one at a time (the request row is
 * locked), and the request counts what is still undecided, so the last approval — whichever Party gives it — files
 * the proof with the Secretariat in the same transaction. A refusal closes the request. The requester is told.
 */
import type { Actor } from '../../../../shared/actor.ts';
import type { Language } from '../../../../shared/languages.ts';
import type { ConsentDecision, PublicationRequest } from '../../../../shared/publication.contract.ts';
import { withActor } from '../../../db/with-actor.ts';
import { AppError, NotFoundError, ValidationError } from '../../../errors.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import type { ExportsDeps } from '../exports-deps.ts';
import { asPlatform, tellRequester } from './publication-notices.ts';
import { askedPartyOf, requireAbility } from './publication.policy.ts';
import {
  decideConsentRow,
  lockRequest,
  selectConsents,
  selectOrganisationName,
  updateRequestState,
} from './publication.repo.ts';
import { toPublicationRequest } from './publication-view.ts';

export async function decidePublicationConsent(
  deps: ExportsDeps,
  actor: Actor,
  request: RequestContext,
  input: ConsentDecision & { id: string; defaultLanguage: Language },
): Promise<PublicationRequest> {
  const user = requireAbility(actor, 'publication.consent');
  if (input.decision === 'refuse' && input.comment === '')
    throw new ValidationError([{ field: 'comment', reason: 'required' }]);
  const now = deps.clock();
  const outcome = await withActor(deps.db, user, async (tx) => {
    const row = await lockRequest(tx, input.id);
    // Security: a request that does not ask the focal point's Party is not theirs to see: 404, like a missing one.
    const party = row ? askedPartyOf(user, row) : null;
    if (!row || party === null) throw new NotFoundError();
    if (row.status !== 'pending') throw new AppError('conflict', 409);
    const decided = await decideConsentRow(tx, {
      requestId: row.id,
      party,
      status: input.decision === 'approve' ? 'approved' : 'refused',
      userId: user.userId,
      deciderName: user.label,
      deciderOrganisation: await selectOrganisationName(tx, user.organisationId),
      at: now,
      comment: input.comment,
      language: input.language ?? input.defaultLanguage,
    });
    if (!decided) throw new AppError('conflict', 409);
    const undecided = row.consents_undecided - 1;
    const refused = decided.status === 'refused';
    const filed = !refused && undecided === 0;
    const change = {
      consents_undecided: undecided,
      ...(refused ? { status: 'refused' as const, closed_at: now } : {}),
      ...(filed ? { status: 'approved' as const, closed_at: now, filed_at: now } : {}),
    };
    await updateRequestState(tx, row.id, change);
    const audit = auditContextOf(user, deps.clock, request);
    await recordAudit(tx, audit, {
      action: refused ? 'publication.refused' : 'publication.approved',
      targetType: 'publication_request',
      targetId: row.id,
      details: { party, hasComment: input.comment !== '' },
    });
    if (filed)
      await recordAudit(tx, audit, {
        action: 'publication.filed',
        targetType: 'publication_request',
        targetId: row.id,
        details: { parties: row.parties, checksum: row.export_checksum },
      });
    return {
      row: { ...row, ...change },
      party,
      refused,
      filed,
      consents: await selectConsents(tx, [row.id]),
    };
  });
  if (outcome.refused || outcome.filed)
    await asPlatform(deps.db, (tx) =>
      tellRequester(tx, outcome.row, {
        template: outcome.refused ? 'publication_refused' : 'publication_filed',
        party: outcome.party,
        publicUrl: deps.settings.publicUrl,
      }),
    );
  return toPublicationRequest(user, outcome.row, outcome.consents);
}
