/**
 * A record-level export of what the explorer shows (GET /api/v1/exports/seizures.csv|.xlsx): the same filters,
 * parsed by the same contract and applied by the same SQL as GET /api/v1/seizures, under the same sharing rule;
 * the columns the user picks. Needs `data.export` and, from a session, a recent step-up (from a token, its
 * `export` scope).
 */
import type { Actor } from '../../../shared/actor.ts';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMNS,
  type ExportFormat,
  type RecordExportQuery,
} from '../../../shared/exports.contract.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { SpreadsheetRow } from '../../lib/spreadsheets/spreadsheet-cell.ts';
import { exportClearanceOf, type Authentication } from '../identity/index.ts';
import { resolveFilter, visibleTo, whereClause } from '../seizures/index.ts';
import { headerRows } from './export-header.ts';
import { loadLabels, runExport, type ExportFile } from './export-file.ts';
import type { ExportsDeps } from './exports-deps.ts';
import { requireAction, requireClearance } from './exports.policy.ts';
import { closeCursor, declareRecordCursor, fetchRecords, selectMatchingParties } from './exports.repo.ts';
import { recordCells, recordHeader } from './record-cells.ts';

/** Records fetched from the cursor at a time: enough to keep the round trips few, small enough to hold. */
export const EXPORT_CHUNK = 2000;

/** The filters as given, for the register and the header (what was asked, never what was found). */
export function filtersOf(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}

/** "KE Kenya" for the header's list of Parties. */
export const partyNames = (parties: readonly string[], countries: ReadonlyMap<string, string>) =>
  parties.map((party) => `${party} ${countries.get(party) ?? ''}`.trim());

export async function exportSeizureRecords(
  deps: ExportsDeps,
  actor: Actor,
  request: RequestContext,
  input: {
    format: ExportFormat;
    query: RecordExportQuery;
    authentication: Authentication;
    organisation: string;
  },
): Promise<ExportFile> {
  const user = requireAction(actor, 'data.export');
  const clearance = await exportClearanceOf(deps.db, user, input.authentication);
  requireClearance(clearance, 'records', deps.clock(), deps.settings.exports.stepUpMinutes);
  const { columns, lang, ...filter } = input.query;
  const wanted = new Set(columns ?? DEFAULT_EXPORT_COLUMNS);
  const picked = EXPORT_COLUMNS.filter((column) => wanted.has(column));
  return runExport(deps, user, request, {
    kind: 'records',
    format: input.format,
    language: lang,
    filters: filtersOf(filter),
    columns: picked,
    groupBy: null,
    publication: false,
    organisation: input.organisation,
    async content(tx, header) {
      const where = whereClause(visibleTo(user), await resolveFilter(tx, filter, user));
      const parties = (await selectMatchingParties(tx, where)).map((row) => row.party);
      const labels = await loadLabels(tx, lang);
      await declareRecordCursor(tx, 'export_records', {
        where,
        parties,
        withOriginal: picked.includes('original'),
      });
      const partyCounts: Record<string, number> = {};
      let rowCount = 0;
      async function* rows(): AsyncGenerator<SpreadsheetRow> {
        for (;;) {
          const chunk = await fetchRecords(tx, 'export_records', EXPORT_CHUNK);
          if (chunk.length === 0) break;
          for (const row of chunk) {
            const party = row.reporting_party.trim();
            partyCounts[party] = (partyCounts[party] ?? 0) + 1;
            rowCount += 1;
            yield recordCells(row, picked, labels);
          }
        }
        await closeCursor(tx, 'export_records');
      }
      return {
        notes: headerRows({ ...header, parties: partyNames(parties, labels.countries) }),
        columns: recordHeader(picked, lang),
        rows: rows(),
        tally: () => ({ rowCount, partyCounts }),
      };
    },
  });
}
