/**
 * A writer's output kept in memory, for files known to be small (the report template, a test). Exports of any
 * size write to their response or file instead.
 */
import { Writable } from 'node:stream';

export async function writeToBuffer(write: (output: Writable) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await write(sink);
  return Buffer.concat(chunks);
}
