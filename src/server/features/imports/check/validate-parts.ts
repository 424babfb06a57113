/**
 * A source row naming several kinds of specimens ("939 whole pangolins + 1,005 kg of scales"): the mapping puts
 * the other kinds in part cells ("Quantity #2" …), and each part becomes a record of its own with the row's other
 * values, linked to the row's first record by one case id at submit (staged-records.repo.ts), so nothing is
 * dropped and the seizure is counted once.
 */
import type { ImportColumn, ProblemCode } from '../../../../shared/imports.contract.ts';
import type { SeizureValues } from '../../seizure-records/index.ts';
import type { FileConventions } from './file-conventions.ts';
import type { ImportReference } from './import-reference.ts';
import { readMeasures } from './validate-measures.ts';

export const PART_COLUMNS = ['Description of specimen', 'Quantity', 'Unit'] as const;

type Add = (
  column: ImportColumn,
  code: ProblemCode,
  params?: Record<string, string | number>,
  suggestion?: string | null,
) => void;

/** The part numbers (2, 3 …) a row's cells carry. */
export function partNumbers(cells: Readonly<Record<string, string>>): number[] {
  const numbers = new Set<number>();
  for (const key of Object.keys(cells)) {
    const m = / #(\d+)$/.exec(key);
    if (m) numbers.add(Number(m[1]));
  }
  return [...numbers].sort((a, b) => a - b);
}

/** Each part's values: the row's values with the part's specimen and measures. */
export function validateParts(
  cells: Readonly<Record<string, string>>,
  base: SeizureValues,
  reference: ImportReference,
  conventions: FileConventions,
  add: Add,
): SeizureValues[] {
  return partNumbers(cells).map((n) => {
    const cell = (column: ImportColumn) =>
      (PART_COLUMNS as readonly string[]).includes(column) ? (cells[`${column} #${n}`] ?? '').trim() : '';
    const termText = cell('Description of specimen');
    const term = termText === '' ? null : reference.term(termText);
    if (termText !== '' && !term)
      add('Description of specimen', 'term_unknown', { value: termText, part: n });
    const measures = readMeasures(cell, reference, conventions.decimalMark, term, (column, code, params, s) =>
      add(column, code, { ...params, part: n }, s),
    );
    return { ...base, termCode: term?.code ?? null, ...measures };
  });
}
