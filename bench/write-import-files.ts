/**
 * Writes the import benchmark's files: one Party's demo report as the template's CSV and XLSX. Run in a child
 * process (`node --import tsx bench/write-import-files.ts <csv> <xlsx> <party> <year> <rows>`) so that generating
 * 116,000 rows twice neither swells nor loads modules into the process whose import is measured.
 */
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../src/shared/imports.contract.ts';
import { generateDemoRows } from '../src/server/features/demo/demo-rows.ts';

async function writeImportFiles(csv: string, xlsx: string, party: string, year: number, rows: number) {
  const out = fs.createWriteStream(csv);
  out.write(stringify([[...IMPORT_COLUMNS]]));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Seizures');
  sheet.addRow([...IMPORT_COLUMNS]).commit();
  for (const row of generateDemoRows({ seed: 7, party, year, count: rows })) {
    const cells = IMPORT_COLUMNS.map((column) => row.original[column] ?? '');
    out.write(stringify([cells]));
    sheet.addRow(cells).commit();
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  sheet.commit();
  await workbook.commit();
  for (const file of [csv, xlsx]) fs.chmodSync(file, 0o644);
}

const [csv, xlsx, party, year, rows] = process.argv.slice(2);
await writeImportFiles(csv!, xlsx!, party!, Number(year), Number(rows));
