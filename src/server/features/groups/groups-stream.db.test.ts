/**
 * Live updates over a real HTTP server: a member's open event stream receives a new message without reloading,
 * an IGO member's stream says nothing of a law-enforcement alert, and a removed member's stream stops delivering;
 * signing out ends the stream.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { testClock } from '../../../../test/support/identity.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  GROUPS_STREAM_PATH,
  groupStreamEventSchema,
  type GroupStreamEvent,
} from '../../../shared/groups.contract.ts';
import {
  addMember,
  makeGroup,
  pdfBytes,
  signedInUser,
  uploadOk,
  type SignedInUser,
} from './groups.test-support.ts';

let t: TestApp;
let base: string;
const clock = testClock();
let owner: SignedInUser;
let customs: SignedInUser;
let igo: SignedInUser;
let groupId: string;

interface Stream {
  events: GroupStreamEvent[];
  status: number;
  headers: http.IncomingHttpHeaders;
  ended: Promise<void>;
  waitFor(match: (e: GroupStreamEvent) => boolean, timeoutMs?: number): Promise<GroupStreamEvent>;
  close(): void;
}

function openStream(user: SignedInUser): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${base}${GROUPS_STREAM_PATH}`,
      { headers: { cookie: `itd_session=${user.client.cookie}` } },
      (response) => {
        const events: GroupStreamEvent[] = [];
        let buffer = '';
        let endedResolve: () => void = () => {};
        const ended = new Promise<void>((r) => (endedResolve = r));
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const data = block.split('\n').find((line) => line.startsWith('data: '));
            if (data) events.push(groupStreamEventSchema.parse(JSON.parse(data.slice(6))));
          }
        });
        response.on('end', endedResolve);
        response.on('close', endedResolve);
        resolve({
          events,
          status: response.statusCode ?? 0,
          headers: response.headers,
          ended,
          async waitFor(match, timeoutMs = 8000) {
            const deadline = Date.now() + timeoutMs;
            for (;;) {
              const found = events.find(match);
              if (found) return found;
              if (Date.now() > deadline) throw new Error(`no such event; got ${JSON.stringify(events)}`);
              await new Promise((r) => setTimeout(r, 50));
            }
          },
          close: () => request.destroy(),
        });
      },
    );
    request.on('error', reject);
  });
}

before(async () => {
  t = await createTestApp(
    { RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', GROUP_STREAM_POLL_MS: '250' },
    { clock },
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  owner = await signedInUser(t, clock);
  customs = await signedInUser(t, clock);
  igo = await signedInUser(t, clock, { kind: 'igo', itdAccess: false });
  groupId = await makeGroup(t);
  await addMember(t, groupId, owner, 'wildlife_enforcement', true);
  await addMember(t, groupId, customs, 'customs');
  await addMember(t, groupId, igo, 'igo');
});
after(async () => {
  await t?.close();
});

describe('live updates', () => {
  test('a new message reaches an open stream without reloading; an IGO stream hears nothing of an LE alert', async () => {
    const customsStream = await openStream(customs);
    const igoStream = await openStream(igo);
    assert.equal(customsStream.status, 200);
    assert.match(String(customsStream.headers['content-type']), /^text\/event-stream/);
    // The first event is the current unread counts.
    await customsStream.waitFor((e) => e.type === 'unread');

    const sent = await owner.client.call('POST', `/api/v1/groups/${groupId}/messages`, {
      to: { kind: 'group' },
      subject: 'Live',
      body: 'Arrives by itself.',
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const messageId = sent.json<{ id: string }>().id;
    const event = await customsStream.waitFor((e) => e.type === 'message');
    assert.deepEqual(event, { type: 'message', groupId, messageId, threadId: messageId });
    const counts = await customsStream.waitFor((e) => e.type === 'unread' && e.counts.totalMessages === 1);
    assert.equal(counts.type, 'unread');
    await igoStream.waitFor((e) => e.type === 'message' && e.messageId === messageId);

    const file = await uploadOk(t, owner, groupId, 'alert.pdf', pdfBytes('alert'));
    const alert = await owner.client.call('POST', `/api/v1/groups/${groupId}/library`, {
      kind: 'alert',
      audience: 'law_enforcement',
      title: 'LE only',
      language: 'en',
      fileIds: [file.id],
    });
    assert.equal(alert.statusCode, 201, alert.body);
    await customsStream.waitFor((e) => e.type === 'notification');
    // Several polls later the IGO stream has still said nothing of it.
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(
      igoStream.events.filter((e) => e.type === 'notification').length,
      0,
      JSON.stringify(igoStream.events),
    );
    const igoCounts = igoStream.events.filter((e) => e.type === 'unread');
    assert.ok(igoCounts.every((e) => e.type === 'unread' && e.counts.totalNotifications === 0));

    // Removed: the next message to the group no longer reaches the stream.
    const removed = await owner.client.call('DELETE', `/api/v1/groups/${groupId}/members/${igo.userId}`);
    assert.equal(removed.statusCode, 204);
    const before = igoStream.events.length;
    const second = await owner.client.call('POST', `/api/v1/groups/${groupId}/messages`, {
      to: { kind: 'group' },
      subject: 'After removal',
      body: 'Not for the removed member.',
    });
    assert.equal(second.statusCode, 201);
    await customsStream.waitFor(
      (e) => e.type === 'message' && e.messageId === second.json<{ id: string }>().id,
    );
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(igoStream.events.length, before);

    // Signing out ends the stream at the next poll.
    const signedOut = await customs.client.call('POST', '/api/v1/auth/sign-out');
    assert.ok(signedOut.statusCode < 300, signedOut.body);
    await Promise.race([
      customsStream.ended,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('stream still open after sign-out')), 5000),
      ),
    ]);
    customsStream.close();
    igoStream.close();
  });

  test('the stream needs a signed-in session', async () => {
    const anonymous = await new Promise<number>((resolve, reject) =>
      http
        .get(`${base}${GROUPS_STREAM_PATH}`, (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        })
        .on('error', reject),
    );
    assert.equal(anonymous, 401);
  });
});
