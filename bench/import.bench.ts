/**
 * The import benchmark (DESIGN §5: a 116,000-row report in ≤ 60 s with peak memory ≤ 500 MB): the demo generator
 * writes one Party's report as the template's CSV and XLSX; each file is staged, checked and submitted as
 * `itd import report` does it; rows per second and peak RSS are printed, with the ratio to PostgreSQL's COPY of the
 * same CSV into a table of text columns (PostgreSQL only: server-side COPY reads the file the benchmark wrote).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { systemActor } from '../src/shared/actor.ts';
import { IMPORT_COLUMNS, uploadFieldsSchema } from '../src/shared/imports.contract.ts';
import type { Database } from '../src/server/db/database.ts';
import { withActor } from '../src/server/db/with-actor.ts';
import { generateDemoRows } from '../src/server/features/demo/demo-rows.ts';
import { stageUpload } from '../src/server/features/imports/stage-upload.ts';
import { submitBatch } from '../src/server/features/imports/submit-batch.ts';
import { setUpDatabase } from '../src/server/setup-database.ts';
import { openBenchDatabase } from './bench-support.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 116_000);
const YEAR = 2024;

async function writeFiles(dir: string, party: string): Promise<{ csv: string; xlsx: string }> {
  const csv = path.join(dir, `report-${party}.csv`);
  const xlsx = path.join(dir, `report-${party}.xlsx`);
  const out = fs.createWriteStream(csv);
  out.write(stringify([[...IMPORT_COLUMNS]]));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Seizures');
  sheet.addRow([...IMPORT_COLUMNS]).commit();
  for (const row of generateDemoRows({ seed: 7, party, year: YEAR, count: ROWS })) {
    const cells = IMPORT_COLUMNS.map((column) => row.original[column] ?? '');
    out.write(stringify([cells]));
    sheet.addRow(cells).commit();
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  sheet.commit();
  await workbook.commit();
  return { csv, xlsx };
}

async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakMiB: number; peakHeapMiB: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  const started = performance.now();
  try {
    const result = await fn();
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      peakMiB: peak / 2 ** 20,
      peakHeapMiB: peakHeap / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
  }
}

async function importFile(database: Database, file: string, party: string) {
  const actor = systemActor('bench');
  const ctx = { actor, clock: () => new Date() };
  const fields = uploadFieldsSchema.parse({ party, year: String(YEAR) });
  const bytes = fs.readFileSync(file);
  const batchId = await withActor(database.db, actor, (tx) =>
    stageUpload(tx, ctx, { fields, fileName: path.basename(file), bytes }),
  );
  return withActor(database.db, actor, (tx) => submitBatch(tx, ctx, batchId));
}

/** Server-side COPY of the same CSV into a table of 17 text columns: the floor for loading these rows. */
async function copyBaseline(database: Database, file: string): Promise<number | null> {
  if (database.backend !== 'postgres') return null;
  const columns = IMPORT_COLUMNS.map((_, i) => `c${i} text`).join(', ');
  await sql.raw(`create table bench_copy (${columns})`).execute(database.db);
  try {
    const started = performance.now();
    await sql
      .raw(`copy bench_copy from '${file.replace(/'/g, "''")}' with (format csv, header true)`)
      .execute(database.db);
    return (performance.now() - started) / 1000;
  } catch (error) {
    console.log(`COPY baseline unavailable (${(error as Error).message}): the server must read ${file}`);
    return null;
  } finally {
    await sql.raw('drop table bench_copy').execute(database.db);
  }
}

export async function importBenchmark(): Promise<void> {
  const { database, drop } = await openBenchDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-bench-import-'));
  fs.chmodSync(dir, 0o755);
  try {
    console.log(
      `Backend: ${database.backend}; ${ROWS} rows per file; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    await setUpDatabase(database.db);
    // Two Parties, so the second file is not a copy of stored records (that would be all duplicates).
    const files = { csv: (await writeFiles(dir, 'KE')).csv, xlsx: (await writeFiles(dir, 'TZ')).xlsx };
    for (const file of Object.values(files)) fs.chmodSync(file, 0o644);
    const copySeconds = await copyBaseline(database, files.csv);
    for (const [format, file, party] of [
      ['CSV', files.csv, 'KE'],
      ['XLSX', files.xlsx, 'TZ'],
    ] as const) {
      const { result, seconds, peakMiB, peakHeapMiB } = await timed(() => importFile(database, file, party));
      const size = (fs.statSync(file).size / 2 ** 20).toFixed(1);
      console.log(
        `${format.padEnd(4)} ${size} MiB: ${result.total} rows in ${seconds.toFixed(1)} s ` +
          `(${Math.round(result.total / seconds)} rows/s), peak RSS ${peakMiB.toFixed(0)} MiB (heap ${peakHeapMiB.toFixed(0)} MiB); ` +
          `imported ${result.imported}, rejected ${result.rejected}, duplicates ${result.duplicates}` +
          (copySeconds ? `; ${(seconds / copySeconds).toFixed(0)}× COPY (${copySeconds.toFixed(2)} s)` : ''),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.close();
    await drop();
  }
}
