/**
 * An upload lands in the staging area, in one transaction: the original file is kept (report_files, not yet linked
 * to a report), the rows are read, normalised and checked chunk by chunk, and stored with their problems. The live
 * tables are not touched; submit/submit-batch.ts moves the rows there.
 */
import type { Actor } from '../../../../shared/actor.ts';
import type { ImportBatch, UploadFields } from '../../../../shared/imports.contract.ts';
import { withActor, type Tx } from '../../../db/with-actor.ts';
import { ValidationError } from '../../../errors.ts';
import { actorIdOf, actorLabelOf } from '../../../lib/actor-names.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import type { SpreadsheetSheet } from '../../../lib/spreadsheets/open-spreadsheet.ts';
import type { ReadLimits } from '../../../lib/spreadsheets/read-limits.ts';
import { readRefusal } from '../../../lib/spreadsheets/read-refusals.ts';
import { mediaTypeOf } from '../../../lib/spreadsheets/read-spreadsheet.ts';
import { auditContextOf, recordAudit, type AuditContext } from '../../audit/index.ts';
import { keepUploadedFile } from '../../reports/index.ts';
import { batchView } from '../batch-view.ts';
import { createBatchChecker, type RowInput } from '../check/check-rows.ts';
import { isKnownCountry } from '../check/import-reference.repo.ts';
import { CHUNK_ROWS, type ImportsDeps, type Progress } from '../imports-deps.ts';
import { assertMayWorkOn } from '../imports.policy.ts';
import { loadBatch } from '../load-batch.ts';
import { fileMapping, pickProfile } from '../mapping/choose-mapping.ts';
import { listProfiles } from '../mapping/mapping-profiles.repo.ts';
import { openUpload } from '../read/open-report-upload.ts';
import { otherFileKindOf } from '../read/other-file-kinds.ts';
import { withTwoRowHeader } from '../read/two-row-header.ts';
import { insertBatch, setBatchConventions, setBatchMapping } from '../staged-batches.repo.ts';
import { settledConventions } from '../check/file-conventions.ts';
import { scanConventions } from './scan-conventions.ts';
import { insertRows } from '../staged-rows.repo.ts';

export interface Upload {
  fields: UploadFields;
  fileName: string;
  bytes: Buffer;
  /** Rows read so far, for the command's progress bar. */
  onProgress?: Progress | undefined;
  /** What reading the file may cost (the SPREADSHEET_MAX_* settings); the toolkit's defaults when absent. */
  limits?: ReadLimits | undefined;
  /** Fires when the uploader has gone: the reading stops and nothing is staged. */
  signal?: AbortSignal | undefined;
}

/**
 * Stages the upload and answers the new batch as the API shows it, counts included, from the same transaction. A
 * file the reader refuses (past a limit, damaged, not a table) rolls the whole staging back.
 */
export async function stageUpload(
  deps: ImportsDeps,
  actor: Actor,
  request: RequestContext,
  upload: Upload,
): Promise<ImportBatch> {
  try {
    return await withActor(deps.db, actor, async (tx) => {
      const id = await stageUploadInTx(tx, auditContextOf(actor, deps.clock, request), upload);
      return batchView(tx, actor, await loadBatch(tx, actor, id));
    });
  } catch (error) {
    throw readRefusal(error);
  }
}

async function stageUploadInTx(tx: Tx, audit: AuditContext, upload: Upload): Promise<string> {
  const { actor } = audit;
  const { fields } = upload;
  const party = fields.party ?? (actor.kind === 'user' ? actor.party : null);
  if (!party) throw new ValidationError([{ field: 'party', reason: 'required' }]);
  assertMayWorkOn(actor, party);
  if (!(await isKnownCountry(tx, party))) throw new ValidationError([{ field: 'party', reason: 'invalid' }]);

  // The sheet whose header is the template's (any language) or a mapping profile's (isImportHeader).
  const sheet = await openUpload(upload.bytes, CHUNK_ROWS, { limits: upload.limits, signal: upload.signal });
  try {
    const other = otherFileKindOf(sheet.header);
    if (other) throw new ValidationError([{ field: 'file', reason: `import_${other}` }]);
    return await stageSheet(tx, audit, { upload, party, sheet });
  } finally {
    await sheet.close();
  }
}

async function stageSheet(
  tx: Tx,
  audit: AuditContext,
  { upload, party, sheet }: { upload: Upload; party: string; sheet: SpreadsheetSheet },
): Promise<string> {
  const { fields, onProgress } = upload;
  // Profiles are data (migration 0053): the caller's Party's and the shared ones, as row-level security shows them.
  const profiles = await listProfiles(tx);
  const mappingOf = (header: string[]) => fileMapping(header, pickProfile(profiles, header, fields.profile));
  // A second header row under the first ("Number" and "Weight (kg)" under "Quantity") is part of the header.
  const table = await withTwoRowHeader(sheet);
  const mapping = mappingOf(table.header);
  const { mapper, profile } = mapping;
  // Dates and numbers are read the file's way: the file's own evidence, or the uploader's choice, first.
  const evidence = await scanConventions(upload.bytes, (header) => mappingOf(header).mapper);
  const settled = settledConventions(evidence);
  const chooser = actorLabelOf(audit.actor) ?? 'uploader';
  const decision = {
    dateOrder: fields.dateOrder
      ? { value: fields.dateOrder, by: chooser }
      : settled.dateOrder
        ? { value: settled.dateOrder, by: 'file' }
        : undefined,
    decimalMark: fields.decimalMark
      ? { value: fields.decimalMark, by: chooser }
      : settled.decimalMark
        ? { value: settled.decimalMark, by: 'file' }
        : undefined,
  };

  const mediaType = mediaTypeOf(sheet.kind);
  const fileId = await keepUploadedFile(tx, audit.actor, {
    party,
    fileName: upload.fileName,
    mediaType,
    content: upload.bytes,
  });
  const batch = await insertBatch(
    tx,
    {
      party,
      fields,
      fileName: upload.fileName,
      mediaType,
      fileId,
      sheetName: sheet.sheetName,
      headerRow: table.headerRow,
      unknownColumns: mapper.unknownColumns,
      missingColumns: mapper.missingColumns,
      uploadedBy: actorIdOf(audit.actor),
    },
    audit.clock,
  );

  await setBatchConventions(tx, batch.id, decision, audit.clock());
  await setBatchMapping(
    tx,
    batch.id,
    {
      sourceHeaders: mapping.headers,
      profileName: profile?.name ?? null,
      decisions: mapping.decisions,
      unknownColumns: mapper.unknownColumns,
      missingColumns: mapper.missingColumns,
      decidedBy: profile ? chooser : 'file',
    },
    audit.clock(),
  );
  const checker = await createBatchChecker(
    tx,
    {
      id: batch.id,
      party,
      year: fields.year,
      date_order: decision.dateOrder?.value ?? null,
      decimal_mark: decision.decimalMark?.value ?? null,
    },
    audit.clock,
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
  for await (const raw of table.rows) {
    chunk.push({ rowNumber: raw.rowNumber, ...mapper.map(raw.values), accepted: [] });
    if (chunk.length >= CHUNK_ROWS) await flush();
  }
  await flush();
  await writing;

  await recordAudit(tx, audit, {
    action: 'import.stage',
    targetType: 'import_batch',
    targetId: batch.id,
    details: {
      party,
      year: fields.year,
      fileName: upload.fileName,
      rows: done,
      profile: profile?.name ?? null,
      dateOrder: decision.dateOrder ?? null,
      decimalMark: decision.decimalMark ?? null,
    },
  });
  return batch.id;
}
