/**
 * Search cursors: the last row's sort key and id, so the next page starts after it (keyset pagination). Opaque to
 * clients (base64url JSON) and tied to the sort; a cursor we did not make is refused, never silently emptied.
 */
import type { SeizureSort } from '../../../shared/seizures.contract.ts';
import { ValidationError } from '../../errors.ts';

const KEY_SHAPES: Record<SeizureSort, RegExp> = {
  date_desc: /^\d{4}-\d{2}-\d{2}$/,
  date_asc: /^\d{4}-\d{2}-\d{2}$/,
  kg_desc: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i,
  id_desc: /^\d{1,16}$/,
};

export function encodeCursor(sort: SeizureSort, key: string, id: number): string {
  return Buffer.from(JSON.stringify([sort, key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  sort: SeizureSort,
): { key: string; id: number } | null {
  if (cursor === undefined) return null;
  const invalid = () => new ValidationError([{ field: 'cursor', reason: 'invalid' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [cursorSort, key, id] = parsed as unknown[];
  if (cursorSort !== sort || typeof key !== 'string' || !KEY_SHAPES[sort].test(key)) throw invalid();
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw invalid();
  return { key, id };
}
