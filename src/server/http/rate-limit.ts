/**
 * Rate limiting for every route unless a route opts out (health probes). Counters live in the
 * database (rate-limit-store.ts). Over the limit, the caller gets a translated 429 problem.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
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
