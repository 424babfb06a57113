/**
 * Small-cell protection, checked against linear algebra rather than the module's own graph: for random tables
 * (1 to 5 rows × 1 to 4 columns, totals shown or not), every hidden cell must be free — there must be another
 * table with the same shown cells and totals in which that cell differs. It is free exactly when the system
 * "shown totals unchanged, shown cells unchanged, this cell changed by 1" has a solution, solved here by Gaussian
 * elimination over the hidden values. Primary cells must all be hidden, and empty cells never.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isSensitive, suppressSmallCells, type CellFigures, type TableShape } from './small-cells.ts';

const RULES = { maxCount: 3, dominanceShare: 0.85, dominanceRecords: 2 };

/** Solves A·d = b (least effort: Gaussian elimination with partial pivoting); true when consistent. */
function solvable(a: number[][], b: number[]): boolean {
  const m = a.map((row, i) => [...row, b[i]!]);
  const columns = a[0]?.length ?? 0;
  let rank = 0;
  for (let col = 0; col < columns && rank < m.length; col += 1) {
    let pivot = rank;
    for (let i = rank; i < m.length; i += 1) if (Math.abs(m[i]![col]!) > Math.abs(m[pivot]![col]!)) pivot = i;
    if (Math.abs(m[pivot]![col]!) < 1e-9) continue;
    [m[rank], m[pivot]] = [m[pivot]!, m[rank]!];
    for (let i = 0; i < m.length; i += 1) {
      if (i === rank) continue;
      const factor = m[i]![col]! / m[rank]![col]!;
      for (let j = col; j <= columns; j += 1) m[i]![j]! -= factor * m[rank]![j]!;
    }
    rank += 1;
  }
  return m.every(
    (row) => row.slice(0, columns).some((v) => Math.abs(v) > 1e-9) || Math.abs(row[columns]!) < 1e-9,
  );
}

/**
 * Unknowns: the hidden cells and the hidden (or not shown) totals. Equations on a change d of the unknowns: each
 * row, each column and the grand total still add up, the shown values do not move, and the chosen cell moves by 1.
 */
function isFree(
  shape: TableShape,
  s: ReturnType<typeof suppressSmallCells>,
  target: [number, number],
): boolean {
  const unknowns: string[] = [];
  for (let r = 0; r < shape.rows; r += 1)
    for (let c = 0; c < shape.columns; c += 1) if (s.hidden[r]![c]) unknowns.push(`x${r},${c}`);
  for (let r = 0; r < shape.rows; r += 1)
    if (!shape.rowTotals || s.hiddenRowTotals[r]) unknowns.push(`T${r}`);
  for (let c = 0; c < shape.columns; c += 1)
    if (!shape.columnTotals || s.hiddenColumnTotals[c]) unknowns.push(`U${c}`);
  if (!shape.grandTotal || s.hiddenGrandTotal) unknowns.push('G');
  const index = new Map(unknowns.map((name, i) => [name, i]));
  const equations: number[][] = [];
  const equation = (terms: [string, number][]) => {
    const row = unknowns.map(() => 0);
    for (const [name, sign] of terms) if (index.has(name)) row[index.get(name)!]! += sign;
    equations.push(row);
  };
  for (let r = 0; r < shape.rows; r += 1)
    equation([
      ...Array.from({ length: shape.columns }, (_, c) => [`x${r},${c}`, 1] as [string, number]),
      [`T${r}`, -1],
    ]);
  for (let c = 0; c < shape.columns; c += 1)
    equation([
      ...Array.from({ length: shape.rows }, (_, r) => [`x${r},${c}`, 1] as [string, number]),
      [`U${c}`, -1],
    ]);
  equation([...Array.from({ length: shape.rows }, (_, r) => [`T${r}`, 1] as [string, number]), ['G', -1]]);
  equation([...Array.from({ length: shape.columns }, (_, c) => [`U${c}`, 1] as [string, number]), ['G', -1]]);
  const b = equations.map(() => 0);
  const pin = unknowns.map(() => 0);
  pin[index.get(`x${target[0]},${target[1]}`)!] = 1;
  return solvable([...equations, pin], [...b, 1]);
}

const cellArbitrary: fc.Arbitrary<CellFigures> = fc
  .record({
    count: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 7, max: 200 })),
  })
  .chain(({ count }) =>
    fc
      .array(fc.float({ min: 0, max: 1000, noNaN: true }), { minLength: count === 0 ? 0 : 1, maxLength: 3 })
      .map((kgs) => {
        const sorted = count === 0 ? [] : [...kgs].sort((x, y) => y - x);
        const kg = sorted.reduce((sum, v) => sum + v, 0);
        return { count, kg, topKg: sorted.slice(0, 2) };
      }),
  );

const tableArbitrary = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), columns: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, columns }) =>
    fc.record({
      cells: fc.array(fc.array(cellArbitrary, { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      }),
      shape: fc.record({
        rows: fc.constant(rows),
        columns: fc.constant(columns),
        rowTotals: fc.boolean(),
        columnTotals: fc.boolean(),
        grandTotal: fc.boolean(),
      }),
    }),
  );

describe('small-cell protection', () => {
  test('no hidden cell can be worked out from the shown cells and totals', () => {
    fc.assert(
      fc.property(tableArbitrary, ({ cells, shape }) => {
        const s = suppressSmallCells(cells, shape, RULES);
        for (let r = 0; r < shape.rows; r += 1)
          for (let c = 0; c < shape.columns; c += 1) {
            const cell = cells[r]![c]!;
            if (isSensitive(cell, RULES)) assert.ok(s.hidden[r]![c], `sensitive cell ${r},${c} shown`);
            if (cell.count === 0) assert.ok(!s.hidden[r]![c], `empty cell ${r},${c} hidden`);
            if (s.hidden[r]![c]) assert.ok(isFree(shape, s, [r, c]), `hidden cell ${r},${c} recoverable`);
          }
      }),
      { numRuns: 500 },
    );
  });

  test('a lone small group in a list is covered by the next smallest, and the total stays shown', () => {
    const cell = (count: number, kg = count) => ({ count, kg, topKg: [1, 1] });
    const shape = { rows: 4, columns: 1, rowTotals: false, columnTotals: true, grandTotal: false };
    const s = suppressSmallCells([[cell(2)], [cell(50)], [cell(9)], [cell(30)]], shape, RULES);
    assert.deepEqual(
      s.hidden.map((row) => row[0]),
      [true, false, true, false],
    );
    assert.equal(s.hiddenColumnTotals[0], false);
    assert.deepEqual([s.primaryCount, s.secondaryCount], [1, 1]);
  });

  test('kg that one or two records make up beyond the share is hidden; a spread weight is not', () => {
    assert.equal(isSensitive({ count: 10, kg: 1000, topKg: [800, 100] }, RULES), true);
    assert.equal(isSensitive({ count: 10, kg: 1000, topKg: [500, 300] }, RULES), false);
    assert.equal(isSensitive({ count: 3, kg: 0, topKg: [] }, RULES), true);
    assert.equal(isSensitive({ count: 4, kg: 0, topKg: [] }, RULES), false);
  });
});
