/** What the imports' use cases need, passed in by the app or the `itd` command (ADR 0012). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface ImportsDeps {
  db: Kysely<DB>;
  clock: () => Date;
}

/** Reading a batch, its rows or its problems changes nothing (withActor's readsOnly). */
export const READS_ONLY = { readsOnly: true };

/**
 * Rows read, checked and written together. Everything a chunk holds (its rows, their JSON for the database) is
 * garbage once it is written, and the garbage collector lets the heap grow to a multiple of what is alive, so a
 * smaller chunk lowers peak memory; 1,000 keeps the round trips to the database few.
 */
export const CHUNK_ROWS = 1000;

/** Rows (or records) done so far, for a progress bar; an error thrown here aborts the work like any other. */
export type Progress = (rowsDone: number) => void;
