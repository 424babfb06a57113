/**
 * Imports a Species+ checklist export into the species checklist, in one transaction. Every row of
 * the file ends as inserted, updated, unchanged or rejected (with its row number and the reason), so
 * the counts add up to the rows read; running the same file again changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { recordAudit } from '../audit/index.ts';
import { placeRow, REQUIRED_COLUMNS, type SpeciesPlusRow } from './species-plus-file.ts';
import { taxonKey, unsafeAnalyzeChecklist } from './reference.repo.ts';
import { RANK_DEPTH, TaxonWriter, type TaxonCandidate } from './taxon-writer.ts';

export interface SpeciesImportReport {
  file: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: { row: number; reason: string }[];
  /** Higher taxa (class, order …) named in the rows' columns that the file has no row for. */
  impliedTaxaAdded: number;
}

export class SpeciesImportFileError extends Error {}

export interface ImportSpeciesDeps {
  db: Kysely<DB>;
  actor: Actor;
  clock: () => Date;
  onProgress?: (done: number, total: number) => void;
}

const BATCH_SIZE = 500;

export async function importSpeciesPlus(
  deps: ImportSpeciesDeps,
  filePath: string,
): Promise<SpeciesImportReport> {
  const rows = await readRows(filePath);
  const report: SpeciesImportReport = {
    file: path.basename(filePath),
    rowsRead: rows.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
    impliedTaxaAdded: 0,
  };

  // Place each row in the tree; collect the implied ancestors once each.
  const fromFile: { rowNumber: number; candidate: TaxonCandidate }[] = [];
  const implied = new Map<string, TaxonCandidate>();
  const seenIds = new Map<number, number>();
  const seenNames = new Map<string, number>();
  rows.forEach((row, index) => {
    const rowNumber = index + 2; // as a spreadsheet shows it: the header is row 1
    const placed = placeRow(row);
    if ('reason' in placed) return report.rejected.push({ row: rowNumber, reason: placed.reason });
    const { candidate } = placed;
    const key = taxonKey(candidate.fields.kingdom, candidate.fields.name);
    const firstWithId = seenIds.get(candidate.fields.speciesplus_id!);
    const firstWithName = seenNames.get(key);
    if (firstWithId !== undefined) {
      return report.rejected.push({ row: rowNumber, reason: `TaxonId repeats row ${firstWithId}` });
    }
    if (firstWithName !== undefined) {
      return report.rejected.push({
        row: rowNumber,
        reason: `FullName "${candidate.fields.name}" repeats row ${firstWithName}`,
      });
    }
    seenIds.set(candidate.fields.speciesplus_id!, rowNumber);
    seenNames.set(key, rowNumber);
    fromFile.push({ rowNumber, candidate });
    for (const ancestor of placed.ancestors) {
      const ancestorKey = taxonKey(ancestor.fields.kingdom, ancestor.fields.name);
      if (!implied.has(ancestorKey)) implied.set(ancestorKey, ancestor);
    }
  });
  for (const key of seenNames.keys()) implied.delete(key);

  const work = [
    ...[...implied.values()].map((candidate) => ({ rowNumber: null as number | null, candidate })),
    ...fromFile,
  ].sort((a, b) => RANK_DEPTH[a.candidate.fields.rank]! - RANK_DEPTH[b.candidate.fields.rank]!);

  await withActor(deps.db, deps.actor, async (tx) => {
    const writer = new TaxonWriter(tx, 'overwrite');
    for (let start = 0; start < work.length; start += BATCH_SIZE) {
      const batch = work.slice(start, start + BATCH_SIZE);
      const { outcomes, errors } = await writer.write(batch.map((item) => item.candidate));
      batch.forEach((item, i) => {
        const error = errors[i];
        if (item.rowNumber === null) {
          if (error)
            throw new Error(`Could not add the higher taxon ${item.candidate.fields.name}: ${error}`);
          if (outcomes[i] === 'inserted') report.impliedTaxaAdded++;
        } else if (error) {
          report.rejected.push({ row: item.rowNumber, reason: error });
        } else {
          report[outcomes[i]!]++;
        }
      });
      deps.onProgress?.(Math.min(start + BATCH_SIZE, work.length), work.length);
    }
    await writer.finish();
    await recordAudit(
      tx,
      { actor: deps.actor, clock: deps.clock },
      {
        action: 'reference.species_imported',
        targetType: 'reference_file',
        targetId: report.file,
        details: {
          rowsRead: report.rowsRead,
          inserted: report.inserted,
          updated: report.updated,
          unchanged: report.unchanged,
          rejected: report.rejected.length,
          impliedTaxaAdded: report.impliedTaxaAdded,
        },
      },
    );
  });
  await unsafeAnalyzeChecklist(deps.db);
  report.rejected.sort((a, b) => a.row - b.row);
  return report;
}

async function readRows(filePath: string): Promise<SpeciesPlusRow[]> {
  const parser = fs
    .createReadStream(filePath)
    .pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }));
  const rows: SpeciesPlusRow[] = [];
  let checkedHeader = false;
  for await (const record of parser as AsyncIterable<SpeciesPlusRow>) {
    if (!checkedHeader) {
      const missing = REQUIRED_COLUMNS.filter((column) => !(column in record));
      if (missing.length > 0) {
        throw new SpeciesImportFileError(
          `${path.basename(filePath)} is not a Species+ checklist export: missing column(s) ${missing.join(', ')}`,
        );
      }
      checkedHeader = true;
    }
    rows.push(record);
  }
  return rows;
}
