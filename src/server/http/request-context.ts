/** Reads a request's origin once, at the edge, into the context use cases receive (ADR 0012). */
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../lib/request-context.ts';

/** User agents are shown to their owner on the account page; longer ones are cut where they are stored. */
export function requestContextOf(request: FastifyRequest): RequestContext {
  const agent = request.headers['user-agent'];
  return {
    ipAddress: request.ip ?? null,
    userAgent: typeof agent === 'string' ? agent : null,
    requestId: String(request.id),
  };
}
