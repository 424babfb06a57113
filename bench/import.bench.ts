/**
 * The import benchmark (DESIGN §5: a 116,000-row report in ≤ 60 s with peak memory ≤ 500 MB): the demo generator
 * writes one Party's report as the template's CSV and XLSX; each file is staged, checked and submitted as
 * `itd import report` does it, then the CSV once more (all duplicates of the records it stored). Rows per second
 * and peak RSS are printed, with the ratio to PostgreSQL's COPY of the same CSV into a table of text columns
 * (PostgreSQL only: server-side COPY reads the file the benchmark wrote).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { systemActor } from '../src/shared/actor.ts';
import { IMPORT_COLUMNS, uploadFieldsSchema } from '../src/shared/imports.contract.ts';
import type { Database } from '../src/server/db/database.ts';
import { stageUpload, submitBatch } from '../src/server/features/imports/index.ts';
import { NO_REQUEST } from '../src/server/lib/request-context.ts';
import { setUpDatabase } from '../src/server/setup-database.ts';
import { openBenchDatabase } from './bench-support.ts';
import { namesBenchmark } from './import-names.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 116_000);
/** Which files: `report` (the 116,000-row report three times), `names` (773 rows of free-text names); default both. */
const KINDS = new Set((process.env.BENCH_IMPORT_KINDS ?? 'report,names').split(',').map((k) => k.trim()));
const YEAR = 2024;

/** The files are written by a child process: the measured process does the import and nothing else. */
async function writeFiles(dir: string, party: string): Promise<{ csv: string; xlsx: string }> {
  const files = {
    csv: path.join(dir, `report-${party}.csv`),
    xlsx: path.join(dir, `report-${party}.xlsx`),
  };
  const writer = fork(fileURLToPath(new URL('./write-import-files.ts', import.meta.url)), [
    files.csv,
    files.xlsx,
    party,
    String(YEAR),
    String(ROWS),
  ]);
  const code = await new Promise<number | null>((resolve, reject) => {
    writer.on('error', reject);
    writer.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`writing the ${party} files failed (exit code ${code})`);
  return files;
}

interface PhaseMemory {
  phase: string;
  seconds: number;
  startMiB: number;
  peakMiB: number;
  peakHeapMiB: number;
}

/**
 * The kernel's high-water mark of this process's resident memory (VmHWM), reset by writing 5 to clear_refs: the
 * true peak, where sampling can miss a short one. Linux only; elsewhere null and the samples stand alone.
 */
const highWater = {
  reset(): boolean {
    try {
      fs.writeFileSync('/proc/self/clear_refs', '5');
      return true;
    } catch {
      return false;
    }
  },
  readMiB(): number | null {
    try {
      const kib = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
      return kib ? Number(kib) / 1024 : null;
    } catch {
      return null;
    }
  },
};

/**
 * Watches the whole process per phase: RSS (what the bar is about, from the kernel's high-water mark where it can
 * be read, and sampled every 50 ms) and V8's heap (sampled), so a regression shows where the memory goes (reading
 * and staging the file, or submitting the staged rows).
 */
function watchMemory() {
  const mib = (bytes: number) => bytes / 2 ** 20;
  const phases: PhaseMemory[] = [];
  let current: PhaseMemory | null = null;
  let started = 0;
  let kernelPeak = false;
  const sample = () => {
    const usage = process.memoryUsage();
    if (!current) return;
    current.peakMiB = Math.max(current.peakMiB, mib(usage.rss));
    current.peakHeapMiB = Math.max(current.peakHeapMiB, mib(usage.heapUsed));
  };
  const sampler = setInterval(sample, 50);
  const end = () => {
    if (!current) return;
    sample();
    const peak = kernelPeak ? highWater.readMiB() : null;
    if (peak !== null) current.peakMiB = Math.max(current.peakMiB, peak);
    current.seconds = (performance.now() - started) / 1000;
    phases.push(current);
    current = null;
  };
  return {
    phases,
    begin(phase: string) {
      end();
      kernelPeak = highWater.reset();
      const usage = process.memoryUsage();
      started = performance.now();
      current = {
        phase,
        seconds: 0,
        startMiB: mib(usage.rss),
        peakMiB: mib(usage.rss),
        peakHeapMiB: mib(usage.heapUsed),
      };
    },
    stop() {
      end();
      clearInterval(sampler);
    },
  };
}

type MemoryWatch = ReturnType<typeof watchMemory>;

async function importFile(database: Database, file: string, party: string, watch: MemoryWatch) {
  const actor = systemActor('bench');
  const deps = { db: database.db, clock: () => new Date() };
  const fields = uploadFieldsSchema.parse({ party, year: String(YEAR) });
  watch.begin('stage');
  const bytes = fs.readFileSync(file);
  const batch = await stageUpload(deps, actor, NO_REQUEST, { fields, fileName: path.basename(file), bytes });
  watch.begin('submit');
  return submitBatch(deps, actor, NO_REQUEST, { id: batch.id });
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
    if (KINDS.has('report')) await reportBenchmark(database, dir);
    // Last: the full checklist it loads would make the report's species lookups another benchmark.
    if (KINDS.has('names')) await namesBenchmark(database, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.close();
    await drop();
  }
}

/** The 116,000-row report as CSV, as XLSX, then the CSV again (all duplicates). */
async function reportBenchmark(database: Database, dir: string): Promise<void> {
  // Two Parties, so the second file is not a copy of stored records (that would be all duplicates).
  const files = { csv: (await writeFiles(dir, 'KE')).csv, xlsx: (await writeFiles(dir, 'TZ')).xlsx };
  const copySeconds = await copyBaseline(database, files.csv);
  // The third import is the first file again: every row is a duplicate of a stored record.
  for (const [format, file, party] of [
    ['CSV', files.csv, 'KE'],
    ['XLSX', files.xlsx, 'TZ'],
    ['CSV again', files.csv, 'KE'],
  ] as const) {
    global.gc?.();
    const watch = watchMemory();
    let result;
    try {
      result = await importFile(database, file, party, watch);
    } finally {
      watch.stop();
    }
    const seconds = watch.phases.reduce((sum, p) => sum + p.seconds, 0);
    const peakMiB = Math.max(...watch.phases.map((p) => p.peakMiB));
    const peakHeapMiB = Math.max(...watch.phases.map((p) => p.peakHeapMiB));
    const size = (fs.statSync(file).size / 2 ** 20).toFixed(1);
    console.log(
      `${format.padEnd(9)} ${size} MiB: ${result.total} rows in ${seconds.toFixed(1)} s ` +
        `(${Math.round(result.total / seconds)} rows/s), peak RSS ${peakMiB.toFixed(0)} MiB (heap ${peakHeapMiB.toFixed(0)} MiB); ` +
        `imported ${result.imported}, rejected ${result.rejected}, duplicates ${result.duplicates}` +
        (copySeconds ? `; ${(seconds / copySeconds).toFixed(0)}× COPY (${copySeconds.toFixed(2)} s)` : ''),
    );
    for (const p of watch.phases)
      console.log(
        `     ${p.phase.padEnd(6)} ${p.seconds.toFixed(1)} s, RSS ${p.startMiB.toFixed(0)} → peak ` +
          `${p.peakMiB.toFixed(0)} MiB (heap peak ${p.peakHeapMiB.toFixed(0)} MiB)`,
      );
  }
}
