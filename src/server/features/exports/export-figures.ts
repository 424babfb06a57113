/**
 * An aggregated export (GET /api/v1/exports/figures.csv|.xlsx): counts, specimens and kg per group of one of the
 * explorer's dimensions, from the records the caller may see under the same filters. With `publication=true` small
 * cells are hidden (small-cells.ts, thresholds from the settings) and the header says how many and why. A figures
 * export needs no step-up from a session (no record leaves); through a token it needs the `export` scope.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { ExportFormat, FiguresExportQuery } from '../../../shared/exports.contract.ts';
import type { Language } from '../../../shared/languages.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { SpreadsheetCell, SpreadsheetRow } from '../../lib/spreadsheets/spreadsheet-cell.ts';
import { exportClearanceOf, type Authentication } from '../identity/index.ts';
import { resolveFilter, visibleTo, whereClause } from '../seizures/index.ts';
import { filtersOf, partyNames } from './export-records.ts';
import { headerRows } from './export-header.ts';
import { loadLabels, runExport, type ExportFile } from './export-file.ts';
import { WORDS } from './export-texts.ts';
import type { ExportsDeps } from './exports-deps.ts';
import { requireAction, requireClearance } from './exports.policy.ts';
import { selectFigureGroups, type FigureGroupRow } from './figures-export.repo.ts';
import { selectMatchingParties } from './exports.repo.ts';
import type { Labels } from './record-cells.ts';
import { suppressSmallCells } from './small-cells.ts';

/** What a hidden cell shows. */
export const HIDDEN_MARK = 'x';

/** The group's name: a taxon's name, a country's, a route's two countries. */
function labelOf(
  group: FigureGroupRow,
  groupBy: FiguresExportQuery['groupBy'],
  labels: Labels,
  lang: Language,
) {
  if (group.key === null) return WORDS.unknown[lang];
  switch (groupBy) {
    case 'taxon':
      return group.label;
    case 'party':
    case 'country':
      return labels.countries.get(group.key) ?? null;
    case 'route':
      return group.key
        .split('>')
        .map((code) => labels.countries.get(code) ?? code)
        .join(' > ');
    case 'year':
      return null;
  }
}

export async function exportFigures(
  deps: ExportsDeps,
  actor: Actor,
  request: RequestContext,
  input: {
    format: ExportFormat;
    query: FiguresExportQuery;
    authentication: Authentication;
    organisation: string;
  },
): Promise<ExportFile> {
  const user = requireAction(actor, 'data.export');
  const clearance = await exportClearanceOf(deps.db, user, input.authentication);
  requireClearance(clearance, 'figures', deps.clock(), deps.settings.exports.stepUpMinutes);
  const { groupBy, rank, role, publication, lang, ...filter } = input.query;
  const rules = deps.settings.exports.smallCells;
  return runExport(deps, user, request, {
    kind: 'figures',
    format: input.format,
    language: lang,
    filters: filtersOf({
      ...filter,
      ...(groupBy === 'taxon' ? { rank } : {}),
      ...(groupBy === 'country' ? { role } : {}),
    }),
    columns: [],
    groupBy,
    publication,
    organisation: input.organisation,
    async content(tx, header) {
      const where = whereClause(visibleTo(user), await resolveFilter(tx, filter, user));
      const groups = await selectFigureGroups(tx, where, { groupBy, rank, role });
      const labels = await loadLabels(tx, lang);
      // A list of groups is a one-column table: its total line is the column total (see small-cells.ts).
      const shape = {
        rows: groups.length,
        columns: 1,
        rowTotals: false,
        columnTotals: true,
        grandTotal: false,
      };
      const suppression = publication
        ? suppressSmallCells(
            groups.map((group) => [group]),
            shape,
            rules,
          )
        : null;
      const hidden = (r: number) => suppression?.hidden[r]?.[0] === true;
      const figures = (count: number, specimens: number, kg: number, isHidden: boolean): SpreadsheetCell[] =>
        isHidden ? [HIDDEN_MARK, HIDDEN_MARK, HIDDEN_MARK] : [count, round(specimens), round(kg)];
      const rows: SpreadsheetRow[] = groups.map((group, r) => [
        group.key,
        labelOf(group, groupBy, labels, lang),
        ...figures(group.count, group.specimens, group.kg, hidden(r)),
      ]);
      const sum = (pick: (group: FigureGroupRow) => number) =>
        groups.reduce((total, group) => total + pick(group), 0);
      rows.push([
        WORDS.total[lang],
        null,
        ...figures(
          sum((g) => g.count),
          sum((g) => g.specimens),
          sum((g) => g.kg),
          suppression?.hiddenColumnTotals[0] === true,
        ),
      ]);
      const matching = await selectMatchingParties(tx, where);
      const partyCounts = Object.fromEntries(matching.map((row) => [row.party, row.count]));
      const parties = matching.map((row) => row.party);
      return {
        notes: headerRows({
          ...header,
          parties: partyNames(parties, labels.countries),
          aggregation: {
            groupBy,
            ...(suppression
              ? {
                  suppression: {
                    primary: suppression.primaryCount,
                    secondary: suppression.secondaryCount,
                    maxCount: rules.maxCount,
                    share: rules.dominanceShare,
                    mark: HIDDEN_MARK,
                  },
                }
              : {}),
          },
        }),
        columns: [
          WORDS.group[lang],
          WORDS.label[lang],
          WORDS.records[lang],
          WORDS.specimens[lang],
          WORDS.kg[lang],
        ],
        rows,
        tally: () => ({ rowCount: groups.length, partyCounts }),
      };
    },
  });
}

/** Sums of decimals to three places (kg to the gram). */
const round = (value: number) => Math.round(value * 1000) / 1000;
