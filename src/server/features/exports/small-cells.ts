/**
 * Small-cell protection of figures meant for publication (issue 14, item 6). Pure.
 *
 * Primary suppression hides a cell that counts `maxCount` records or fewer, or whose kg one or two records make
 * up more than `dominanceShare` of (mega-seizures dominate weights). Secondary suppression then hides more cells,
 * or totals, until no hidden cell can be worked out from what is shown. A hidden cell hides its count, specimens
 * and kg together, so one pattern protects every measure.
 *
 * Why the check is a graph: the published table is a set of linear equations — each row's cells add up to the
 * row total, each column's to the column total, the row totals and the column totals to the grand total. Write a
 * column's equation with the opposite sign and every unknown (a hidden cell or a hidden total) appears in exactly
 * two equations with opposite signs: it is an edge between two equation-vertices, and the equations are the
 * incidence matrix of that graph. The values the equations leave free are its cycle space, so a hidden cell is
 * recoverable exactly when its edge lies on no cycle (a bridge). Empty cells (no record) are shown as 0 and are
 * never hidden: there is nothing to protect in them.
 */

export interface CellFigures {
  count: number;
  kg: number;
  /** The largest kg of single records in the cell, largest first. */
  topKg: readonly number[];
}

export interface SuppressionRules {
  maxCount: number;
  dominanceShare: number;
  dominanceRecords: number;
}

export interface TableShape {
  rows: number;
  columns: number;
  /** Which totals the file shows: a one-column table shows no row totals (they would repeat the cells). */
  rowTotals: boolean;
  columnTotals: boolean;
  grandTotal: boolean;
}

export interface Suppression {
  /** hidden[r][c]: the cell is hidden. */
  hidden: boolean[][];
  primary: boolean[][];
  hiddenRowTotals: boolean[];
  hiddenColumnTotals: boolean[];
  hiddenGrandTotal: boolean;
  primaryCount: number;
  secondaryCount: number;
}

/** Does the cell need hiding for what it is (before anything is done to protect it)? */
export function isSensitive(cell: CellFigures, rules: SuppressionRules): boolean {
  if (cell.count === 0) return false;
  if (cell.count <= rules.maxCount) return true;
  if (cell.kg <= 0) return false;
  const dominant = cell.topKg.slice(0, rules.dominanceRecords).reduce((sum, kg) => sum + kg, 0);
  return dominant > rules.dominanceShare * cell.kg;
}

type Edge = { a: string; b: string; cell?: [number, number] };

/** The unknowns of the published table as edges between its equations (see the module comment). */
function unknownEdges(
  shape: TableShape,
  s: Omit<Suppression, 'primaryCount' | 'secondaryCount' | 'primary'>,
): Edge[] {
  const edges: Edge[] = [];
  for (let r = 0; r < shape.rows; r += 1)
    for (let c = 0; c < shape.columns; c += 1)
      if (s.hidden[r]![c]) edges.push({ a: `R${r}`, b: `C${c}`, cell: [r, c] });
  for (let r = 0; r < shape.rows; r += 1)
    if (!shape.rowTotals || s.hiddenRowTotals[r]) edges.push({ a: 'GR', b: `R${r}` });
  for (let c = 0; c < shape.columns; c += 1)
    if (!shape.columnTotals || s.hiddenColumnTotals[c]) edges.push({ a: `C${c}`, b: 'GC' });
  if (!shape.grandTotal || s.hiddenGrandTotal) edges.push({ a: 'GC', b: 'GR' });
  return edges;
}

/** Is edge `index` on a cycle: are its ends still connected without it? */
function onCycle(edges: readonly Edge[], index: number): boolean {
  const { a, b } = edges[index]!;
  const neighbours = new Map<string, string[]>();
  edges.forEach((edge, i) => {
    if (i === index) return;
    neighbours.set(edge.a, [...(neighbours.get(edge.a) ?? []), edge.b]);
    neighbours.set(edge.b, [...(neighbours.get(edge.b) ?? []), edge.a]);
  });
  const seen = new Set([a]);
  const queue = [a];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (next === b) return true;
    for (const other of neighbours.get(next) ?? [])
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
  }
  return false;
}

/** The hidden cells that the shown figures would give away. */
export function recoverableCells(
  shape: TableShape,
  s: Omit<Suppression, 'primaryCount' | 'secondaryCount' | 'primary'>,
): [number, number][] {
  const edges = unknownEdges(shape, s);
  return edges.flatMap((edge, i) => (edge.cell && !onCycle(edges, i) ? [edge.cell] : []));
}

export function suppressSmallCells(
  cells: readonly (readonly CellFigures[])[],
  shape: TableShape,
  rules: SuppressionRules,
): Suppression {
  const primary = cells.map((row) => row.map((cell) => isSensitive(cell, rules)));
  const state = {
    hidden: primary.map((row) => [...row]),
    hiddenRowTotals: Array.from({ length: shape.rows }, () => false),
    hiddenColumnTotals: Array.from({ length: shape.columns }, () => false),
    hiddenGrandTotal: false,
  };
  // Each round hides one more cell or total, so the loop ends; the bound is a guard, never reached.
  for (let round = 0; round <= shape.rows * shape.columns + shape.rows + shape.columns + 1; round += 1) {
    const [exposed] = recoverableCells(shape, state);
    if (!exposed) break;
    const [r, c] = exposed;
    // The complement: the smallest non-empty shown cell of the same row or column, so the least is hidden.
    const candidates: [number, number][] = [];
    for (let cc = 0; cc < shape.columns; cc += 1) if (cc !== c) candidates.push([r, cc]);
    for (let rr = 0; rr < shape.rows; rr += 1) if (rr !== r) candidates.push([rr, c]);
    const shown = candidates
      .filter(([rr, cc]) => !state.hidden[rr]![cc] && cells[rr]![cc]!.count > 0)
      .sort(([r1, c1], [r2, c2]) => cells[r1]![c1]!.count - cells[r2]![c2]!.count);
    const complement = shown[0];
    if (complement) state.hidden[complement[0]]![complement[1]] = true;
    else if (shape.rowTotals && !state.hiddenRowTotals[r]) state.hiddenRowTotals[r] = true;
    else if (shape.columnTotals && !state.hiddenColumnTotals[c]) state.hiddenColumnTotals[c] = true;
    else if (shape.grandTotal && !state.hiddenGrandTotal) state.hiddenGrandTotal = true;
    else break;
  }
  const count = (grid: boolean[][]) => grid.flat().filter(Boolean).length;
  const primaryCount = count(primary);
  return { ...state, primary, primaryCount, secondaryCount: count(state.hidden) - primaryCount };
}
