/**
 * Input no route may receive, refused at the edge for every route at once:
 * - a NUL character in a query parameter, a path parameter or a JSON body. PostgreSQL text cannot hold it, so it
 *   would otherwise reach the database and fail there as a 500; it is never a legitimate value;
 * - a method or path no route has (a PUT on a GET route included): the same problem+json 404 as any unknown
 *   address, never the framework's own body.
 * And, behind them, input the database itself judges invalid (a value out of range, text it cannot hold) is a
 * 400, not a 500: such an error is the caller's input, not our failure.
 */
import type { FastifyInstance } from 'fastify';
import { NotFoundError, ValidationError, type InvalidField } from '../errors.ts';

/** The first place in a parsed value holding a NUL, as a dotted field path ('' for the value itself). */
export function findNulCharacter(value: unknown, at = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, at ? `${at}.${index}` : String(index));
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = at ? `${at}.${key}` : key;
      if (key.includes('\u0000')) return field;
      const found = findNulCharacter(item, field);
      if (found !== null) return found;
    }
  }
  return null;
}

export function registerInputGuards(app: FastifyInstance): void {
  // After the access check (registered before this), so a caller who may not use a route learns nothing of it.
  app.addHook('preValidation', async (request) => {
    const parts = { query: request.query, params: request.params, body: request.body } as const;
    for (const [part, value] of Object.entries(parts)) {
      // A multipart body is a stream of files, read by the route itself: not a parsed value.
      if (part === 'body' && /^multipart\//i.test(request.headers['content-type'] ?? '')) continue;
      const field = findNulCharacter(value);
      if (field !== null) {
        const invalid: InvalidField = { field: field || part, reason: 'control_character' };
        throw new ValidationError([invalid]);
      }
    }
  });

  app.setNotFoundHandler(async () => {
    throw new NotFoundError();
  });
}
