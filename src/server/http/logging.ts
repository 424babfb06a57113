/**
 * Structured logs (pino, through Fastify) that never carry passwords, tokens, cookies or record
 * contents: request bodies are never logged, secrets in headers are redacted, and a URL is logged
 * as its path plus the names (not values) of its query parameters.
 */
import type { FastifyServerOptions } from 'fastify';
import type { Settings } from '../config.ts';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.totp',
  '*.recoveryCode',
];

export function describeUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  if (!query) return path;
  const names = [...new URLSearchParams(query).keys()];
  return `${path}?${[...new Set(names)].map((name) => `${name}=…`).join('&')}`;
}

export function loggerOptions(
  settings: Settings,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level: settings.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        url: describeUrl(request.url),
        ip: request.ip,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
