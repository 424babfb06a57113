/**
 * A Management Authority marks one of its Party's permits lost, stolen or cancelled, with a date and a note. Every
 * later lookup shows it in red (permit-verdict.ts). The Party's users are alerted by e-mail and in the platform,
 * without the permit's contents: the message names the Party and the number only, and the alert is queued by the
 * platform itself after the change is committed (a Management Authority user may not read other users' addresses).
 */
import { systemActor, type Actor } from '../../../shared/actor.ts';
import { permitNumberKey, type MarkPermitInput, type PermitView } from '../../../shared/permits.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import { actorIdOf } from '../../lib/actor-names.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { insertPermitEvent, readPermitStanding } from './permit-activity.repo.ts';
import { alertOfMark } from './alert-marked-permit.ts';
import { linkSeizurePermits } from './link-seizure-permits.ts';
import { permitView } from './permit-view.ts';
import { todayOf, type PermitsDeps } from './permits-deps.ts';
import { alertGroupsOf, mayWritePermitsOf } from './permits.policy.ts';
import { findPermit, findPermitById, setPermitStatus } from './permits.repo.ts';

export async function markPermit(
  deps: PermitsDeps,
  actor: Actor,
  request: RequestContext,
  input: MarkPermitInput,
): Promise<PermitView> {
  const on = input.on ?? todayOf(deps.clock);
  let groupIds: string[] = [];
  const marked = await withActor(deps.db, actor, async (tx) => {
    const standing = await readPermitStanding(tx);
    const permit = await findPermit(tx, input.country, permitNumberKey(input.number));
    // Another Party's permit, or none: one answer, so a refusal does not confirm which numbers exist.
    if (permit === null || !mayWritePermitsOf(actor, standing, permit.issuingCountry))
      throw new NotFoundError();
    groupIds = await alertGroupsOf(tx, actor, input.alertGroups ?? []);
    await setPermitStatus(tx, permit.id, {
      status: input.status,
      on,
      note: input.note,
      userId: actorIdOf(actor),
      at: deps.clock(),
    });
    await insertPermitEvent(tx, {
      permitId: permit.id,
      kind: input.status,
      occurredOn: on,
      note: input.note,
      userId: actorIdOf(actor),
    });
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'permit.mark',
      targetType: 'permit',
      targetId: permit.id,
      details: { country: permit.issuingCountry, status: input.status, on },
    });
    return permitView((await findPermitById(tx, permit.id))!);
  });
  await linkSeizurePermits(deps, {
    permits: { country: marked.issuingCountry, numberKeys: [permitNumberKey(marked.number)] },
  });
  const status = input.status;
  if (status !== 'cancelled') {
    await withActor(deps.db, systemActor('permit alert'), (tx) =>
      alertOfMark(tx, deps.clock, {
        country: marked.issuingCountry,
        status,
        on,
        what: { kind: 'permit', number: marked.number },
        groupIds,
      }),
    );
  }
  return marked;
}
