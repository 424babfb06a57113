/** SQL of the terms of use: their versions and each acceptance. */
import type { Insertable, Selectable } from 'kysely';
import type { TermsVersionsTable } from '../../db/schema.ts';
import type { Tx } from '../../db/with-actor.ts';

export type TermsRow = Selectable<TermsVersionsTable>;

/** select * from terms_versions order by version desc limit 1 */
export async function findCurrentTerms(tx: Tx): Promise<TermsRow | undefined> {
  return tx.selectFrom('terms_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** select * from terms_versions order by version desc */
export async function listTermsRows(tx: Tx): Promise<TermsRow[]> {
  return tx.selectFrom('terms_versions').selectAll().orderBy('version', 'desc').execute();
}

/** A new version; undefined when another was published with the same number meanwhile. */
export async function insertTermsVersion(
  tx: Tx,
  values: Insertable<TermsVersionsTable>,
): Promise<TermsRow | undefined> {
  return tx.insertInto('terms_versions').values(values).returningAll().executeTakeFirst();
}

export async function insertAcceptance(
  tx: Tx,
  values: {
    user_id: string;
    version: number;
    accepted_at: Date;
    ip_address: string | null;
    via: 'session' | 'token';
  },
): Promise<void> {
  await tx.insertInto('terms_acceptances').values(values).execute();
}
