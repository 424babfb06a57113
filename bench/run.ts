/**
 * Benchmarks: `npm run bench -- <suite>`. Targets live here, not in timed unit tests.
 *   reference   Species+ import time and peak memory; p50/p95/p99 and throughput of the checklist API
 *               (resolver search and taxon read) under concurrent load with autocannon.
 *   identity    what authentication costs: a session cookie and a bearer token on a signed-in route.
 *   explore     the seizure explorer on a million records (PostgreSQL only): search, figures, record reads.
 *   import      a 116,000-row report as CSV and XLSX: staged, checked and submitted; rows/s, peak memory, ratio to COPY.
 * Uses PostgreSQL when BENCH_DATABASE_URL is set (a database it creates and drops), else PGlite in memory.
 */
import { exploreBenchmark } from './explore.bench.ts';
import { identityBenchmark } from './identity.bench.ts';
import { importBenchmark } from './import.bench.ts';
import { referenceBenchmark } from './reference.bench.ts';

const suites: Record<string, () => Promise<void>> = {
  reference: referenceBenchmark,
  identity: identityBenchmark,
  explore: exploreBenchmark,
  import: importBenchmark,
};
const name = process.argv[2] ?? 'reference';
const suite = suites[name];
if (!suite) {
  console.error(`Unknown benchmark "${name}". Suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
await suite();
