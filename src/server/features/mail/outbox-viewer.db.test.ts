/**
 * The outbox viewer: Secretariat admins list queued e-mail and open the body of one not yet sent (audited); data
 * officers, focal points and anonymous callers are refused, and row-level security hides the outbox from a
 * non-admin even inside the database. Sent messages keep no body to open.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { testClock } from '../../../../test/support/identity.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import type { UserActor } from '../../../shared/actor.ts';
import { outboxBodySchema, outboxPageSchema } from '../../../shared/outbox.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { auditEntries, signedInUser, type SignedInUser } from '../groups/groups.test-support.ts';
import { linkAuditEntries } from '../audit/index.ts';

let t: TestApp;
const clock = testClock();
let admin: SignedInUser;
let officer: SignedInUser;
let focalPoint: SignedInUser;

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  admin = await signedInUser(t, clock, { kind: 'secretariat', role: 'admin' });
  officer = await signedInUser(t, clock, { kind: 'secretariat', role: 'data_officer' });
  focalPoint = await signedInUser(t, clock, { kind: 'party', party: 'KE', role: 'focal_point' });
  // The focal point forgets their password: the platform queues a message with a reset link, not yet sent.
  const reset = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset/request',
    payload: { email: focalPoint.email },
  });
  assert.equal(reset.statusCode, 202, reset.body);
});
after(async () => t?.close());

const listAs = (user: SignedInUser, query = '') => user.client.call('GET', `/api/v1/outbox${query}`);

describe('outbox viewer', () => {
  test('an admin lists the waiting message and opens its link, and the opening is audited', async () => {
    const response = await listAs(admin, `?status=waiting&recipient=${encodeURIComponent(focalPoint.email)}`);
    assert.equal(response.statusCode, 200, response.body);
    const page = outboxPageSchema.parse(response.json());
    assert.equal(page.items.length, 1);
    const [message] = page.items;
    assert.equal(message!.recipient, focalPoint.email);
    assert.equal(message!.status, 'waiting');
    assert.equal(message!.hasBody, true);

    const opened = await admin.client.call('GET', `/api/v1/outbox/${message!.id}`);
    assert.equal(opened.statusCode, 200, opened.body);
    const body = outboxBodySchema.parse(opened.json());
    assert.match(body.body, /\/reset-password\/complete\?token=/);

    await linkAuditEntries(t.database.db);
    const audited = await auditEntries(t, 'outbox.body_read');
    assert.ok(
      audited.some((entry) => entry.target_id === String(message!.id)),
      'who opened which message is in the audit log',
    );
  });

  test('filters by status: a message is waiting until sent, then keeps no body', async () => {
    const mine = `&recipient=${encodeURIComponent(focalPoint.email)}`;
    const waiting = outboxPageSchema.parse((await listAs(admin, `?status=waiting${mine}`)).json());
    const id = waiting.items[0]!.id;
    await t.database.db
      .updateTable('outbox')
      .set({ sent_at: new Date(), body: '' })
      .where('id', '=', id)
      .execute();
    const sent = outboxPageSchema.parse((await listAs(admin, `?status=sent${mine}`)).json());
    const shown = sent.items.find((item) => item.id === id);
    assert.equal(shown?.status, 'sent');
    assert.equal(shown?.hasBody, false);
    const stillWaiting = outboxPageSchema.parse((await listAs(admin, `?status=waiting${mine}`)).json());
    assert.ok(!stillWaiting.items.some((item) => item.id === id));
  });

  test('data officers, focal points and anonymous callers are refused', async () => {
    const [any] = outboxPageSchema.parse((await listAs(admin)).json()).items;
    for (const user of [officer, focalPoint]) {
      assert.equal((await listAs(user)).statusCode, 403);
      assert.equal((await user.client.call('GET', `/api/v1/outbox/${any!.id}`)).statusCode, 403);
    }
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/outbox' })).statusCode, 401);
  });

  test('row-level security hides the outbox from anyone but Secretariat admins', async () => {
    const focalPointActor: UserActor = {
      kind: 'user',
      userId: focalPoint.userId,
      label: focalPoint.name,
      organisationId: randomUUID(),
      organisationKind: 'party',
      party: 'KE',
      role: 'focal_point',
      hasItdAccess: true,
    };
    const seen = await withActor(t.database.db, focalPointActor, (tx) =>
      tx.selectFrom('outbox').select('id').execute(),
    );
    assert.deepEqual(seen, [], 'a focal point reads no message, not even their own');
    const secretariatMember: UserActor = {
      ...focalPointActor,
      organisationKind: 'secretariat',
      party: null,
      role: 'data_officer',
    };
    const seenByOfficer = await withActor(t.database.db, secretariatMember, (tx) =>
      tx.selectFrom('outbox').select('id').execute(),
    );
    assert.deepEqual(seenByOfficer, [], 'a Secretariat data officer reads none either');
  });
});
