/**
 * A file's columns as decisions: each source header goes to a template column, to additional information, or
 * nowhere. The decisions are read off the way a file was mapped at upload (by its headers or through a profile),
 * and a reviewer's decisions become a mapping profile, so both kinds of file are read by the same row mapper.
 */
import { IMPORT_COLUMNS, type ColumnTarget, type ImportColumn } from '../../../../shared/imports.contract.ts';
import { headerKey, layoutOfHeader } from '../read/import-columns.ts';
import { measureColumns, unitOfHeader } from '../read/header-measures.ts';
import type { CellSource, MappingProfile, QuantityAlternative } from '../read/row-mapping.ts';

export interface ColumnDecision {
  header: string;
  to: ColumnTarget;
}

/** How a file read by its headers places each column (measure columns feed the quantity). */
export function decisionsByHeaders(headers: readonly string[]): ColumnDecision[] {
  const layout = layoutOfHeader(headers);
  const byIndex = new Map<number, ImportColumn>();
  for (const [column, index] of layout.columns) byIndex.set(index, column);
  if (!layout.columns.has('Second quantity'))
    for (const measure of measureColumns(headers)) byIndex.set(measure.index, 'Quantity');
  return headers.map((header, index) => ({ header, to: byIndex.get(index) ?? 'extra' }));
}

/** How a profile places each column: the columns it reads, the ones it ignores, the rest kept as extra. */
export function decisionsByProfile(profile: MappingProfile, headers: readonly string[]): ColumnDecision[] {
  const target = new Map<string, ColumnTarget>();
  const claim = (name: string, to: ColumnTarget) => {
    if (!target.has(headerKey(name))) target.set(headerKey(name), to);
  };
  for (const [column, source] of Object.entries(profile.columns) as [ImportColumn, CellSource][])
    for (const name of source.from) claim(name, column);
  for (const alt of profile.quantities ?? []) claim(alt.when, 'Quantity');
  for (const name of profile.ignore ?? []) claim(name, 'ignore');
  return headers.map((header) => ({ header, to: target.get(headerKey(header)) ?? 'extra' }));
}

/** Source headers the decisions do not cover: the mapping is refused until every one is decided. */
export function undecidedHeaders(headers: readonly string[], decisions: readonly ColumnDecision[]): string[] {
  const decided = new Set(decisions.map((d) => d.header));
  return headers.filter((header) => !decided.has(header));
}

/** Several source columns for one field: a list for countries, the first filled for a date or a name. */
function cellSource(column: ImportColumn, from: string[]): CellSource {
  if (from.length === 1) return { from };
  if (column === 'Date of seizure' || column === 'Species') return { from, first: true };
  if (column === 'Countries of transit' || column === 'Nationality of offenders') return { from, join: '; ' };
  return { from, join: ' | ' };
}

/**
 * A reviewer's decisions as a profile that names every header of the file (offered again only for a file with
 * the same headers). A quantity column whose header gives a unit ("Weight (kg)") carries it; two quantity
 * columns are two measures of the same specimens (a count and a weight).
 */
export function profileOfDecisions(
  name: string,
  decisions: readonly ColumnDecision[],
): MappingProfile & { isExact: true } {
  const columns: Partial<Record<ImportColumn, CellSource>> = {};
  for (const column of IMPORT_COLUMNS) {
    if (column === 'Quantity') continue;
    const from = decisions.filter((d) => d.to === column).map((d) => d.header);
    if (from.length > 0) columns[column] = cellSource(column, from);
  }
  const measures = decisions.filter((d) => d.to === 'Quantity').map((d) => d.header);
  const units = measures.map((header) => unitOfHeader(header) ?? defaultUnit(header));
  let quantities: QuantityAlternative[] | undefined;
  if (measures.length === 1 && units[0] === undefined) columns.Quantity = { from: measures };
  else if (measures.length > 0)
    quantities = measures.map((header, i) => ({
      when: header,
      set: { Quantity: { copy: header }, ...(units[i] === undefined ? {} : { Unit: units[i] }) },
    }));
  return {
    name,
    description: '',
    signature: decisions.map((d) => d.header).filter((header) => header.trim() !== ''),
    isExact: true,
    columns,
    ...(quantities ? { quantities } : {}),
    ignore: decisions.filter((d) => d.to === 'ignore').map((d) => d.header),
  };
}

/** "Number", "Count" mean specimens when the header names no unit. */
function defaultUnit(header: string): string | undefined {
  return /^(number|count|nombre|numero)\b/.test(headerKey(header)) ? '' : undefined;
}
