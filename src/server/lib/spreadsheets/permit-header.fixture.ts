/**
 * A header recogniser for the tests of this folder, as a module a worker thread can load: the header of a CITES
 * permit list, looked for only on a sheet whose name speaks of permits (any CSV file is one list).
 */
export function isPermitHeader(values: string[], sheetName: string | null): boolean {
  if (sheetName !== null && !/permit/i.test(sheetName)) return false;
  const cells = new Set(values.map((value) => value.trim().toLowerCase()));
  return cells.has('permit number') && cells.has('exporter') && cells.has('importer');
}
