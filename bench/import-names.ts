/**
 * The free-text names file of the import benchmark (issue: resolution of an unknown name through the index): the
 * full Species+ checklist is loaded, then a 773-row file whose Species cells are written as people write them is
 * staged and checked as `itd import report` does it (target ≤ 10 s on PostgreSQL). Each distinct name is then
 * resolved again on its own and timed: p50/p95/max per name (target p95 ≤ 25 ms), and how many matched, were
 * offered a suggestion, or were left without one.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../src/shared/actor.ts';
import { uploadFieldsSchema } from '../src/shared/imports.contract.ts';
import { projectRoot } from '../src/server/config.ts';
import type { Database } from '../src/server/db/database.ts';
import { withActor } from '../src/server/db/with-actor.ts';
import { stageUpload } from '../src/server/features/imports/index.ts';
import { resolveTaxonName } from '../src/server/features/reference/index.ts';
import { importSpeciesPlus } from '../src/server/features/reference/import-species-plus.ts';
import { NO_REQUEST } from '../src/server/lib/request-context.ts';

const NAME_ROWS = 773;
const YEAR = 2024;
const SPECIES_FILE = path.resolve(
  projectRoot(),
  '..',
  'shared',
  'realdata',
  'speciesplus_cites_index_2017_all_taxa.csv',
);

async function writeNamesFile(file: string): Promise<void> {
  const writer = fork(fileURLToPath(new URL('./write-names-file.ts', import.meta.url)), [
    file,
    SPECIES_FILE,
    String(YEAR),
    String(NAME_ROWS),
  ]);
  const code = await new Promise<number | null>((resolve, reject) => {
    writer.on('error', reject);
    writer.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`writing the names file failed (exit code ${code})`);
}

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;

export async function namesBenchmark(database: Database, dir: string): Promise<void> {
  const actor = systemActor('bench');
  const deps = { db: database.db, clock: () => new Date() };
  const loading = performance.now();
  await importSpeciesPlus({ ...deps, actor }, SPECIES_FILE);
  console.log(`Species+ checklist loaded in ${((performance.now() - loading) / 1000).toFixed(1)} s`);

  const file = path.join(dir, 'free-text-names.csv');
  await writeNamesFile(file);
  const started = performance.now();
  const batch = await stageUpload(deps, actor, NO_REQUEST, {
    fields: uploadFieldsSchema.parse({ party: 'GB', year: String(YEAR) }),
    fileName: path.basename(file),
    bytes: fs.readFileSync(file),
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Free-text names ${batch.counts.total} rows: checked in ${seconds.toFixed(1)} s ` +
      `(ready ${batch.counts.ready}, rejected ${batch.counts.blocking}, warnings ${batch.counts.warnings})`,
  );

  const text = fs.readFileSync(file, 'utf8');
  const names = [
    ...new Set(
      text
        .split('\n')
        .slice(1)
        .map((line) => speciesCell(line))
        .filter(Boolean),
    ),
  ];
  const timings: number[] = [];
  const outcome = { matched: 0, suggested: 0, none: 0 };
  await withActor(database.db, actor, async (tx) => {
    for (const name of names) {
      const at = performance.now();
      const resolution = await resolveTaxonName(tx, name, 3);
      timings.push(performance.now() - at);
      if (resolution.match) outcome.matched += 1;
      else if (resolution.suggestions.length > 0) outcome.suggested += 1;
      else outcome.none += 1;
    }
  });
  timings.sort((a, b) => a - b);
  console.log(
    `  ${names.length} distinct names resolved one by one: p50 ${percentile(timings, 0.5).toFixed(1)} ms, ` +
      `p95 ${percentile(timings, 0.95).toFixed(1)} ms, max ${timings.at(-1)!.toFixed(1)} ms; ` +
      `matched ${outcome.matched}, suggestion only ${outcome.suggested}, nothing offered ${outcome.none}`,
  );
}

/** The Species cell of a line the writer wrote (third column; quoted when it holds a comma). */
function speciesCell(line: string): string {
  const match = /^[^,]*,[^,]*,("(?:[^"]|"")*"|[^,]*)/.exec(line);
  const cell = match?.[1] ?? '';
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}
