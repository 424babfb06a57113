/**
 * Two server instances on one database (docs/TOPOLOGY.md): a message posted through one reaches a member whose live
 * stream is open on the other, and the member's session (signed in through the first) is good on the second. On
 * PostgreSQL the second instance has its own connection pool; on the embedded database it shares the one database.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { buildApp, type App } from '../../app.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { testClock } from '../../../../test/support/identity.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { GROUPS_STREAM_PATH, type GroupStreamEvent } from '../../../shared/groups.contract.ts';
import { addMember, makeGroup, signedInUser, type SignedInUser } from './groups.test-support.ts';

const clock = testClock();
let first: TestApp;
let second: App;
let secondDatabase: Database | null = null;
let secondBase: string;
let owner: SignedInUser;
let member: SignedInUser;
let outsider: SignedInUser;
let groupId: string;

before(async () => {
  const env = {
    RATE_LIMIT_MAX: '100000',
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000',
    GROUP_STREAM_POLL_MS: '250',
  };
  first = await createTestApp(env, { clock });
  secondDatabase = first.database.url
    ? await openDatabase({ databaseUrl: first.database.url, poolSize: 4 })
    : null;
  second = await buildApp({ database: secondDatabase ?? first.database, settings: first.settings, clock });
  await second.listen({ port: 0, host: '127.0.0.1' });
  secondBase = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
  owner = await signedInUser(first, clock);
  member = await signedInUser(first, clock);
  outsider = await signedInUser(first, clock);
  groupId = await makeGroup(first);
  await addMember(first, groupId, owner, 'wildlife_enforcement', true);
  await addMember(first, groupId, member, 'customs');
});
after(async () => {
  await second?.close();
  await secondDatabase?.close();
  await first?.close();
});

/** Opens the member's stream on the second server and collects its events. */
function streamOnSecond(user: SignedInUser): Promise<{ events: GroupStreamEvent[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${secondBase}${GROUPS_STREAM_PATH}`,
      { headers: { cookie: `itd_session=${user.client.cookie}` } },
      (response) => {
        assert.equal(response.statusCode, 200, 'the session from the first server is good on the second');
        const events: GroupStreamEvent[] = [];
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
            const data = buffer
              .slice(0, cut)
              .split('\n')
              .find((line) => line.startsWith('data: '));
            buffer = buffer.slice(cut + 2);
            if (data) events.push(JSON.parse(data.slice(6)) as GroupStreamEvent);
          }
        });
        resolve({ events, close: () => request.destroy() });
      },
    );
    request.on('error', reject);
  });
}

async function eventually<T>(find: () => T | undefined, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error('the event did not arrive');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a message posted through one server reaches a member streaming from another', async () => {
  const stream = await streamOnSecond(member);
  const outsiderStream = await streamOnSecond(outsider);
  try {
    await eventually(() => stream.events.find((event) => event.type === 'unread'));
    const sent = await owner.client.call('POST', `/api/v1/groups/${groupId}/messages`, {
      to: { kind: 'group' },
      subject: 'Across servers',
      body: 'Posted on the first, heard on the second.',
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const messageId = sent.json<{ id: string }>().id;
    const heard = await eventually(() =>
      stream.events.find((event) => event.type === 'message' && event.messageId === messageId),
    );
    assert.deepEqual(heard, { type: 'message', groupId, messageId, threadId: messageId });
    // Someone outside the group, streaming from the same server, hears nothing of it (several polls later).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.ok(
      outsiderStream.events.some((event) => event.type === 'unread'),
      "the outsider's stream is open",
    );
    assert.ok(!outsiderStream.events.some((event) => event.type === 'message'));
  } finally {
    stream.close();
    outsiderStream.close();
  }
});
