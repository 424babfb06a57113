/**
 * Benchmarks: `npm run bench -- <suite>`. Targets live here, not in timed unit tests.
 *   reference   Species+ import time and peak memory; p50/p95/p99 and throughput of the checklist API
 *               (resolver search and taxon read) under concurrent load with autocannon.
 *   identity    what authentication costs: a session cookie and a bearer token on a signed-in route.
 *   explore     the seizure explorer on a million records (PostgreSQL only): search, figures, record reads.
 *   import      a 116,000-row report as CSV and XLSX: staged, checked and submitted; rows/s, peak memory, ratio to COPY.
 *   permits     the border lookup with a million permits loaded (PostgreSQL), and a 10,000-permit XML import:
 *               lookup p50/p95/p99, import time and peak memory.
 *   topology    record reads and searches through HAProxy and two servers on a primary and a replica
 *               (scripts/topology.sh), 100 connections for 60 s, next to one server alone.
 * Uses PostgreSQL when BENCH_DATABASE_URL is set (a database it creates and drops), else PGlite in memory.
 */
// Only the chosen suite is loaded: the others' modules would count in the memory the import suite measures.
const suites: Record<string, () => Promise<void>> = {
  reference: async () => (await import('./reference.bench.ts')).referenceBenchmark(),
  identity: async () => (await import('./identity.bench.ts')).identityBenchmark(),
  explore: async () => (await import('./explore.bench.ts')).exploreBenchmark(),
  import: async () => (await import('./import.bench.ts')).importBenchmark(),
  topology: async () => (await import('./topology.bench.ts')).topologyBenchmark(),
  permits: async () => (await import('./permits.bench.ts')).permitsBenchmark(),
};
const name = process.argv[2] ?? 'reference';
const suite = suites[name];
if (!suite) {
  console.error(`Unknown benchmark "${name}". Suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
await suite();
