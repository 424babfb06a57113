/**
 * Checking staged rows chunk by chunk, the same way at upload, at re-validation and at submit: resolve the
 * chunk's new species names in one go, validate each row, then flag duplicates (an earlier row of the file with
 * the same fingerprint, or a record of this Party already stored). Accepted warnings stay accepted while their
 * problem remains.
 */
import { DUPLICATE_CODES, IMPORT_COLUMNS, type ImportColumn } from '../../../../shared/imports.contract.ts';
import type { RowOutcome } from '../../../db/schema-imports.ts';
import type { Tx } from '../../../db/with-actor.ts';
import { findStoredFingerprints, fingerprintOf } from '../../seizure-records/index.ts';
import { NO_CONVENTIONS, type DateOrder, type DecimalMark } from './file-conventions.ts';
import { validateParts } from './validate-parts.ts';
import { loadImportReference } from './import-reference.ts';
import { createInFileDuplicates } from './in-file-duplicates.ts';
import type { StagedRow } from '../staged-rows.repo.ts';
import { validateRow, type FoundProblem, type RowContext } from './validate-row.ts';
import { RULES } from './validation-rules.ts';

export interface RowInput {
  rowNumber: number;
  cells: Record<string, string>;
  extra: Record<string, string>;
  /** The file's cells under its own headers, exactly as written (only when the row is first staged). */
  source?: Record<string, string>;
  accepted: string[];
}

export const problemKey = (problem: Pick<FoundProblem, 'code' | 'column'>) =>
  `${problem.code}|${problem.column ?? ''}`;

const TOTAL_WORDS =
  /^(?:grand[ -])?totals?:?$|^sub-?totals?:?$|^total (?:general|général|gral\.?):?$|^sum:?$|^suma:?$/i;

/** A row whose date, species and specimen cells are blank but for a totals word in one of its cells. */
export function isTotalsRow(
  cells: Readonly<Record<string, string>>,
  source?: Readonly<Record<string, string>>,
) {
  const words = Object.values(source ?? cells).map((value) => value.trim());
  if (!words.some((word) => TOTAL_WORDS.test(word))) return false;
  const meaningful = ['Date of seizure', 'Species', 'Description of specimen'].filter(
    (column) => (cells[column] ?? '').trim() !== '' && !TOTAL_WORDS.test((cells[column] ?? '').trim()),
  );
  return meaningful.length === 0;
}

export function outcomeOf(problems: readonly FoundProblem[], accepted: readonly string[]): RowOutcome {
  if (problems.some((p) => RULES[p.code].severity === 'blocking')) return 'reject';
  const isOpenDuplicate = (p: FoundProblem) =>
    (DUPLICATE_CODES as readonly string[]).includes(p.code) && !accepted.includes(problemKey(p));
  return problems.some(isOpenDuplicate) ? 'duplicate' : 'import';
}

/** The day the rules compare seizure dates with (a date in the future is a problem). */
export const todayOf = (clock: () => Date) => clock().toISOString().slice(0, 10);

export interface RowChecker {
  check(tx: Tx, chunk: readonly RowInput[]): Promise<StagedRow[]>;
}

/**
 * A checker for one pass over a staged batch from its first row, chunk by chunk in row order, each chunk stored
 * before the next is checked: duplicates within the file are found among the rows it has checked (so a checker
 * made for one edited row finds none; editCell looks for that row's earlier twin itself).
 */
export function createRowChecker(ctx: RowContext, batchId: string): RowChecker {
  const inFile = createInFileDuplicates(batchId);
  return {
    async check(tx, chunk) {
      await ctx.reference.resolveSpecies(
        tx,
        chunk.map((row) => row.cells.Species ?? '').filter((name) => name.trim() !== ''),
      );
      const checked = chunk.map((row) => {
        const cells: Partial<Record<ImportColumn, string>> = {};
        for (const column of IMPORT_COLUMNS)
          if (row.cells[column] !== undefined) cells[column] = row.cells[column];
        const { values, problems } = validateRow(cells, ctx);
        // A totals row ("Total", "Grand total", "Total général") sums the seizures above it: left out, with why.
        if (isTotalsRow(row.cells, row.source))
          problems.splice(0, problems.length, {
            column: null,
            code: 'totals_row',
            params: {},
            suggestion: null,
          });
        const fingerprint = fingerprintOf(ctx.party, values);
        const parts = validateParts(
          row.cells,
          values,
          ctx.reference,
          ctx.conventions ?? NO_CONVENTIONS,
          (column, code, params = {}, suggestion = null) =>
            problems.push({ column, code, params, suggestion }),
        );
        // The other kinds of specimens of the row ride with its values until submit (validate-parts.ts).
        if (parts.length > 0)
          Object.assign(values, {
            parts: parts.map((part) => ({ values: part, fingerprint: fingerprintOf(ctx.party, part) })),
          });
        return { row, rowNumber: row.rowNumber, values, problems, fingerprint };
      });
      const importable = checked.filter((c) => !hasBlocking(c.problems));
      const stored = await findStoredFingerprints(
        tx,
        ctx.party,
        importable.map((c) => c.fingerprint),
      );
      const firstRowOf = await inFile.forChunk(tx, importable);
      return checked.map(({ row, values, problems, fingerprint }) => {
        if (!hasBlocking(problems)) {
          const first = firstRowOf(fingerprint, row.rowNumber);
          if (first !== undefined)
            problems.push({ column: null, code: 'duplicate_in_file', params: { first }, suggestion: null });
          if (stored.has(fingerprint))
            problems.push({ column: null, code: 'duplicate_stored', params: {}, suggestion: null });
        }
        const keys = new Set(problems.map(problemKey));
        const accepted = row.accepted.filter((key) => keys.has(key));
        return {
          rowNumber: row.rowNumber,
          cells: row.cells,
          extra: row.extra,
          ...(row.source ? { source: row.source } : {}),
          values,
          problems,
          accepted,
          fingerprint,
          outcome: outcomeOf(problems, accepted),
        };
      });
    },
  };
}

/** A checker for one pass over a batch, with the reference data loaded for it. */
export async function createBatchChecker(
  tx: Tx,
  batch: {
    id: string;
    party: string;
    year: number;
    date_order?: DateOrder | null;
    decimal_mark?: DecimalMark | null;
  },
  clock: () => Date,
): Promise<RowChecker> {
  const reference = await loadImportReference(tx);
  const conventions = { dateOrder: batch.date_order ?? null, decimalMark: batch.decimal_mark ?? null };
  return createRowChecker(
    { reference, party: batch.party.trim(), year: batch.year, today: todayOf(clock), conventions },
    batch.id,
  );
}

function hasBlocking(problems: readonly FoundProblem[]): boolean {
  return problems.some((p) => RULES[p.code].severity === 'blocking');
}
