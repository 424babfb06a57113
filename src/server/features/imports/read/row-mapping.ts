/**
 * From a file's row to canonical cells. A file in the template's layout (any language, any order) maps by its
 * headers; a known third-party layout maps through a mapping profile (mapping-profiles.ts), which is data.
 */
import type { ImportColumn } from '../../../../shared/imports.contract.ts';
import { headerKey, layoutOfHeader } from './import-columns.ts';
import { readNumber } from '../check/normalise-quantity.ts';

export interface MappedRow {
  cells: Record<string, string>;
  extra: Record<string, string>;
}

export interface RowMapper {
  map(values: readonly string[]): MappedRow;
  unknownColumns: string[];
  missingColumns: ImportColumn[];
}

export function headerMapper(header: readonly string[]): RowMapper {
  const layout = layoutOfHeader(header);
  return {
    unknownColumns: [...layout.unknown.values()],
    missingColumns: layout.missing,
    map(values) {
      const cells: Record<string, string> = {};
      const extra: Record<string, string> = {};
      for (const [column, index] of layout.columns) cells[column] = (values[index] ?? '').trim();
      for (const [index, name] of layout.unknown) {
        const value = (values[index] ?? '').trim();
        if (value !== '') extra[name] = value;
      }
      return { cells, extra };
    },
  };
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
  set: Partial<Record<ImportColumn, string | { copy: string }>>;
}

export interface MappingProfile {
  name: string;
  description: string;
  /** Headers (compared by headerKey) that all appear in the file's header row. */
  signature: readonly string[];
  columns: Partial<Record<ImportColumn, CellSource>>;
  quantities?: readonly QuantityAlternative[];
}

export function profileMatches(profile: MappingProfile, header: readonly string[]): boolean {
  const keys = new Set(header.map(headerKey));
  return profile.signature.every((name) => keys.has(headerKey(name)));
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
      for (const alt of alternatives) {
        const amount = at(alt.whenIndex);
        // EIA marks "seized, weight unknown" with a Y: not a quantity.
        if (amount === '' || (readNumber(amount) === null && /^[a-z]$/i.test(amount))) continue;
        for (const [column, value] of Object.entries(alt.copies))
          cells[column] = typeof value === 'string' ? value : at(value);
        break;
      }
      const extra: Record<string, string> = {};
      for (const { text, index } of unknown) if (at(index) !== '') extra[text] = at(index);
      return { cells, extra };
    },
  };
}
