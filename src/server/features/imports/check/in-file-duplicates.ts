/**
 * Duplicates within the file: a row that is not rejected duplicates the first earlier such row with the same
 * fingerprint. A pass over a batch (upload, re-validation, submit) goes through the rows in row order, a chunk at a
 * time, each chunk stored before the next is looked at.
 *
 * Why not a map of every fingerprint seen: for a 116,000-row report that map is 12 MB of live heap, which the
 * garbage collector multiplies into ~50 MB of peak memory. Instead the pass keeps one bit per 24-bit fingerprint
 * prefix (2 MiB outside the heap, whatever the file's length). A row whose bit is clear has no earlier twin; for the
 * few whose bit is set (true duplicates, and about 1% more for a 116,000-row file) the first row is looked up among
 * the staged rows before the chunk, so the answer is exact.
 */
import type { Tx } from '../../../db/with-actor.ts';
import { findFirstRows } from './duplicates.repo.ts';

/** Asked in row order about each row that is not rejected: the first earlier row with the same fingerprint. */
export type FirstRowOf = (fingerprint: string, rowNumber: number) => number | undefined;

const PREFIX_HEX_DIGITS = 6;

export function createInFileDuplicates(batchId: string) {
  const seen = new Uint8Array(2 ** (PREFIX_HEX_DIGITS * 4 - 3));
  const prefixOf = (fingerprint: string) => parseInt(fingerprint.slice(0, PREFIX_HEX_DIGITS), 16);
  const isSeen = (prefix: number) => (seen[prefix >> 3]! & (1 << (prefix & 7))) !== 0;
  return {
    /** Prepares one chunk: `rows` are the chunk's rows that are not rejected, in row order. */
    async forChunk(tx: Tx, rows: readonly { rowNumber: number; fingerprint: string }[]): Promise<FirstRowOf> {
      const maybeEarlier = rows.filter((row) => isSeen(prefixOf(row.fingerprint)));
      const firstRowOf = await findFirstRows(
        tx,
        batchId,
        Math.min(...rows.map((row) => row.rowNumber)),
        maybeEarlier.map((row) => row.fingerprint),
      );
      return (fingerprint, rowNumber) => {
        const first = firstRowOf.get(fingerprint);
        if (first !== undefined) return first;
        firstRowOf.set(fingerprint, rowNumber);
        const prefix = prefixOf(fingerprint);
        seen[prefix >> 3]! |= 1 << (prefix & 7);
        return undefined;
      };
    },
  };
}
