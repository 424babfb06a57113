/** The reports a caller may see, newest first (reportsVisibleTo, the same rule as canSeeReport). */
import type { Actor } from '../../../shared/actor.ts';
import type { ReportList, ReportListQuery } from '../../../shared/reports.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { toSummary } from './read-report-detail.ts';
import { READS_ONLY, type ReportsDeps } from './reports-deps.ts';
import { listVisibleReports } from './reports.repo.ts';

export async function listReports(
  deps: ReportsDeps,
  actor: Actor,
  _request: RequestContext,
  query: ReportListQuery,
): Promise<ReportList> {
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      const page = await listVisibleReports(tx, actor, query);
      return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
    },
    READS_ONLY,
  );
}
