/**
 * From a file's row to canonical cells. A file in the template's layout (any language, any order) maps by its
 * headers; a known third-party layout maps through a mapping profile (mapping-profiles.ts), which is data.
 */
import type { ImportColumn } from '../../../../shared/imports.contract.ts';
import { headerKey, layoutOfHeader } from './import-columns.ts';
import { readNumber } from '../check/normalise-quantity.ts';
import { measureColumns, type MeasureColumn } from './header-measures.ts';
import { PART_COLUMNS } from '../check/validate-parts.ts';

export interface MappedRow {
  cells: Record<string, string>;
  extra: Record<string, string>;
  /** Every non-blank cell exactly as written, under the file's own header (a repeated header gets " (2)"). */
  source: Record<string, string>;
}

/** The file's own headers, made unique; blank headers are named by their column letter. */
export function sourceHeaders(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((text, index) => {
    const name = text.trim() === '' ? `column ${index + 1}` : text;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

export function sourceCellsOf(headers: readonly string[], values: readonly string[]): Record<string, string> {
  const source: Record<string, string> = {};
  values.forEach((value, index) => {
    if (value.trim() !== '' && headers[index] !== undefined) source[headers[index]] = value;
  });
  return source;
}

export interface RowMapper {
  map(values: readonly string[]): MappedRow;
  unknownColumns: string[];
  missingColumns: ImportColumn[];
}

export function headerMapper(header: readonly string[]): RowMapper {
  const layout = layoutOfHeader(header);
  const headers = sourceHeaders(header);
  // "Quantity (kg)", "Weight (kg)" next to "Number": each measure column with the unit its header gives.
  const measures = layout.columns.has('Second quantity') ? [] : measureColumns(header);
  for (const measure of measures) layout.unknown.delete(measure.index);
  const missing = measures.length > 0 ? layout.missing.filter((c) => c !== 'Quantity') : layout.missing;
  return {
    unknownColumns: [...layout.unknown.values()],
    missingColumns: missing,
    map(values) {
      const cells: Record<string, string> = {};
      const extra: Record<string, string> = {};
      for (const [column, index] of layout.columns) cells[column] = (values[index] ?? '').trim();
      for (const [index, name] of layout.unknown) {
        const value = (values[index] ?? '').trim();
        if (value !== '') extra[name] = value;
      }
      if (measures.length > 0) placeMeasures(cells, measures, values);
      return { cells, extra, source: sourceCellsOf(headers, values) };
    },
  };
}

/** The first non-blank measure is the quantity, the second the second quantity; the header's unit goes along. */
function placeMeasures(
  cells: Record<string, string>,
  measures: readonly MeasureColumn[],
  values: readonly string[],
) {
  const filled = measures.filter((m) => (values[m.index] ?? '').trim() !== '');
  const unitCell = cells.Unit ?? '';
  cells.Quantity = '';
  const [first, second] = filled;
  if (first) {
    cells.Quantity = values[first.index]!.trim();
    if (first.unit !== undefined && unitCell === '') cells.Unit = first.unit;
  }
  if (second) {
    cells['Second quantity'] = values[second.index]!.trim();
    cells['Second unit'] = second.unit ?? '';
  }
}

/** Where a canonical cell comes from in a profile: source columns joined, then an optional value map. */
export interface CellSource {
  from: readonly string[];
  join?: string;
  /** Take the first non-blank source instead of joining them. */
  first?: boolean;
  /** Exact values (compared by headerKey) replaced by another; others pass unchanged. */
  values?: Readonly<Record<string, string>>;
  /** A fixed value when the sources are blank. */
  otherwise?: string;
}

/** The first alternative whose `when` column is not blank sets these cells (quantity, unit, term). */
export interface QuantityAlternative {
  when: string;
  /** Alternatives of one group measure the same specimens; another group's are another kind (default: one group). */
  group?: string;
  set: Partial<Record<ImportColumn, string | { copy: string }>>;
}

export interface MappingProfile {
  name: string;
  description: string;
  /** Headers (compared by headerKey) that all appear in the file's header row. */
  signature: readonly string[];
  columns: Partial<Record<ImportColumn, CellSource>>;
  quantities?: readonly QuantityAlternative[];
  /** Source columns the reviewer decided to leave out (neither a field nor additional information). */
  ignore?: readonly string[];
  /** The signature is every header of the file it was made on: it applies to a file with those headers only. */
  isExact?: boolean;
}

export function profileMatches(profile: MappingProfile, header: readonly string[]): boolean {
  const keys = new Set(header.filter((text) => text.trim() !== '').map(headerKey));
  const wanted = new Set(profile.signature.map(headerKey));
  if (profile.isExact && keys.size !== wanted.size) return false;
  return [...wanted].every((key) => keys.has(key));
}

export function profileMapper(profile: MappingProfile, header: readonly string[]): RowMapper {
  const indexOf = new Map<string, number>();
  header.forEach((text, index) => {
    const key = headerKey(text);
    if (!indexOf.has(key)) indexOf.set(key, index);
  });
  const used = new Set<number>();
  const sourceIndex = (name: string) => {
    const index = indexOf.get(headerKey(name));
    if (index !== undefined) used.add(index);
    return index;
  };
  const columns = Object.entries(profile.columns).map(([column, source]) => ({
    column,
    source: source,
    indexes: source.from.map(sourceIndex),
  }));
  const alternatives = (profile.quantities ?? []).map((alt) => ({
    ...alt,
    whenIndex: sourceIndex(alt.when),
    copies: Object.fromEntries(
      Object.entries(alt.set).map(([column, value]) => [
        column,
        typeof value === 'string' ? value : sourceIndex(value.copy),
      ]),
    ),
  }));
  for (const name of profile.ignore ?? []) sourceIndex(name);
  const headers = sourceHeaders(header);
  const unknown = header
    .map((text, index) => ({ text: text.replace(/\s+/g, ' ').trim(), index }))
    .filter((h) => h.text !== '' && !used.has(h.index));
  return {
    unknownColumns: unknown.map((h) => h.text),
    missingColumns: [],
    map(values) {
      const at = (index: number | undefined) => (index === undefined ? '' : (values[index] ?? '').trim());
      const cells: Record<string, string> = {};
      for (const { column, source, indexes } of columns) {
        const parts = indexes.map(at).filter(Boolean);
        let text = source.first ? (parts[0] ?? '') : parts.join(source.join ?? ' ');
        const replaced = source.values
          ? Object.entries(source.values).find(([from]) => headerKey(from) === headerKey(text))
          : undefined;
        if (replaced) text = replaced[1];
        cells[column] = text === '' ? (source.otherwise ?? '') : text;
      }
      // Per group, the first filled alternative gives the quantity and a later one a second measure of the same
      // specimens (a weight next to a count); another group's (scales next to whole animals) is another kind of
      // specimen: a part of the row, which becomes its own record under the same case id.
      let applied: (typeof alternatives)[number] | null = null;
      let parts = 1;
      for (const alt of alternatives) {
        const amount = at(alt.whenIndex);
        // EIA marks "seized, weight unknown" with a Y: not a quantity.
        if (amount === '' || (readNumber(amount) === null && /^[a-z]$/i.test(amount))) continue;
        const read = (value: string | number | undefined) =>
          typeof value === 'string' ? value : value === undefined ? '' : at(value);
        if (applied === null) {
          for (const [column, value] of Object.entries(alt.copies)) cells[column] = read(value);
          applied = alt;
        } else if ((alt.group ?? '') === (applied.group ?? '')) {
          if (cells['Second quantity'] !== undefined) continue;
          cells['Second quantity'] = read(alt.copies.Quantity);
          cells['Second unit'] = read(alt.copies.Unit);
        } else {
          parts += 1;
          for (const column of PART_COLUMNS) cells[`${column} #${parts}`] = read(alt.copies[column]);
        }
      }
      const extra: Record<string, string> = {};
      for (const { text, index } of unknown) if (at(index) !== '') extra[text] = at(index);
      return { cells, extra, source: sourceCellsOf(headers, values) };
    },
  };
}
