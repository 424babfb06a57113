/**
 * SQL of the staged batches (`import_batches`, migrations/0008). Every query runs in the caller's withActor
 * transaction, so row-level security limits the batches to those the actor may work on.
 */
import type { Selectable } from 'kysely';
import type { UploadFields } from '../../../shared/imports.contract.ts';
import type { ImportBatchesTable } from '../../db/schema-imports.ts';
import type { Tx } from '../../db/with-actor.ts';

export type BatchRow = Selectable<ImportBatchesTable>;

/** select * from import_batches where id = $1 [for update] */
export async function findBatch(tx: Tx, id: string, forUpdate = false): Promise<BatchRow | undefined> {
  let query = tx.selectFrom('import_batches').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** select * from import_batches [where created_at < cursor] order by created_at desc limit n */
export async function listBatches(tx: Tx, before: string | null, limit: number): Promise<BatchRow[]> {
  let query = tx
    .selectFrom('import_batches')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit);
  if (before) query = query.where('created_at', '<', new Date(before));
  return query.execute();
}

/** What a new batch records of its upload besides the form's fields. */
export interface NewBatch {
  party: string;
  fields: UploadFields;
  fileName: string;
  mediaType: string;
  fileId: string;
  sheetName: string | null;
  headerRow: number;
  unknownColumns: string[];
  missingColumns: string[];
  uploadedBy: string | null;
}

/** How the file's columns are read: its headers, the profile used, each column's decision, and who decided. */
export interface BatchMapping {
  sourceHeaders: string[];
  profileName: string | null;
  decisions: { header: string; to: string }[];
  unknownColumns: string[];
  missingColumns: string[];
  decidedBy: string;
}

/**
 * update import_batches set source_headers = $, profile_name = $, column_decisions = $, unknown_columns = $,
 *   missing_columns = $, mapping_decided_by = $, mapping_decided_at = $ where id = $1
 */
export async function setBatchMapping(tx: Tx, id: string, mapping: BatchMapping, now: Date): Promise<void> {
  await tx
    .updateTable('import_batches')
    .set({
      source_headers: mapping.sourceHeaders,
      profile_name: mapping.profileName,
      column_decisions: JSON.stringify(mapping.decisions),
      unknown_columns: mapping.unknownColumns,
      missing_columns: mapping.missingColumns,
      mapping_decided_by: mapping.decidedBy,
      mapping_decided_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** insert into import_batches (…) values (…) returning id */
export async function insertBatch(tx: Tx, batch: NewBatch, now: () => Date): Promise<{ id: string }> {
  const { fields } = batch;
  return tx
    .insertInto('import_batches')
    .values({
      party: batch.party,
      year: fields.year,
      share_parties: fields.shareParties,
      share_iccwc: fields.shareIccwc,
      share_etis: fields.shareEtis,
      preparing_agency: fields.preparingAgency,
      contributing_agencies: fields.contributingAgencies,
      contact_name: fields.contactName,
      contact_email: fields.contactEmail,
      file_name: batch.fileName,
      media_type: batch.mediaType,
      file_id: batch.fileId,
      sheet_name: batch.sheetName,
      header_row: batch.headerRow,
      unknown_columns: batch.unknownColumns,
      missing_columns: batch.missingColumns,
      uploaded_by: batch.uploadedBy,
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface ConventionDecision {
  dateOrder?: { value: 'dmy' | 'mdy'; by: string } | undefined;
  decimalMark?: { value: 'point' | 'comma'; by: string } | undefined;
}

/** update import_batches set date_order = $, date_order_decided_by = $, … decimal_mark … where id = $1 */
export async function setBatchConventions(
  tx: Tx,
  id: string,
  decision: ConventionDecision,
  now: Date,
): Promise<void> {
  const { dateOrder, decimalMark } = decision;
  await tx
    .updateTable('import_batches')
    .set({
      updated_at: now,
      ...(dateOrder
        ? { date_order: dateOrder.value, date_order_decided_by: dateOrder.by, date_order_decided_at: now }
        : {}),
      ...(decimalMark
        ? {
            decimal_mark: decimalMark.value,
            decimal_mark_decided_by: decimalMark.by,
            decimal_mark_decided_at: now,
          }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** update import_batches set status = 'discarded', updated_at = $2 where id = $1 returning * */
export async function markBatchDiscarded(tx: Tx, id: string, now: Date): Promise<BatchRow> {
  return tx
    .updateTable('import_batches')
    .set({ status: 'discarded', updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** What a submit keeps on its batch. */
export interface SubmittedBatch {
  reportId: string;
  summary: { imported: number; rejected: number; duplicates: number; total: number };
}

/** update import_batches set status = 'submitted', report_id, submitted_at, updated_at, summary where id = $1 */
export async function markBatchSubmitted(
  tx: Tx,
  id: string,
  submitted: SubmittedBatch,
  now: () => Date,
): Promise<void> {
  await tx
    .updateTable('import_batches')
    .set({
      status: 'submitted',
      report_id: submitted.reportId,
      submitted_at: now(),
      updated_at: now(),
      summary: JSON.stringify(submitted.summary),
    })
    .where('id', '=', id)
    .execute();
}
