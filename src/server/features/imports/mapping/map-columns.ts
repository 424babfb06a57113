/**
 * The reviewer's column mapping (issue: files that are not our template): every source column of the file is
 * decided — a template column, "keep in additional information", or "ignore" — and none is left out without a
 * decision. The staged rows are mapped again from the file's own cells, the file's dates and numbers looked at
 * again, and every row checked again. With a name, the mapping is kept as a profile, offered for the next file
 * with the same headers: the Party's own for a Party's people, shared for the Secretariat's.
 */
import type { Actor } from '../../../../shared/actor.ts';
import { IMPORT_COLUMNS, type ImportBatch, type MapColumns } from '../../../../shared/imports.contract.ts';
import { withActor, type Tx } from '../../../db/with-actor.ts';
import { ValidationError } from '../../../errors.ts';
import { actorIdOf, actorLabelOf } from '../../../lib/actor-names.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../../audit/index.ts';
import { batchView } from '../batch-view.ts';
import {
  addDateEvidence,
  addNumberEvidence,
  emptyEvidence,
  settledConventions,
} from '../check/file-conventions.ts';
import { CHUNK_ROWS, type ImportsDeps } from '../imports-deps.ts';
import { loadStagedBatch } from '../load-batch.ts';
import { profileMapper, type MappingProfile } from '../read/row-mapping.ts';
import { revalidateBatchInTx } from '../review/revalidate-batch.ts';
import { findBatch, setBatchConventions, setBatchMapping, type BatchRow } from '../staged-batches.repo.ts';
import { profileOfDecisions, undecidedHeaders, type ColumnDecision } from './column-decisions.ts';
import { readSourceCells, updateMappedRows } from './mapped-rows.repo.ts';
import { saveProfile } from './mapping-profiles.repo.ts';

export async function mapColumns(
  deps: ImportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { id: string } & MapColumns,
): Promise<ImportBatch> {
  return withActor(deps.db, actor, async (tx) => {
    const batch = await loadStagedBatch(tx, actor, input.id);
    const headers = batch.source_headers;
    const decisions = assertEveryColumnDecided(headers, input.columns);
    const profile = profileOfDecisions(input.saveAs ?? '', decisions);
    const by = actorLabelOf(actor) ?? 'reviewer';
    const now = deps.clock();
    await remapRows(tx, batch, profile, now);
    const targets = new Set(decisions.map((d) => d.to));
    await setBatchMapping(
      tx,
      batch.id,
      {
        sourceHeaders: headers,
        profileName: input.saveAs ?? null,
        decisions,
        unknownColumns: decisions.filter((d) => d.to === 'extra').map((d) => d.header),
        missingColumns: IMPORT_COLUMNS.filter((column) => !targets.has(column)),
        decidedBy: by,
      },
      now,
    );
    if (input.saveAs !== undefined) {
      const party = actor.kind === 'user' && actor.organisationKind === 'party' ? actor.party : null;
      await saveProfile(tx, { ...profile, party, createdBy: actorIdOf(actor) }, now);
    }
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'import.map_columns',
      targetType: 'import_batch',
      targetId: batch.id,
      details: { columns: decisions, savedAs: input.saveAs ?? null },
    });
    const mapped = (await findBatch(tx, batch.id))!;
    await revalidateBatchInTx(tx, mapped, deps.clock);
    return batchView(tx, actor, mapped);
  });
}

/** One decision per source column, in the file's order; a missing or unknown column refuses the mapping. */
function assertEveryColumnDecided(
  headers: readonly string[],
  given: MapColumns['columns'],
): ColumnDecision[] {
  if (headers.length === 0)
    throw new ValidationError([{ field: 'columns', reason: 'import_columns_unknown' }]);
  const known = new Set(headers);
  const stranger = given.find((d) => !known.has(d.header));
  if (stranger)
    throw new ValidationError([
      { field: 'columns', reason: 'import_column_not_in_file', params: { header: stranger.header } },
    ]);
  const undecided = undecidedHeaders(headers, given);
  if (undecided.length > 0)
    throw new ValidationError([
      { field: 'columns', reason: 'import_columns_undecided', params: { headers: undecided.join(', ') } },
    ]);
  const byHeader = new Map(given.map((d) => [d.header, d.to]));
  return headers.map((header) => ({ header, to: byHeader.get(header)! }));
}

/**
 * Every row mapped again from its source cells, chunk by chunk; the file's dates and numbers are read again
 * from the new cells, and a convention the file settles is recorded unless a person chose it.
 */
async function remapRows(tx: Tx, batch: BatchRow, profile: MappingProfile, now: Date): Promise<void> {
  const headers = batch.source_headers;
  const mapper = profileMapper(profile, headers);
  const evidence = emptyEvidence();
  let after = 0;
  for (;;) {
    const rows = await readSourceCells(tx, batch.id, after, CHUNK_ROWS);
    if (rows.length === 0) break;
    after = rows.at(-1)!.rowNumber;
    const mapped = rows.map(({ rowNumber, source }) => {
      const { cells, extra } = mapper.map(headers.map((header) => source[header] ?? ''));
      if (cells['Date of seizure']) addDateEvidence(evidence, cells['Date of seizure']);
      for (const column of ['Quantity', 'Second quantity'])
        if (cells[column]) addNumberEvidence(evidence, cells[column]);
      return { rowNumber, cells, extra };
    });
    await updateMappedRows(tx, batch.id, mapped);
  }
  const settled = settledConventions(evidence);
  const byPerson = (decidedBy: string | null) => decidedBy !== null && decidedBy !== 'file';
  await setBatchConventions(
    tx,
    batch.id,
    {
      dateOrder:
        settled.dateOrder && !byPerson(batch.date_order_decided_by)
          ? { value: settled.dateOrder, by: 'file' }
          : undefined,
      decimalMark:
        settled.decimalMark && !byPerson(batch.decimal_mark_decided_by)
          ? { value: settled.decimalMark, by: 'file' }
          : undefined,
    },
    now,
  );
}
