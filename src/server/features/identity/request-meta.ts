import type { FastifyRequest } from 'fastify';
import type { RequestMeta } from './identity-deps.ts';

export function requestMeta(request: FastifyRequest): RequestMeta {
  const agent = request.headers['user-agent'];
  return {
    ipAddress: request.ip ?? null,
    userAgent: typeof agent === 'string' ? agent : null,
    requestId: String(request.id),
  };
}
