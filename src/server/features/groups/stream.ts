/**
 * Live updates over server-sent events (ADR 0005). Each open stream polls the database every
 * GROUP_STREAM_POLL_MS for deliveries and notifications newer than the last it sent, as the user, inside
 * withActor — so membership and audience rules apply to every poll, any server instance can serve any user, and
 * a removed member or an ended session stops receiving at the next poll. The poll is two index range scans.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../../../shared/actor.ts';
import type { GroupStreamEvent } from '../../../shared/groups.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import type { Authentication } from '../identity/index.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { membershipsOf } from './groups.repo.ts';
import { deliveriesAfter, newestDeliverySeq } from './messages.repo.ts';
import { unreadCountsInTx } from './messages.service.ts';
import { newestNotificationSeq, notificationsAfter } from './notifications.repo.ts';
import { isSessionLive, isTokenLive } from './stream.repo.ts';

const HEARTBEAT_MS = 15_000;
/** A stream ends after this long; EventSource reconnects on its own, and the session is checked afresh. */
const MAX_STREAM_MS = 30 * 60_000;

interface Cursor {
  delivery: string;
  notification: string;
}

async function stillSignedIn(tx: Tx, auth: Authentication, now: Date, idleMinutes: number): Promise<boolean> {
  if (auth.kind === 'session') return isSessionLive(tx, auth.sessionId, now, idleMinutes);
  if (auth.kind === 'token') return isTokenLive(tx, auth.tokenId, now);
  return false;
}

/** The newest delivery and notification sequence numbers of the user: where a new stream starts. */
async function currentCursor(tx: Tx, userId: string): Promise<Cursor> {
  return {
    delivery: await newestDeliverySeq(tx, userId),
    notification: await newestNotificationSeq(tx, userId),
  };
}

/** What arrived since the cursor, for groups the user is still a member of, in audiences they may see. */
async function poll(tx: Tx, actor: UserActor, cursor: Cursor): Promise<GroupStreamEvent[]> {
  const memberships = await membershipsOf(tx, actor.userId);
  if (memberships.size === 0) return [];
  const deliveries = await deliveriesAfter(tx, actor.userId, [...memberships.keys()], cursor.delivery);
  const notifications = await notificationsAfter(tx, actor.userId, memberships, cursor.notification);
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
  const actor = groupUser(request.actor);
  const auth = request.authentication;
  const idle = deps.settings.session.idleMinutes;
  const initial = await withActor(
    deps.db,
    actor,
    async (tx) => ({
      cursor: await currentCursor(tx, actor.userId),
      counts: await unreadCountsInTx(tx, actor),
    }),
    { readsOnly: true },
  );
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
      const result = await withActor(
        deps.db,
        actor,
        async (tx) => {
          if (!(await stillSignedIn(tx, auth, deps.clock(), idle))) return null;
          const events = await poll(tx, actor, cursor);
          const counts = events.length > 0 ? await unreadCountsInTx(tx, actor) : null;
          return { events, counts };
        },
        { readsOnly: true },
      );
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
