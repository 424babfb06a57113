/**
 * Security headers on every answer (helmet) with a strict Content-Security-Policy: scripts, styles,
 * fonts and data only from our own origin; no inline scripts; no framing. Style attributes are
 * allowed because the component library sets layout through them; style elements are not.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Settings } from '../config.ts';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export async function registerSecurityHeaders(app: FastifyInstance, settings: Settings): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...CONTENT_SECURITY_POLICY,
        ...(settings.environment === 'production' ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only where the platform is served over HTTPS (production behind TLS).
    hsts: settings.environment === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  // API answers hold restricted data (records, messages, accounts): no browser or proxy may keep a copy, so a
  // shared computer's cache or back button never shows them to the next person. Routes that set their own
  // cache rule (downloads) keep it.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
