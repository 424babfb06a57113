/**
 * The report a lifecycle action is about, locked for the change, once the policy allows the action: a report the
 * caller may not see is a 404, one they may see but not change a 403, and an action that does not fit the report's
 * status a 409. A step inside the action's transaction.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { ReportAbility } from '../../../shared/reports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { AppError, ForbiddenError } from '../../errors.ts';
import { isClosedToActor, reportAbilities } from './reports.policy.ts';
import { loadVisibleReport, lockReport, type ReportRow } from './reports.repo.ts';

export async function loadReportFor(
  tx: Tx,
  actor: Actor,
  id: string,
  ability: ReportAbility,
): Promise<ReportRow> {
  const visible = await loadVisibleReport(tx, actor, id);
  const report = reportAbilities(actor, visible).includes(ability)
    ? await lockReport(tx, actor, id)
    : visible;
  if (!reportAbilities(actor, report).includes(ability)) {
    // A state the action does not fit (already published, not yet submitted) is a conflict, not a refusal.
    const wouldFit =
      !isClosedToActor(actor, report) &&
      reportAbilities(actor, { ...report, status: stateFor(ability) }).includes(ability);
    throw wouldFit ? new AppError('conflict', 409, { status: report.status }) : new ForbiddenError();
  }
  return report;
}

function stateFor(ability: ReportAbility): ReportRow['status'] {
  if (ability === 'publish') return 'submitted';
  if (ability === 'return_to_draft') return 'submitted';
  return 'draft';
}
