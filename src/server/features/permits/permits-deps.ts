/** What the permits' use cases need, passed in by the app (ADR 0012): the database and the clock. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface PermitsDeps {
  db: Kysely<DB>;
  clock: () => Date;
}

/** Today as the issuing offices write dates (UTC day). */
export const todayOf = (clock: () => Date) => clock().toISOString().slice(0, 10);
