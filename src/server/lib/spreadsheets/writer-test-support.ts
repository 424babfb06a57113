/**
 * What the writer tests share: an output that can be stalled like a slow client or disk, and a loose measure of
 * the memory a run holds at its peak.
 */
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';

/** An output that takes nothing while stalled, counting what it is given and keeping its first and last bytes. */
export function stallableOutput() {
  let stalled = true;
  const held: (() => void)[] = [];
  const state = { bytes: 0, lines: 0, head: Buffer.alloc(0), tail: Buffer.alloc(0) };
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      state.bytes += chunk.length;
      if (state.head.length < 64) state.head = Buffer.concat([state.head, chunk]).subarray(0, 64);
      state.tail = Buffer.concat([state.tail, chunk]).subarray(-64);
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) state.lines += 1;
      if (stalled) held.push(done);
      else done();
    },
  });
  return {
    output,
    state,
    release: () => {
      stalled = false;
      for (const done of held.splice(0)) done();
    },
  };
}

/** Waits until `count()` has not changed for a while (the writer waits for room), and returns it. */
export async function whenSettled(count: () => number, quietMs = 400, limitMs = 30_000): Promise<number> {
  const start = Date.now();
  let last = -1;
  while (Date.now() - start < limitMs) {
    const now = count();
    if (now === last) return now;
    last = now;
    await sleep(quietMs);
  }
  throw new Error(`still moving after ${limitMs} ms: ${count()}`);
}

// The garbage collector, so that memory measured is memory held, not garbage not yet collected. Tests run without
// --expose-gc; V8 lets a flag be set at run time, and a new context then sees `gc`.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Memory held (heap and buffers) after a full collection, in MB. Slow: sample it every few thousand rows. */
export function memoryHeld(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.external) / 1024 / 1024;
}

/** An output that fails once it has been given `afterBytes`. */
export function failingOutput(afterBytes: number): Writable {
  let bytes = 0;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > afterBytes ? new Error('disk full') : null);
    },
  });
}
