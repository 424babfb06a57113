/**
 * A Party's own records in the report template's layout (GET /api/v1/exports/own-party.csv|.xlsx): every record
 * its Party reported, as the Party wrote each cell, under the template's column headers in the chosen language,
 * ready to correct and submit again. For the Party's focal points and reporters (`data.export_own_party`), after
 * a step-up like any record-level export. The header block and register entry are those of every export.
 */
import type { Actor } from '../../../shared/actor.ts';
import { ORIGINAL_COLUMNS, type ExportFormat } from '../../../shared/exports.contract.ts';
import type { Language } from '../../../shared/languages.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { SpreadsheetRow } from '../../lib/spreadsheets/spreadsheet-cell.ts';
import { exportClearanceOf, type Authentication } from '../identity/index.ts';
import { templateHeader } from '../imports/index.ts';
import { resolveFilter, visibleTo, whereClause } from '../seizures/index.ts';
import { EXPORT_CHUNK, partyNames } from './export-records.ts';
import { headerRows } from './export-header.ts';
import { loadLabels, runExport, type ExportFile } from './export-file.ts';
import type { ExportsDeps } from './exports-deps.ts';
import { requireAction, requireClearance } from './exports.policy.ts';
import { closeCursor, declareRecordCursor, fetchRecords } from './exports.repo.ts';

export async function exportOwnPartyRecords(
  deps: ExportsDeps,
  actor: Actor,
  request: RequestContext,
  input: { format: ExportFormat; language: Language; authentication: Authentication; organisation: string },
): Promise<ExportFile> {
  const user = requireAction(actor, 'data.export_own_party');
  const party = user.party!;
  const clearance = await exportClearanceOf(deps.db, user, input.authentication);
  requireClearance(clearance, 'records', deps.clock(), deps.settings.exports.stepUpMinutes);
  const filter = { party: [party], countryRole: 'any' as const };
  return runExport(deps, user, request, {
    kind: 'party_records',
    format: input.format,
    language: input.language,
    filters: { party: [party] },
    columns: [...ORIGINAL_COLUMNS],
    groupBy: null,
    publication: false,
    organisation: input.organisation,
    async content(tx, header) {
      const where = whereClause(visibleTo(user), await resolveFilter(tx, filter, user));
      const labels = await loadLabels(tx, input.language);
      await declareRecordCursor(tx, 'export_records', { where, parties: [party], withOriginal: true });
      let rowCount = 0;
      async function* rows(): AsyncGenerator<SpreadsheetRow> {
        for (;;) {
          const chunk = await fetchRecords(tx, 'export_records', EXPORT_CHUNK);
          if (chunk.length === 0) break;
          for (const row of chunk) {
            rowCount += 1;
            yield ORIGINAL_COLUMNS.map((column) => row.original?.[column] ?? null);
          }
        }
        await closeCursor(tx, 'export_records');
      }
      return {
        notes: headerRows({ ...header, parties: partyNames([party], labels.countries) }),
        columns: ORIGINAL_COLUMNS.map((column) => templateHeader(column, input.language)),
        rows: rows(),
        tally: () => ({ rowCount, partyCounts: rowCount > 0 ? { [party]: rowCount } : {} }),
      };
    },
  });
}
