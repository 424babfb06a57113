/**
 * GET /api/v1/permits/seizures/:recordId — the permits a seizure record names, for its drawer. A record the reader
 * may not see is a 404 like a missing one (the explorer's rule); a reader who sees the record but may not see
 * permits gets an empty list, as row-level security gives it. Audited like the record view itself.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { SeizurePermitLink } from '../../../shared/permits.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { todayOf, type PermitsDeps } from './permits-deps.ts';
import { permitLinksOfRecord } from './seizure-permit-view.ts';
import { readRecordSeizureDate } from './seizure-links.repo.ts';

export async function readSeizurePermits(
  deps: PermitsDeps,
  actor: Actor,
  request: RequestContext,
  recordId: number,
): Promise<{ items: SeizurePermitLink[] }> {
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      const record = await readRecordSeizureDate(tx, recordId);
      if (record === undefined) throw new NotFoundError();
      const items = await permitLinksOfRecord(tx, { id: recordId, ...record }, todayOf(deps.clock));
      await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
        action: 'permit.seizure_links',
        targetType: 'seizure_record',
        targetId: String(recordId),
        details: { shown: items.length, verdicts: items.map((item) => item.verdict) },
      });
      return { items };
    },
    { readsOnly: true },
  );
}
