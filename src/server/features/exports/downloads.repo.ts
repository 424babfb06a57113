/**
 * The download register's SQL (migration 0042). Row-level security lets a user read and attest only their own
 * downloads, the Secretariat's admins and data officers read everyone's, and the platform's jobs mark reminders.
 */
import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';
import type { DownloadsTable } from '../../db/schema-exports.ts';

export type DownloadRow = Selectable<DownloadsTable>;

export interface NewDownload {
  id: string;
  user_id: string;
  organisation_id: string;
  user_label: string;
  organisation_name: string;
  kind: DownloadsTable['kind'];
  format: DownloadsTable['format'];
  language: DownloadsTable['language'];
  filters: Record<string, unknown>;
  columns: string[];
  group_by: string | null;
  publication: boolean;
  created_at: Date;
}

export async function insertDownload(tx: Tx, row: NewDownload): Promise<void> {
  await tx
    .insertInto('downloads')
    .values({ ...row, filters: JSON.stringify(row.filters) })
    .execute();
}

/** What is known once the last byte is written. */
export async function completeDownload(
  tx: Tx,
  id: string,
  facts: {
    rowCount: number;
    parties: string[];
    partyCounts: Record<string, number>;
    checksum: string;
    sizeBytes: number;
    at: Date;
  },
): Promise<void> {
  await tx
    .updateTable('downloads')
    .set({
      row_count: facts.rowCount,
      parties: facts.parties,
      party_counts: JSON.stringify(facts.partyCounts),
      checksum: facts.checksum,
      size_bytes: facts.sizeBytes,
      completed_at: facts.at,
    })
    .where('id', '=', id)
    .execute();
}

export async function selectOwnDownloads(tx: Tx, userId: string, limit: number): Promise<DownloadRow[]> {
  return tx
    .selectFrom('downloads')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** The attestation, once: an attested download is not attested again. Returns the row, or undefined. */
export async function attestDeletionRow(
  tx: Tx,
  input: { id: string; userId: string; deletedOn: string; statement: string | null; at: Date },
): Promise<DownloadRow | undefined> {
  return tx
    .updateTable('downloads')
    .set({ deleted_on: input.deletedOn, deletion_statement: input.statement, deleted_attested_at: input.at })
    .where('id', '=', input.id)
    .where('user_id', '=', input.userId)
    .where('deleted_attested_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function selectDownload(tx: Tx, id: string): Promise<DownloadRow | undefined> {
  return tx.selectFrom('downloads').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Everyone's downloads, newest first; only the outstanding ones, or those older than a date, when asked. */
export async function selectRegister(
  tx: Tx,
  query: { outstanding: boolean; createdBefore: Date | null; limit: number },
): Promise<DownloadRow[]> {
  let select = tx.selectFrom('downloads').selectAll();
  if (query.outstanding) select = select.where('deleted_attested_at', 'is', null);
  if (query.createdBefore) select = select.where('created_at', '<', query.createdBefore);
  return select.orderBy('created_at', 'desc').limit(query.limit).execute();
}

/**
 * Downloads due a reminder: not attested, older than the age, and not reminded within the last `every`.
 *   select … from downloads where deleted_attested_at is null and created_at < $due
 *     and (last_reminded_at is null or last_reminded_at < $again) order by created_at limit $n
 */
export async function selectDueReminders(
  tx: Tx,
  input: { due: Date; again: Date; limit: number },
): Promise<DownloadRow[]> {
  return tx
    .selectFrom('downloads')
    .selectAll()
    .where('deleted_attested_at', 'is', null)
    .where('completed_at', 'is not', null)
    .where('created_at', '<', input.due)
    .where((eb) => eb.or([eb('last_reminded_at', 'is', null), eb('last_reminded_at', '<', input.again)]))
    .orderBy('created_at')
    .limit(input.limit)
    .execute();
}

export async function markReminded(tx: Tx, id: string, at: Date): Promise<void> {
  await tx
    .updateTable('downloads')
    .set({ last_reminded_at: at, reminders_sent: sql`reminders_sent + 1` })
    .where('id', '=', id)
    .execute();
}
