/**
 * The topology benchmark: authenticated record reads and a search mix, 100 connections for 60 seconds, through
 * HAProxy in front of two platform servers (scripts/topology.sh, writes to the primary, reads on the replica),
 * next to the same load on one of those servers directly. Zero errors are required of both. Not in CI: on a
 * shared machine the figures say more about the neighbours than about the platform.
 *   BENCH_SECONDS (60), BENCH_CONNECTIONS (100), ITD_TOPOLOGY_PORT_BASE (27400)
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import { projectRoot } from '../src/server/config.ts';
import { readMix, seedReader, startTopology } from '../test/topology/topology-support.ts';
import { report } from './bench-support.ts';

async function loadFromOtherProcess(task: {
  url: string;
  cookie: string;
  paths: string[];
  connections: number;
  seconds: number;
}): Promise<autocannon.Result> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot(), 'bench', 'load-client.ts'), JSON.stringify(task)],
    { maxBuffer: 64 * 2 ** 20 },
  );
  return JSON.parse(stdout) as autocannon.Result;
}

export async function topologyBenchmark(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 60);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
  const topology = startTopology(Number(process.env.ITD_TOPOLOGY_PORT_BASE ?? 27400));
  let failed = false;
  try {
    const seeded = await seedReader(topology, 200);
    const paths = readMix(seeded.recordIds);
    const cookie = seeded.headers.cookie!;
    await seeded.close();
    console.log(
      `Mix: ${paths.length / 2} record reads and ${paths.length / 2} searches, ${connections} connections`,
    );
    for (const [title, url] of [
      [`one server directly (${seconds} s)`, topology.serverUrl(1)],
      [`balancer, two servers (${seconds} s)`, topology.balancerUrl],
    ] as const) {
      const result = await loadFromOtherProcess({ url, cookie, paths, connections, seconds });
      report(title, result);
      if (result.errors + result.non2xx > 0) failed = true;
    }
  } finally {
    topology.down();
  }
  if (failed) {
    console.error('Some requests failed: the topology must hold this load with zero errors.');
    process.exitCode = 1;
  }
}
