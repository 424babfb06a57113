/**
 * Rate limiting for every API route unless a route opts out (health probes; the web app's page and files, which
 * a browser fetches dozens of on a first visit). Counters live in the database (rate-limit-store.ts). Over the
 * limit, the caller gets a translated 429 problem.
 *
 * Who is counted: a signed-in person (session or personal token) by their account, anyone else by address.
 * Why: many of our users share one public address per ministry or customs office; counted by address, a
 * busy office would lock itself out. The address is checked before sign-in, where no account is known yet.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Settings } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';

export async function registerRateLimit(
  app: FastifyInstance,
  db: Kysely<DB>,
  settings: Settings,
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: settings.rateLimit.max,
    timeWindow: settings.rateLimit.windowSeconds * 1000,
    store: databaseRateLimitStore(db),
    // Access control (registered first) has already read the session or token by the time this runs.
    keyGenerator: rateLimitKey,
    // If the counter store fails, answer the request rather than lock everyone out.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', 429, { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
}

/** Tighter limits for routes that check credentials or accept public forms (per client address). */
export function routeLimits(settings: Settings) {
  return {
    credentials: { max: settings.rateLimit.signInPerMinute, timeWindow: 60_000 },
    forms: { max: settings.rateLimit.formsPerHour, timeWindow: 3_600_000 },
  };
}

/** The counter a request is added to: its account once known, its address before. */
export function rateLimitKey(request: FastifyRequest): string {
  return request.countedAccount ? `user:${request.countedAccount}` : `address:${request.ip}`;
}
