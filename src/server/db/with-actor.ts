/**
 * withActor: the only way request code touches data. One transaction, the unprivileged role
 * app_user (so row-level security applies even when the connection is a superuser), and the actor
 * in transaction-local settings that the policies read (migrations/0001_foundation.sql).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../shared/actor.ts';
import { isConnectionLost } from './connection-loss.ts';
import { PREPARED } from './prepared-statements.ts';
import type { DB } from './schema.ts';

export type Tx = Transaction<DB>;

interface ActorSettings {
  actor_kind: string;
  actor_id: string;
  actor_org_kind: string;
  actor_party: string;
  actor_role: string;
  actor_itd: string;
}

function settingsOf(actor: Actor): ActorSettings {
  switch (actor.kind) {
    case 'user':
      return {
        actor_kind: 'user',
        actor_id: actor.userId,
        actor_org_kind: actor.organisationKind,
        actor_party: actor.party ?? '',
        actor_role: actor.role,
        actor_itd: actor.hasItdAccess ? 'true' : 'false',
      };
    case 'system':
    case 'anonymous':
      return {
        actor_kind: actor.kind,
        actor_id: '',
        actor_org_kind: '',
        actor_party: '',
        actor_role: '',
        actor_itd: '',
      };
  }
}

export interface WithActorOptions {
  /**
   * The transaction only reads; its one write is the audit entry of what was read. It then commits without
   * waiting for the disk (synchronous_commit off, ADR 0007): should PostgreSQL crash, the newest such entries may
   * be lost, never data. Never set it for a transaction that changes data.
   */
  readsOnly?: boolean;
}

export async function withActor<T>(
  db: Kysely<DB>,
  actor: Actor,
  fn: (tx: Tx) => Promise<T>,
  options: WithActorOptions = {},
): Promise<T> {
  const run = () => runAsActor(db, actor, fn, options);
  try {
    return await run();
  } catch (error) {
    // A transaction that only reads is safe to run again when its connection was lost under it (it never reached
    // its commit, or the commit of an audit entry for a read that is read again): once, on a new connection.
    // Transactions that change data are never retried here; their request is answered 503.
    if (options.readsOnly && isConnectionLost(error)) return run();
    throw error;
  }
}

function runAsActor<T>(db: Kysely<DB>, actor: Actor, fn: (tx: Tx) => Promise<T>, options: WithActorOptions) {
  const s = settingsOf(actor);
  return db.transaction().execute(async (tx) => {
    // Security: set_config('role', …, true) is SET LOCAL ROLE app_user. Without it every policy is
    // skipped for a superuser connection (tested in with-actor.db.test.ts on both backends). One
    // round-trip sets the role and the actor together, and the actor's audience for the sharing rule
    // (migrations/0018), computed by the database from the same values.
    await sql`${PREPARED} select
        set_config('role', 'app_user', true),
        set_config('app.actor_kind', ${s.actor_kind}, true),
        set_config('app.actor_id', ${s.actor_id}, true),
        set_config('app.actor_org_kind', ${s.actor_org_kind}, true),
        set_config('app.actor_party', ${s.actor_party}, true),
        set_config('app.actor_role', ${s.actor_role}, true),
        set_config('app.actor_itd', ${s.actor_itd}, true),
        set_config('app.actor_audience',
          coalesce(app_audience_of(${s.actor_kind}, ${s.actor_org_kind}, ${s.actor_party}, ${s.actor_role},
                                   ${s.actor_itd}), ''), true),
        set_config('synchronous_commit', ${options.readsOnly ? 'off' : 'on'}, true)`.execute(tx);
    return fn(tx);
  });
}
