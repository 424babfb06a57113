/**
 * Reading the staging area: the batches a caller may work on, one batch with its counts, and a page of its rows
 * with their problems in the caller's language. Each finds the batch through row-level security first
 * (load-batch.ts), so another Party's batch is a 404.
 */
import type { Actor } from '../../../../shared/actor.ts';
import type { ImportBatch, StagingRow } from '../../../../shared/imports.contract.ts';
import type { Language } from '../../../../shared/languages.ts';
import { withActor } from '../../../db/with-actor.ts';
import type { RequestContext } from '../../../lib/request-context.ts';
import { batchView, rowView } from '../batch-view.ts';
import { READS_ONLY, type ImportsDeps } from '../imports-deps.ts';
import { assertMayImport } from '../imports.policy.ts';
import { loadBatch } from '../load-batch.ts';
import { listBatches } from '../staged-batches.repo.ts';
import { readRows, type RowFilter } from '../staged-rows.repo.ts';

/** Batches per page of the list, newest first. */
const PAGE_BATCHES = 50;

export async function listImportBatches(
  deps: ImportsDeps,
  actor: Actor,
  _request: RequestContext,
  input: { cursor?: string | undefined },
): Promise<{ items: ImportBatch[]; nextCursor: string | null }> {
  assertMayImport(actor);
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      const rows = await listBatches(tx, input.cursor ?? null, PAGE_BATCHES);
      const items = await Promise.all(rows.map((row) => batchView(tx, actor, row)));
      return { items, nextCursor: rows.length === PAGE_BATCHES ? items.at(-1)!.createdAt : null };
    },
    READS_ONLY,
  );
}

export async function viewImportBatch(
  deps: ImportsDeps,
  actor: Actor,
  _request: RequestContext,
  input: { id: string },
): Promise<ImportBatch> {
  return withActor(
    deps.db,
    actor,
    async (tx) => batchView(tx, actor, await loadBatch(tx, actor, input.id)),
    READS_ONLY,
  );
}

export async function listBatchRows(
  deps: ImportsDeps,
  actor: Actor,
  _request: RequestContext,
  input: { id: string; cursor?: number | undefined; limit: number; show: RowFilter; language: Language },
): Promise<{ items: StagingRow[]; nextCursor: string | null }> {
  const { cursor, limit, show, language } = input;
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      const batch = await loadBatch(tx, actor, input.id);
      const rows = await readRows(tx, batch.id, cursor ?? 0, limit, show);
      return {
        items: rows.map((row) => rowView(row, language)),
        nextCursor: rows.length === limit ? String(rows.at(-1)!.rowNumber) : null,
      };
    },
    READS_ONLY,
  );
}
