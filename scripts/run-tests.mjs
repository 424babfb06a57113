#!/usr/bin/env node
// Runs node's test runner (through tsx) over the test files of one suite. Node 20 does not expand
// globs itself, so the files are listed here.
//   node scripts/run-tests.mjs            every *.test.ts under src/ and test/ (not the browser tests)
//   node scripts/run-tests.mjs db         only the database suites (*.db.test.ts), e.g. on PostgreSQL
//   node scripts/run-tests.mjs e2e        the browser tests (test/e2e/*.e2e.ts)
//   node scripts/run-tests.mjs topology   the fault tests on the replicated topology (test/topology/*.topology.ts)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const suite = process.argv[2] ?? 'all';
const suffix = { all: '.test.ts', db: '.db.test.ts', e2e: '.e2e.ts', topology: '.topology.ts' }[suite];
if (!suffix) {
  console.error(`Unknown suite "${suite}": use all, db, e2e or topology.`);
  process.exit(2);
}

function find(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : find(full);
    return entry.name.endsWith(suffix) ? [path.relative(root, full)] : [];
  });
}

const files = ['src', 'test'].flatMap((dir) => find(path.join(root, dir))).sort();
if (files.length === 0) {
  console.error(`No test files for suite "${suite}".`);
  process.exit(1);
}
const concurrency = suite === 'e2e' || suite === 'topology' ? '1' : (process.env.TEST_CONCURRENCY ?? '2');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-timeout=600000',
    ...files,
    ...process.argv.slice(3),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
