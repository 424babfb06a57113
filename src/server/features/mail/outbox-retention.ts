/**
 * The outbox's retention job: bodies of messages never sent (no SMTP, a refusing server) are emptied after a
 * short retention (OUTBOX_UNSENT_BODY_HOURS), so password-reset and verification links do not lie in the database.
 * Delivered messages lose their body at once (`markSent`).
 */
import type { Kysely } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { emptyUnsentBodiesBefore } from './mail.repo.ts';

/** Empties the bodies of unsent messages older than the retention; returns how many. */
export async function emptyStaleOutboxBodies(
  db: Kysely<DB>,
  options: { now: Date; retentionHours: number },
): Promise<number> {
  const before = new Date(options.now.getTime() - options.retentionHours * 3_600_000);
  return withActor(db, systemActor('outbox retention'), (tx) => emptyUnsentBodiesBefore(tx, before));
}
