/** Keyset cursors for the group lists: the last row's time and id, opaque to the client. */
import { ValidationError } from '../../errors.ts';

export interface Keyset {
  at: string;
  id: string;
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify({ at: at.toISOString(), id }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Keyset>;
    if (typeof value.at === 'string' && typeof value.id === 'string' && !Number.isNaN(Date.parse(value.at)))
      return { at: value.at, id: value.id };
  } catch {
    // fall through to the refusal below
  }
  throw new ValidationError([{ field: 'cursor', reason: 'invalid' }]);
}

/** Takes limit + 1 rows: the extra one only says whether there is a next page. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => { at: Date; id: string }) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(keyOf(last).at, keyOf(last).id) : null;
  return { items, nextCursor };
}
