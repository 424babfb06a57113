/**
 * The monthly e-mail summary of access receipts is on unless its reader turns it off
 * (GET and POST /api/v1/access-receipts/preferences). Only readers of receipts have the choice.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { ReceiptPreferences } from '../../../shared/access-receipts.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { selectSummaryChoice, upsertSummaryChoice } from './access-receipts.repo.ts';
import type { AccessReceiptsDeps } from './access-receipts-deps.ts';
import { requireReceiptReader } from './access-receipts.policy.ts';

export async function readReceiptPreferences(
  deps: AccessReceiptsDeps,
  actor: Actor,
): Promise<ReceiptPreferences> {
  const reader = requireReceiptReader(actor);
  return withActor(
    deps.db,
    reader,
    async (tx) => ({ monthlySummary: await selectSummaryChoice(tx, reader.userId) }),
    {
      readsOnly: true,
    },
  );
}

export async function setReceiptPreferences(
  deps: AccessReceiptsDeps,
  actor: Actor,
  request: RequestContext,
  input: ReceiptPreferences,
): Promise<ReceiptPreferences> {
  const reader = requireReceiptReader(actor);
  return withActor(deps.db, reader, async (tx) => {
    await upsertSummaryChoice(tx, reader.userId, input.monthlySummary, deps.clock());
    await recordAudit(tx, auditContextOf(reader, deps.clock, request), {
      action: 'access.summary_preference',
      details: { monthlySummary: input.monthlySummary },
    });
    return { monthlySummary: input.monthlySummary };
  });
}
