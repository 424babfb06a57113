/**
 * Prepared statements for the few queries every request runs (the session check, the actor settings, a record
 * read, an audit entry). PostgreSQL plans an unnamed statement afresh each time; for these short queries the
 * planning costs several times the execution (a record read under row-level security: about 1 ms of planning
 * for 0.2 ms of work). A named statement is parsed once per connection and, after a few runs, keeps a generic
 * plan, which the plan cache still re-checks when the role or the policies change.
 *
 * Opt-in, by starting the SQL with PREPARED: a generic plan ignores the values, and the search queries rely on
 * the planner seeing theirs (the taxa resolved to ids, a Party's share of the records). Only queries whose best
 * plan does not depend on their values may carry the mark. PGlite reads the mark as the comment it is.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

const MARK = '/* prepared */';

/** Put first in a `sql` template: `sql\`${PREPARED} select …\``. */
export const PREPARED = sql.raw(MARK);

/** Statement names by SQL text. Texts are few: only marked queries, each with a handful of variants. */
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    // The text decides the name, so every connection prepares the same text under the same name.
    name = `itd_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Makes a pool's connections run marked queries as named statements (pool.on('connect', …)). */
export function prepareMarkedQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  const preparing: Query = (config, values, callback) =>
    typeof config === 'string' && config.startsWith(MARK)
      ? query({ name: statementName(config), text: config, values }, callback)
      : query(config, values, callback);
  client.query = preparing as typeof client.query;
}
