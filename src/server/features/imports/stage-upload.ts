/**
 * An upload lands in the staging area: the original file is kept (report_files, not yet linked to a report), the
 * rows are read, normalised and checked chunk by chunk, and stored with their problems. The live tables are not
 * touched; submit-batch.ts moves the rows there.
 */
import type { UploadFields } from '../../../shared/imports.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ValidationError } from '../../errors.ts';
import type { SpreadsheetSheet } from '../../lib/spreadsheets/open-spreadsheet.ts';
import { mediaTypeOf, UnreadableFileError } from '../../lib/spreadsheets/read-spreadsheet.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { actorIdOf, auditContextOf, keepUploadedFile, type ReportContext } from '../reports/index.ts';
import { createRowChecker, type RowInput } from './check-rows.ts';
import { loadImportReference } from './import-reference.ts';
import { assertMayWorkOn } from './imports.policy.ts';
import { MAPPING_PROFILES } from './mapping-profiles.ts';
import { openUpload } from './open-report-upload.ts';
import { headerMapper, profileMapper, profileMatches, type RowMapper } from './row-mapping.ts';
import { insertRows } from './staging.repo.ts';

/**
 * Rows read, checked and written together. Everything a chunk holds (its rows, their JSON for the database) is
 * garbage once it is written, and the garbage collector lets the heap grow to a multiple of what is alive, so a
 * smaller chunk lowers peak memory; 1,000 keeps the round trips to the database few.
 */
export const CHUNK_ROWS = 1000;

export interface Upload {
  fields: UploadFields;
  fileName: string;
  bytes: Buffer;
}

/** Rows read so far, for a progress bar. */
export type Progress = (rowsDone: number) => void;

export const todayOf = (clock: () => Date) => clock().toISOString().slice(0, 10);

export async function stageUpload(
  tx: Tx,
  ctx: ReportContext,
  upload: Upload,
  onProgress?: Progress,
): Promise<string> {
  const { fields } = upload;
  const party = fields.party ?? (ctx.actor.kind === 'user' ? ctx.actor.party : null);
  if (!party) throw new ValidationError([{ field: 'party', reason: 'required' }]);
  assertMayWorkOn(ctx.actor, party);
  const known = await tx.selectFrom('countries').select('code').where('code', '=', party).executeTakeFirst();
  if (!known) throw new ValidationError([{ field: 'party', reason: 'invalid' }]);

  // The sheet whose header is the template's (any language) or a mapping profile's (isImportHeader).
  let sheet;
  try {
    sheet = await openUpload(upload.bytes, CHUNK_ROWS);
  } catch (error) {
    if (error instanceof UnreadableFileError)
      throw new ValidationError([
        { field: 'file', reason: error.reason === 'type' ? 'import_file_type' : 'import_no_header' },
      ]);
    throw error;
  }
  try {
    return await stageSheet(tx, ctx, { upload, party, sheet }, onProgress);
  } finally {
    await sheet.close();
  }
}

async function stageSheet(
  tx: Tx,
  ctx: ReportContext,
  { upload, party, sheet }: { upload: Upload; party: string; sheet: SpreadsheetSheet },
  onProgress?: Progress,
): Promise<string> {
  const { fields } = upload;
  const profile = MAPPING_PROFILES.find((p) => profileMatches(p, sheet.header));
  const mapper: RowMapper = profile ? profileMapper(profile, sheet.header) : headerMapper(sheet.header);

  const actorId = actorIdOf(ctx.actor);
  const mediaType = mediaTypeOf(sheet.kind);
  const fileId = await keepUploadedFile(tx, ctx, {
    party,
    fileName: upload.fileName,
    mediaType,
    content: upload.bytes,
  });
  const batch = await tx
    .insertInto('import_batches')
    .values({
      party,
      year: fields.year,
      share_parties: fields.shareParties,
      share_iccwc: fields.shareIccwc,
      share_etis: fields.shareEtis,
      preparing_agency: fields.preparingAgency,
      contributing_agencies: fields.contributingAgencies,
      contact_name: fields.contactName,
      contact_email: fields.contactEmail,
      file_name: upload.fileName,
      media_type: mediaType,
      file_id: fileId,
      sheet_name: sheet.sheetName,
      header_row: sheet.headerRow,
      unknown_columns: mapper.unknownColumns,
      missing_columns: mapper.missingColumns,
      uploaded_by: actorId,
      created_at: ctx.clock(),
      updated_at: ctx.clock(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const reference = await loadImportReference(tx);
  const checker = createRowChecker(
    { reference, party, year: fields.year, today: todayOf(ctx.clock) },
    batch.id,
  );
  // Each chunk's rows are written while the next chunk is read and checked: the database and this process work
  // at the same time. The connection runs its queries in the order they were sent, so the next chunk's lookups
  // (duplicates among the rows staged so far) still see this chunk's rows.
  let chunk: RowInput[] = [];
  let done = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const rows = chunk;
    chunk = [];
    let checked;
    try {
      checked = await checker.check(tx, rows);
    } finally {
      // A failed write is the first error of the transaction: it is the one reported.
      await writing;
    }
    writing = insertRows(tx, { id: batch.id, party }, checked).then(() => {
      done += rows.length;
      onProgress?.(done);
    });
    // Awaited at the next flush or after the last; until then its failure must not count as unhandled.
    writing.catch(() => {});
  };
  for await (const raw of sheet.rows) {
    chunk.push({ rowNumber: raw.rowNumber, ...mapper.map(raw.values), accepted: [] });
    if (chunk.length >= CHUNK_ROWS) await flush();
  }
  await flush();
  await writing;

  await recordAudit(tx, auditContextOf(ctx), {
    action: 'import.stage',
    targetType: 'import_batch',
    targetId: batch.id,
    details: {
      party,
      year: fields.year,
      fileName: upload.fileName,
      rows: done,
      profile: profile?.name ?? null,
    },
  });
  return batch.id;
}
