/** What the reports' use cases need, passed in by the app (ADR 0012): the database and the clock. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface ReportsDeps {
  db: Kysely<DB>;
  clock: () => Date;
}

/** Lists and views only read; their one write is the audit entry of what was read (withActor's readsOnly). */
export const READS_ONLY = { readsOnly: true };
