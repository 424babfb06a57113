/**
 * A Management Authority reports a range of its blank security stamps lost or stolen (box 5b), from–to, with the
 * day and a note. Every later lookup whose stamp falls in the range shows the red flag (lookup-permit.ts), found
 * permit or not. Both ends must carry the same letters before their number, the last not below the first, and the
 * range hold fewer than a million stamps (a typing slip otherwise). The issuing Party's users and the
 * law-enforcement members of the groups the author chose among its own are alerted after the change is committed.
 */
import { systemActor, type Actor } from '../../../shared/actor.ts';
import type { MarkStampsInput, StampMark } from '../../../shared/permits.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { ValidationError } from '../../errors.ts';
import { actorIdOf } from '../../lib/actor-names.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { alertOfMark } from './alert-marked-permit.ts';
import { linkSeizurePermits } from './link-seizure-permits.ts';
import { readPermitStanding } from './permit-activity.repo.ts';
import { todayOf, type PermitsDeps } from './permits-deps.ts';
import { alertGroupsOf, assertAllowed, mayWritePermitsOf } from './permits.policy.ts';
import { insertStampMark } from './stamp-marks.repo.ts';
import { stampParts } from './stamp-numbers.ts';

const RANGE_MAX = 1_000_000;

function rangeOf(input: MarkStampsInput) {
  const first = stampParts(input.from);
  const last = stampParts(input.to);
  if (first === null) throw new ValidationError([{ field: 'from', reason: 'stamp_number_needed' }]);
  if (last === null) throw new ValidationError([{ field: 'to', reason: 'stamp_number_needed' }]);
  if (first.prefix !== last.prefix)
    throw new ValidationError([
      { field: 'to', reason: 'stamp_range_prefix', params: { prefix: first.prefix } },
    ]);
  if (last.number < first.number) throw new ValidationError([{ field: 'to', reason: 'stamp_range_order' }]);
  if (last.number - first.number >= RANGE_MAX)
    throw new ValidationError([{ field: 'to', reason: 'stamp_range_too_long', params: { max: RANGE_MAX } }]);
  return { first, last, count: last.number - first.number + 1 };
}

export async function markStamps(
  deps: PermitsDeps,
  actor: Actor,
  request: RequestContext,
  input: MarkStampsInput,
): Promise<StampMark> {
  const on = input.on ?? todayOf(deps.clock);
  const range = rangeOf(input);
  const groupIds = await withActor(deps.db, actor, async (tx) => {
    assertAllowed(mayWritePermitsOf(actor, await readPermitStanding(tx), input.country));
    const groups = await alertGroupsOf(tx, actor, input.alertGroups ?? []);
    await insertStampMark(tx, {
      country: input.country,
      from: input.from,
      to: input.to,
      first: range.first,
      last: range.last,
      status: input.status,
      on,
      note: input.note,
      userId: actorIdOf(actor),
    });
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'permit.stamps_mark',
      details: {
        country: input.country,
        from: input.from,
        to: input.to,
        count: range.count,
        status: input.status,
        on,
        groups: groups.length,
      },
    });
    return groups;
  });
  const alerted = await withActor(deps.db, systemActor('permit alert'), (tx) =>
    alertOfMark(tx, deps.clock, {
      country: input.country,
      status: input.status,
      on,
      what: { kind: 'stamps', from: input.from, to: input.to },
      groupIds,
    }),
  );
  // Seizures naming a permit of the Party issued on one of these stamps are judged again.
  await linkSeizurePermits(deps, { issuingCountry: input.country });
  return {
    country: input.country,
    from: input.from,
    to: input.to,
    count: range.count,
    status: input.status,
    on,
    alerted,
  };
}
