/**
 * Box 14: an officer at export records the quantity actually exported, line by line. A permit that is not valid
 * (expired, cancelled, lost, stolen, used up …) is not endorsed, and a quantity above what remains on a line is
 * refused with that line and its remaining quantity; several lines and several partial uses add up, because what
 * remains is always the authorised quantity less every endorsement so far, read under a lock on the permit.
 */
import type { Actor } from '../../../shared/actor.ts';
import {
  permitNumberKey,
  type EndorsementInput,
  type LookupResult,
} from '../../../shared/permits.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { NotFoundError, ValidationError, type InvalidField } from '../../errors.ts';
import { actorIdOf } from '../../lib/actor-names.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import {
  insertEndorsements,
  insertPermitEvent,
  lockPermitForEndorsement,
  readPermitStanding,
} from './permit-activity.repo.ts';
import { linkSeizurePermits } from './link-seizure-permits.ts';
import { judgePermit } from './permit-verdict.ts';
import { permitView } from './permit-view.ts';
import { todayOf, type PermitsDeps } from './permits-deps.ts';
import { assertAllowed, mayVerifyPermits } from './permits.policy.ts';
import { findPermitById, readPermitLines } from './permits.repo.ts';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export async function endorsePermit(
  deps: PermitsDeps,
  actor: Actor,
  request: RequestContext,
  input: EndorsementInput & { id: string },
): Promise<LookupResult> {
  const result = await withActor(deps.db, actor, async (tx) => {
    assertAllowed(mayVerifyPermits(actor, await readPermitStanding(tx)));
    await lockPermitForEndorsement(tx, input.id);
    const permit = await findPermitById(tx, input.id);
    if (permit === null) throw new NotFoundError();
    const today = todayOf(deps.clock);
    const before = judgePermit(permit, await readPermitLines(tx, permit.id), today, {});
    if (!before.valid)
      throw new ValidationError([
        { field: 'permit', reason: 'permit_not_usable', params: { flags: before.flags.join(', ') } },
      ]);

    // The same line named twice in one endorsement counts once, summed.
    const asked = new Map<number, number>();
    for (const line of input.lines) asked.set(line.lineNo, (asked.get(line.lineNo) ?? 0) + line.quantity);
    const problems: InvalidField[] = [];
    for (const [lineNo, quantity] of asked) {
      const line = before.lines.find((candidate) => candidate.lineNo === lineNo);
      const field = `lines[${input.lines.findIndex((l) => l.lineNo === lineNo)}].quantity`;
      if (!line) problems.push({ field, reason: 'permit_line_unknown', params: { line: lineNo } });
      else if (round(quantity) > line.remaining)
        problems.push({
          field,
          reason: 'permit_over_use',
          params: { line: lineNo, remaining: `${line.remaining}${line.unitCode ? ` ${line.unitCode}` : ''}` },
        });
    }
    if (problems.length > 0) throw new ValidationError(problems);

    const endorsed = [...asked].map(([lineNo, quantity]) => ({ lineNo, quantity }));
    const on = input.endorsedOn ?? today;
    await insertEndorsements(tx, permit.id, endorsed, {
      port: input.port,
      on,
      userId: actorIdOf(actor),
      organisationId: actor.kind === 'user' ? actor.organisationId : null,
    });
    await insertPermitEvent(tx, {
      permitId: permit.id,
      kind: 'endorsed',
      occurredOn: on,
      userId: actorIdOf(actor),
      details: { lines: endorsed, port: input.port },
    });
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'permit.endorse',
      targetType: 'permit',
      targetId: permit.id,
      details: { lines: endorsed, port: input.port, on },
    });
    const after = judgePermit(permit, await readPermitLines(tx, permit.id), today, {});
    return { found: true, ...after, issuerSharesPermits: true, permit: permitView(permit) };
  });
  // A permit used up since shows so on the seizures that name it.
  const { issuingCountry, number } = result.permit;
  await linkSeizurePermits(deps, {
    permits: { country: issuingCountry, numberKeys: [permitNumberKey(number)] },
  });
  return result;
}
