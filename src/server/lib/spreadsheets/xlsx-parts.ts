/**
 * A workbook's parts (the files of its zip), each inflated as a stream under guard. The zip's table of contents
 * (central directory) is read first: a workbook whose parts claim to inflate past the limit is refused before any
 * is inflated. Claims can lie, so the bytes are also counted as they inflate, against what the part claimed and
 * what is left of the limit, and the reading stops the moment either is passed. While the bytes go by, the guard
 * also refuses a DOCTYPE or ENTITY declaration (a workbook has no use for one, and entities are how an XML part
 * expands itself) and a run of text too long to be a cell within the cell limit.
 */
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { ReadBudget } from './read-limits.ts';
import { SpreadsheetLimitError } from './read-limits.ts';
import { UnreadableFileError } from './unreadable-file.ts';

export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated; other methods are refused. */
  method: number;
  compressedSize: number;
  /** What the table of contents says the part inflates to. */
  size: number;
  localHeader: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

const damaged = () => new UnreadableFileError('damaged');

function endOfDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  for (let at = bytes.length - 22; at >= lowest; at--)
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  throw damaged();
}

/** The parts listed in the zip's table of contents. */
export function zipParts(bytes: Buffer): ZipPart[] {
  const end = endOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  // Zip64 (counts or offsets saturated) is for archives of gigabytes: not a report.
  if (count === 0xffff || at === 0xffffffff) throw damaged();
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw damaged();
    const nameLength = bytes.readUInt16LE(at + 28);
    const part: ZipPart = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeader: bytes.readUInt32LE(at + 42),
    };
    // Bit 0: encrypted. A sized field of 0xffffffff means its real value is in a zip64 record.
    if ((bytes.readUInt16LE(at + 8) & 1) === 1 || part.size === 0xffffffff) throw damaged();
    if (part.method !== 0 && part.method !== 8) throw damaged();
    parts.push(part);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return parts;
}

/** Refuses a workbook whose parts claim more than the limit, before inflating any. */
export function checkClaimedSize(parts: readonly ZipPart[], budget: ReadBudget): void {
  const claimed = parts.reduce((sum, part) => sum + part.size, 0);
  if (claimed > budget.limits.maxInflatedBytes)
    throw new SpreadsheetLimitError('maxInflatedBytes', budget.limits.maxInflatedBytes);
}

function compressedBytes(bytes: Buffer, part: ZipPart): Buffer {
  const at = part.localHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) throw damaged();
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + part.compressedSize > bytes.length) throw damaged();
  return bytes.subarray(start, start + part.compressedSize);
}

const LESS_THAN = 0x3c;
const isLetter = (byte: number | undefined) =>
  byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
const doctype = () => new UnreadableFileError('doctype');

/** "<!" followed by a letter: <!DOCTYPE, <!ENTITY (comments are "<!-", character data "<!["). */
function hasDeclaration(bytes: Buffer): boolean {
  for (let at = bytes.indexOf('<!'); at !== -1; at = bytes.indexOf('<!', at + 1))
    if (isLetter(bytes[at + 2])) return true;
  return false;
}

/**
 * Counts and inspects one part's inflated bytes. `shared` is the running total of the whole workbook, so the
 * limit holds across parts.
 */
class PartGuard extends Transform {
  private inflated = 0;
  /** Bytes since the last "<": text (or a tag) that long holds more characters than a cell may. */
  private run = 0;
  /** The last two bytes of the previous chunk. */
  private tail = Buffer.alloc(0);

  constructor(
    private readonly part: ZipPart,
    private readonly budget: ReadBudget,
    private readonly shared: { inflated: number },
  ) {
    super();
  }

  /** A cell's characters take at most 10 bytes each in XML (an entity such as &#1114111;). */
  private get longestRun() {
    return this.budget.limits.maxCellChars * 10;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.budget.check();
      this.inflated += chunk.length;
      this.shared.inflated += chunk.length;
      if (this.shared.inflated > this.budget.limits.maxInflatedBytes)
        throw new SpreadsheetLimitError('maxInflatedBytes', this.budget.limits.maxInflatedBytes);
      // More than the table of contents claimed: the zip lies about itself.
      if (this.inflated > this.part.size) throw damaged();
      this.inspect(chunk);
      done(null, chunk);
    } catch (error) {
      done(error as Error);
    }
  }

  private inspect(chunk: Buffer): void {
    // A declaration cut by the chunk boundary is found in the window across it.
    if (hasDeclaration(Buffer.concat([this.tail, chunk.subarray(0, 2)])) || hasDeclaration(chunk))
      throw doctype();
    this.tail = Buffer.from(chunk.subarray(-2));

    const first = chunk.indexOf(LESS_THAN);
    if (first === -1) this.run += chunk.length;
    else {
      if (this.run + first > this.longestRun || chunk.length > this.longestRun) this.checkRuns(chunk);
      this.run = chunk.length - 1 - chunk.lastIndexOf(LESS_THAN);
    }
    if (this.run > this.longestRun)
      throw new SpreadsheetLimitError('maxCellChars', this.budget.limits.maxCellChars);
  }

  /** Every run in a chunk larger than the longest run allowed (small limits, or a long run across chunks). */
  private checkRuns(chunk: Buffer): void {
    let run = this.run;
    for (let at = 0, next = chunk.indexOf(LESS_THAN); ; next = chunk.indexOf(LESS_THAN, at)) {
      run += (next === -1 ? chunk.length : next) - at;
      if (run > this.longestRun)
        throw new SpreadsheetLimitError('maxCellChars', this.budget.limits.maxCellChars);
      if (next === -1) return;
      run = 0;
      at = next + 1;
    }
  }
}

/**
 * One part's inflated bytes as a stream, under guard. `shared` carries the workbook's running total across parts.
 */
export function openPart(
  bytes: Buffer,
  part: ZipPart,
  budget: ReadBudget,
  shared: { inflated: number },
): Readable {
  const source = Readable.from([compressedBytes(bytes, part)], { objectMode: false });
  const guard = new PartGuard(part, budget, shared);
  const inflated = part.method === 8 ? source.pipe(createInflateRaw()) : source;
  // Inflating fails only on bytes that are not deflate data: a damaged part.
  inflated.on('error', () => guard.destroy(damaged()));
  // A guard that stops (a limit, an abandoned read) stops the inflating too.
  guard.on('close', () => inflated.destroy());
  return inflated.pipe(guard);
}
