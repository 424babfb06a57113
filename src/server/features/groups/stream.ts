/**
 * Live updates over server-sent events (ADR 0005). Each open stream polls the database every
 * GROUP_STREAM_POLL_MS for deliveries and notifications newer than the last it sent, as the user, inside
 * withActor — so membership and audience rules apply to every poll, any server instance can serve any user, and
 * a removed member or an ended session stops receiving at the next poll. The poll is two index range scans.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { UserActor } from '../../../shared/actor.ts';
import type { GroupStreamEvent } from '../../../shared/groups.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import type { Authentication } from '../identity/sessions.service.ts';
import type { GroupsDeps } from './groups-deps.ts';
import { membershipsOf } from './groups.repo.ts';
import { unreadCounts } from './messages.service.ts';
import { visibleNotifications } from './notifications.service.ts';

const HEARTBEAT_MS = 15_000;
/** A stream ends after this long; EventSource reconnects on its own, and the session is checked afresh. */
const MAX_STREAM_MS = 30 * 60_000;

interface Cursor {
  delivery: string;
  notification: string;
}

async function stillSignedIn(tx: Tx, auth: Authentication, now: Date, idleMinutes: number): Promise<boolean> {
  if (auth.kind === 'session') {
    const row = await tx
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select('s.id')
      .where('s.id', '=', auth.sessionId)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', now)
      .where('s.last_seen_at', '>', new Date(now.getTime() - idleMinutes * 60_000))
      .where('u.status', '=', 'active')
      .executeTakeFirst();
    return row !== undefined;
  }
  if (auth.kind === 'token') {
    const row = await tx
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select('t.id')
      .where('t.id', '=', auth.tokenId)
      .where('t.revoked_at', 'is', null)
      .where('t.expires_at', '>', now)
      .where('u.status', '=', 'active')
      .executeTakeFirst();
    return row !== undefined;
  }
  return false;
}

/** The newest delivery and notification sequence numbers of the user: where a new stream starts. */
async function currentCursor(tx: Tx, userId: string): Promise<Cursor> {
  const d = await tx
    .selectFrom('group_message_recipients')
    .select(sql<string>`coalesce(max(seq), 0)`.as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  const n = await tx
    .selectFrom('group_notifications')
    .select(sql<string>`coalesce(max(seq), 0)`.as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { delivery: String(d.n), notification: String(n.n) };
}

/** What arrived since the cursor, for groups the user is still a member of, in audiences they may see. */
async function poll(tx: Tx, actor: UserActor, cursor: Cursor): Promise<GroupStreamEvent[]> {
  const memberships = await membershipsOf(tx, actor.userId);
  if (memberships.size === 0) return [];
  const deliveries = await tx
    .selectFrom('group_message_recipients as r')
    .innerJoin('group_messages as m', 'm.id', 'r.message_id')
    .select(['r.seq', 'm.id', 'm.group_id', 'm.thread_id'])
    .where('r.user_id', '=', actor.userId)
    .where('r.seq', '>', cursor.delivery)
    .where('m.group_id', 'in', [...memberships.keys()])
    .orderBy('r.seq')
    .limit(100)
    .execute();
  const notifications = await visibleNotifications(tx, actor.userId, memberships)
    .select(['n.seq', 'n.id', 'n.group_id'])
    .where('n.seq', '>', cursor.notification)
    .orderBy('n.seq')
    .limit(100)
    .execute();
  const events: GroupStreamEvent[] = [];
  for (const d of deliveries) {
    cursor.delivery = String(d.seq);
    events.push({ type: 'message', groupId: d.group_id, messageId: d.id, threadId: d.thread_id });
  }
  for (const n of notifications) {
    cursor.notification = String(n.seq);
    events.push({ type: 'notification', groupId: n.group_id, notificationId: n.id });
  }
  return events;
}

const openStreams = new Set<() => void>();

/** Ends every open stream (the server is closing). */
export function closeGroupStreams(): void {
  for (const end of [...openStreams]) end();
}

export async function serveGroupStream(deps: GroupsDeps, request: FastifyRequest, reply: FastifyReply) {
  const actor = request.actor as UserActor;
  const auth = request.authentication;
  const idle = deps.settings.session.idleMinutes;
  const initial = await withActor(deps.db, actor, async (tx) => ({
    cursor: await currentCursor(tx, actor.userId),
    counts: await unreadCounts(tx, {
      actor,
      clock: deps.clock,
      meta: { ipAddress: null, userAgent: null, requestId: null },
    }),
  }));
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  const send = (event: GroupStreamEvent) =>
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  res.write(`retry: ${Math.max(deps.settings.groups.streamPollMs, 1000)}\n\n`);
  send({ type: 'unread', counts: initial.counts });

  const cursor = initial.cursor;
  const started = Date.now();
  let lastWrite = Date.now();
  let busy = false;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(timer);
    openStreams.delete(end);
    res.end();
  };
  const tick = async () => {
    if (busy || ended) return;
    busy = true;
    try {
      const result = await withActor(deps.db, actor, async (tx) => {
        if (!(await stillSignedIn(tx, auth, deps.clock(), idle))) return null;
        const events = await poll(tx, actor, cursor);
        const counts =
          events.length > 0
            ? await unreadCounts(tx, {
                actor,
                clock: deps.clock,
                meta: { ipAddress: null, userAgent: null, requestId: null },
              })
            : null;
        return { events, counts };
      });
      if (ended) return;
      if (!result || Date.now() - started > MAX_STREAM_MS) return end();
      for (const event of result.events) send(event);
      if (result.counts) send({ type: 'unread', counts: result.counts });
      if (result.events.length > 0) lastWrite = Date.now();
      if (Date.now() - lastWrite > HEARTBEAT_MS) {
        res.write(': keep-alive\n\n');
        lastWrite = Date.now();
      }
    } catch (error) {
      request.log.warn({ err: error }, 'group stream poll failed');
      end();
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), deps.settings.groups.streamPollMs);
  openStreams.add(end);
  request.raw.on('close', end);
}
