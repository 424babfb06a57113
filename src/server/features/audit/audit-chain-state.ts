/**
 * The chain's state for the audit viewer: "verified up to entry N at T", or the first broken entry. Verifying reads
 * the whole log, so a server verifies at most every few minutes and shows that result with its time; concurrent
 * viewers share one verification. The viewer's policy is checked first; the verification itself needs the owner's
 * connection (like `itd audit verify`), as it reads every entry and links the newest.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { AuditChainState } from '../../../shared/audit.contract.ts';
import { can } from '../../../shared/permissions.ts';
import { ForbiddenError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { ChainProblem } from './audit-chain.ts';
import { verifyAuditLog } from './audit.service.ts';
import type { AuditViewerDeps } from './list-audit-entries.ts';

const FRESH_FOR_MS = 5 * 60_000;

function firstBrokenSeq(problem: ChainProblem): number {
  switch (problem.kind) {
    case 'missing':
      return problem.expectedSeq;
    case 'head_mismatch':
      return problem.lastSeq + 1;
    case 'edited':
    case 'out_of_order':
      return problem.seq;
  }
}

export function createChainStateCache() {
  let last: { state: AuditChainState; at: number } | null = null;
  let running: Promise<AuditChainState> | null = null;
  return async (deps: AuditViewerDeps): Promise<AuditChainState> => {
    const now = deps.clock();
    if (last && now.getTime() - last.at < FRESH_FOR_MS) return last.state;
    running ??= verifyAuditLog(deps.db)
      .then((verdict): AuditChainState => {
        const checkedAt = deps.clock().toISOString();
        const first = verdict.problems
          .map((problem) => ({ problem, seq: firstBrokenSeq(problem) }))
          .sort((a, b) => a.seq - b.seq)[0];
        return first
          ? {
              state: 'broken',
              firstBrokenSeq: first.seq,
              problem: first.problem.kind,
              problems: verdict.problems.length,
              checkedAt,
            }
          : { state: 'verified', upToSeq: verdict.entriesChecked, checkedAt };
      })
      .then((state) => {
        last = { state, at: now.getTime() };
        return state;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
}

export async function viewAuditChainState(
  deps: AuditViewerDeps & { chainState: ReturnType<typeof createChainStateCache> },
  actor: Actor,
  _request: RequestContext,
): Promise<AuditChainState> {
  if (!can(actor, 'audit.read')) throw new ForbiddenError();
  return deps.chainState(deps);
}
