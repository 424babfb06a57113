/**
 * The border lookup: an enforcement user names the issuing country and the permit number (and, when they have
 * them, the security stamp number and what they see: species, quantity) and learns whether the permit exists, is
 * valid, its lines with the quantity authorised, endorsed and remaining, and its red flags. Found or not, the lookup
 * is written to the issuing Party's receipts and to the audit log in the same transaction.
 */
import type { Actor } from '../../../shared/actor.ts';
import { permitNumberKey, type LookupQuery, type LookupResult } from '../../../shared/permits.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { actorIdOf } from '../../lib/actor-names.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { resolveTaxonName } from '../reference/index.ts';
import { insertLookup, readPermitStanding } from './permit-activity.repo.ts';
import { judgePermit, stampReportFlag, type Declared } from './permit-verdict.ts';
import { findStampReport } from './stamp-marks.repo.ts';
import { stampParts } from './stamp-numbers.ts';
import { permitView } from './permit-view.ts';
import { todayOf, type PermitsDeps } from './permits-deps.ts';
import { assertAllowed, mayVerifyPermits } from './permits.policy.ts';
import { findPermit, partyHasPermits, readPermitLines } from './permits.repo.ts';

export async function lookupPermit(
  deps: PermitsDeps,
  actor: Actor,
  request: RequestContext,
  query: LookupQuery,
): Promise<LookupResult> {
  return withActor(deps.db, actor, async (tx) => {
    assertAllowed(mayVerifyPermits(actor, await readPermitStanding(tx)));
    const numberKey = permitNumberKey(query.number);
    const permit = numberKey === '' ? null : await findPermit(tx, query.country, numberKey);
    // The stamp the officer reads, or else the one the permit was issued with.
    const stamp =
      query.stamp !== undefined ? stampParts(query.stamp) : stampParts(permit?.securityStampKey ?? '');
    const stampReport = stamp === null ? null : await findStampReport(tx, query.country, stamp);
    let result: LookupResult;
    if (permit === null) {
      result = {
        found: false,
        valid: false,
        reasons: [],
        flags: [],
        issuerSharesPermits: await partyHasPermits(tx, query.country),
        permit: null,
        lines: [],
      };
      result.reasons.push(
        result.issuerSharesPermits
          ? `No permit with this number is registered for ${query.country}, which loads its permits here.`
          : `${query.country} has not loaded any permit here: "not found" says nothing about this permit.`,
      );
      if (stampReport !== null) {
        const reported = stampReportFlag(stampReport);
        result.flags.push(reported.flag);
        result.reasons.push(reported.reason);
      }
    } else {
      const verdict = judgePermit(permit, await readPermitLines(tx, permit.id), todayOf(deps.clock), {
        ...(await declaredOf(tx, query)),
        stampReport,
      });
      result = { found: true, ...verdict, issuerSharesPermits: true, permit: permitView(permit) };
    }
    await insertLookup(tx, {
      country: query.country,
      numberKey,
      permitId: permit?.id ?? null,
      found: result.found,
      valid: result.valid,
      flags: result.flags,
      userId: actorIdOf(actor),
      organisationId: actor.kind === 'user' ? actor.organisationId : null,
    });
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'permit.lookup',
      targetType: 'permit',
      ...(permit ? { targetId: permit.id } : {}),
      details: {
        country: query.country,
        numberKey,
        stampGiven: query.stamp !== undefined,
        found: result.found,
        valid: result.valid,
        flags: result.flags,
      },
    });
    return result;
  });
}

async function declaredOf(tx: Tx, query: LookupQuery): Promise<Declared> {
  const declared: Declared = {};
  if (query.stamp !== undefined) declared.stamp = query.stamp;
  if (query.quantity !== undefined) declared.quantity = query.quantity;
  if (query.species !== undefined) {
    declared.species = query.species;
    const match = (await resolveTaxonName(tx, query.species, 1)).match;
    declared.taxon = match ? { id: match.taxon.id, appendix: match.taxon.appendix } : null;
  }
  return declared;
}
