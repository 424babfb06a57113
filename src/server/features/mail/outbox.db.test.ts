/**
 * The outbox keeps no usable link once a message is delivered: the body goes to the mail server, then is emptied;
 * who, what subject and when stay for the record.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemActor } from '../../../shared/actor.ts';
import { withActor } from '../../db/with-actor.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp.ts';
import { createMailSender, queueMail } from './mail.service.ts';
import { emptyStaleOutboxBodies } from './outbox-retention.ts';

let database: TestDatabase;
let smtp: TestSmtp;
before(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtp();
});
after(async () => {
  await smtp?.close();
  await database?.close();
});

const silent = { info: () => {}, warn: () => {} };

test('a delivered message leaves its subject and time in the outbox, not its body', async () => {
  const actor = systemActor('outbox test');
  const link = 'https://itd.test/reset-password?token=secret-reset-token-1234';
  await withActor(database.db, actor, (tx) =>
    queueMail(tx, {
      to: 'officer@example.org',
      language: 'en',
      template: 'password_reset',
      params: { firstName: 'Officer', link, hours: 1 },
    }),
  );
  const sender = createMailSender({
    db: database.db,
    smtpUrl: smtp.url,
    from: 'itd@example.org',
    log: silent,
  });
  try {
    assert.equal(await sender.flush(), 1);
  } finally {
    await sender.stop();
  }
  const received = await smtp.waitFor('officer@example.org');
  assert.match(received.text, /secret-reset-token-1234/, 'the recipient got the link');

  const rows = await withActor(database.db, actor, (tx) =>
    tx.selectFrom('outbox').select(['recipient', 'subject', 'body', 'sent_at']).execute(),
  );
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.recipient, 'officer@example.org');
  assert.ok(rows[0]!.subject.length > 0);
  assert.ok(rows[0]!.sent_at, 'the time it was sent is kept');
  assert.equal(rows[0]!.body, '', 'no body, so no usable link, is kept after delivery');
});

test('a message never sent keeps its body only for the retention, then is emptied and not sent', async () => {
  const actor = systemActor('outbox test');
  await withActor(database.db, actor, (tx) =>
    queueMail(tx, {
      to: 'unsent@example.org',
      language: 'fr',
      template: 'password_reset',
      params: { firstName: 'Agent', link: 'https://itd.test/reset?token=unsent-secret-5678', hours: 1 },
    }),
  );
  const bodyOf = async () =>
    (
      await withActor(database.db, actor, (tx) =>
        tx
          .selectFrom('outbox')
          .select(['body', 'attempts'])
          .where('recipient', '=', 'unsent@example.org')
          .executeTakeFirstOrThrow(),
      )
    ).body;
  const now = Date.now();
  assert.equal(
    await emptyStaleOutboxBodies(database.db, { now: new Date(now + 23 * 3_600_000), retentionHours: 24 }),
    0,
  );
  assert.match(await bodyOf(), /unsent-secret-5678/, 'kept within the retention, for the sender to try');
  assert.equal(
    await emptyStaleOutboxBodies(database.db, { now: new Date(now + 25 * 3_600_000), retentionHours: 24 }),
    1,
  );
  assert.equal(await bodyOf(), '', 'no link is kept past the retention');
  // The sender does not deliver an emptied message.
  const sender = createMailSender({
    db: database.db,
    smtpUrl: smtp.url,
    from: 'itd@example.org',
    log: silent,
  });
  try {
    await sender.flush();
  } finally {
    await sender.stop();
  }
  assert.equal(smtp.messages.filter((m) => m.to.includes('unsent@example.org')).length, 0);
});
