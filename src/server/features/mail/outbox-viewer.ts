/**
 * The outbox viewer's use cases (Secretariat admins, `outbox.read`): a page of messages, and the body of one not yet
 * sent. A platform run without a mail server leaves its messages here, and an admin passes a verification or
 * password link on by other means. Bodies are the sensitive part (they carry those links): each one opened is
 * recorded in the audit log, and only unsent ones still have a body (sent ones are emptied at once, unsent ones after
 * OUTBOX_UNSENT_BODY_HOURS).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../shared/actor.ts';
import type { OutboxBody, OutboxMessage, OutboxPage, OutboxQuery } from '../../../shared/outbox.contract.ts';
import { can } from '../../../shared/permissions.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { MAX_DELIVERY_ATTEMPTS } from './mail.repo.ts';
import { selectOutboxMessage, selectOutboxPage, type OutboxRow } from './outbox-viewer.repo.ts';

export interface OutboxViewerDeps {
  db: Kysely<DB>;
  clock: () => Date;
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    recipient: row.recipient,
    subject: row.subject,
    language: row.language,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    status: row.sent_at ? 'sent' : row.attempts >= MAX_DELIVERY_ATTEMPTS ? 'undeliverable' : 'waiting',
    attempts: row.attempts,
    lastError: row.last_error,
    hasBody: row.has_body,
  };
}

export async function listOutbox(
  deps: OutboxViewerDeps,
  actor: Actor,
  request: RequestContext,
  query: OutboxQuery,
): Promise<OutboxPage> {
  if (!can(actor, 'outbox.read')) throw new ForbiddenError();
  const rows = await withActor(deps.db, actor, async (tx) => {
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'outbox.viewed',
      details: { filters },
    });
    return selectOutboxPage(tx, query);
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toMessage),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

export async function readOutboxBody(
  deps: OutboxViewerDeps,
  actor: Actor,
  request: RequestContext,
  id: number,
): Promise<OutboxBody> {
  if (!can(actor, 'outbox.read')) throw new ForbiddenError();
  return withActor(deps.db, actor, async (tx) => {
    const row = await selectOutboxMessage(tx, id);
    if (!row) throw new NotFoundError();
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: 'outbox.body_read',
      targetType: 'outbox',
      targetId: String(id),
      details: { recipient: row.recipient, subject: row.subject, hadBody: row.has_body },
    });
    return { ...toMessage(row), body: row.body };
  });
}
