/**
 * The issuing Party's receipts: who verified its permits (organisation and date), found or not, and what the
 * lookup answered. Its Management Authority and the Secretariat see them; a Secretariat user names the Party.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { Receipt } from '../../../shared/permits.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { readPermitStanding, readReceipts } from './permit-activity.repo.ts';
import type { PermitsDeps } from './permits-deps.ts';
import { assertAllowed, mayReadReceiptsOf, partyOfWriter } from './permits.policy.ts';

export async function listReceipts(
  deps: PermitsDeps,
  actor: Actor,
  request: RequestContext,
  input: { country?: string },
): Promise<{ items: Receipt[] }> {
  const party = partyOfWriter(actor, input.country);
  if (party === null) throw new ValidationError([{ field: 'country', reason: 'permit_party_required' }]);
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      assertAllowed(mayReadReceiptsOf(actor, await readPermitStanding(tx), party));
      const rows = await readReceipts(tx, party);
      await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
        action: 'permit.receipts',
        details: { country: party, shown: rows.length },
      });
      return {
        items: rows.map((row) => ({
          ...row,
          lookedUpAt: new Date(row.lookedUpAt).toISOString(),
        })),
      };
    },
    { readsOnly: true },
  );
}
