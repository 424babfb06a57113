/**
 * The review at the scale of real files: a batch's problems grouped by column, value and kind ("Finches" × 37),
 * largest first, each with the message and suggestion of its first row. A group is fixed once for all its rows
 * (fix-value.ts) or its warning accepted for all of them (accept-warnings.ts with `where`).
 */
import type { Actor } from '../../../../shared/actor.ts';
import type { ProblemGroup } from '../../../../shared/imports.contract.ts';
import type { Language } from '../../../../shared/languages.ts';
import { withActor } from '../../../db/with-actor.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { problemMessage, RULES } from '../check/validation-rules.ts';
import { READS_ONLY, type ImportsDeps } from '../imports-deps.ts';
import { loadBatch } from '../load-batch.ts';
import { selectProblemGroups } from './problem-groups.repo.ts';

/** Enough groups for any review page; a file with more is fixed a page of groups at a time. */
export const MAX_GROUPS = 500;

export async function listProblemGroups(
  deps: ImportsDeps,
  actor: Actor,
  _request: RequestContext,
  input: { id: string; language: Language },
): Promise<{ items: ProblemGroup[]; isTruncated: boolean }> {
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      const batch = await loadBatch(tx, actor, input.id);
      const groups = await selectProblemGroups(tx, batch.id, MAX_GROUPS + 1);
      const items = groups.slice(0, MAX_GROUPS).map((group): ProblemGroup => ({
        column: group.column,
        value: group.value,
        code: group.code,
        severity: RULES[group.code].severity,
        message: problemMessage(group.code, input.language, group.example.params),
        suggestion: group.example.suggestion,
        rows: group.rows,
        open: group.open,
      }));
      return { items, isTruncated: groups.length > MAX_GROUPS };
    },
    READS_ONLY,
  );
}
