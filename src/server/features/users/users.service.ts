/**
 * The Secretariat's user management: the list, and suspension, reinstatement and withdrawal. A
 * suspended or withdrawn user's sessions and tokens stop at their next request (the front door
 * checks the status every time); the sessions are also ended here, and the person is told by e-mail.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { User } from '../../../shared/admin.contract.ts';
import { can } from '../../../shared/permissions.ts';
import { withActor } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { revokeAllSessions, revokeAllTokens } from '../identity/index.ts';
import type { IdentityDeps } from '../identity/index.ts';
import { queueMail } from '../mail/index.ts';
import { findUserRow, listUserRows, setUserStatus, type UserRow } from './users.repo.ts';

export type StatusChange = 'suspend' | 'reinstate' | 'withdraw';

function abilities(actor: Actor, row: UserRow): User['abilities'] {
  if (!can(actor, 'user.suspend') || (actor.kind === 'user' && actor.userId === row.id)) return [];
  if (row.status === 'active') return ['suspend', 'withdraw'];
  if (row.status === 'suspended') return ['reinstate', 'withdraw'];
  return [];
}

function toUser(actor: Actor, row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    functionTitle: row.function_title,
    language: row.language,
    role: row.role,
    hasItdAccess: row.has_itd_access,
    status: row.status,
    statusReason: row.status_reason,
    organisation: {
      id: row.organisation_id,
      name: row.organisation_name,
      kind: row.organisation_kind,
      party: row.party,
    },
    secondFactorEnrolled: row.totp_enrolled_at !== null,
    lastActiveAt: row.last_active_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    abilities: abilities(actor, row),
  };
}

export async function listUsers(
  deps: IdentityDeps,
  actor: Actor,
  _request: RequestContext,
  query: {
    status?: User['status'] | undefined;
    organisationId?: string | undefined;
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  if (!can(actor, 'user.list')) throw new ForbiddenError();
  const afterEmail = query.cursor ? Buffer.from(query.cursor, 'base64url').toString('utf8') : null;
  const rows = await withActor(deps.db, actor, (tx) => listUserRows(tx, { ...query, afterEmail }), {
    readsOnly: true,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toUser(actor, row)),
    nextCursor:
      rows.length > query.limit && last ? Buffer.from(last.email, 'utf8').toString('base64url') : null,
  };
}

const NEXT_STATUS = { suspend: 'suspended', reinstate: 'active', withdraw: 'withdrawn' } as const;
const TEMPLATE = {
  suspend: 'account_suspended',
  reinstate: 'account_reinstated',
  withdraw: 'account_withdrawn',
} as const;

/** Suspends, reinstates or withdraws a user; the person is told by e-mail. */
export async function changeUserStatus(
  deps: IdentityDeps,
  actor: Actor,
  request: RequestContext,
  input: { userId: string; change: StatusChange; reason: string },
): Promise<User> {
  if (!can(actor, 'user.suspend')) throw new ForbiddenError();
  const { userId, change, reason } = input;
  const user = await withActor(deps.db, actor, async (tx) => {
    const row = await findUserRow(tx, userId, { forUpdate: true });
    if (!row) throw new NotFoundError();
    if (!abilities(actor, row).includes(change))
      throw new ValidationError([{ field: 'status', reason: 'invalid' }]);
    const now = deps.clock();
    await setUserStatus(tx, userId, {
      status: NEXT_STATUS[change],
      reason: change === 'reinstate' ? null : reason,
      now,
    });
    if (change !== 'reinstate') {
      await revokeAllSessions(tx, userId, now);
      await revokeAllTokens(tx, userId, now);
    }
    await queueMail(tx, {
      to: row.email,
      language: row.language,
      template: TEMPLATE[change],
      params: { firstName: row.first_name, reason },
    });
    await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
      action: `user.${NEXT_STATUS[change] === 'active' ? 'reinstated' : NEXT_STATUS[change]}`,
      targetType: 'user',
      targetId: userId,
      details: { reason },
    });
    const updated = await findUserRow(tx, userId, { forUpdate: false });
    if (!updated) throw new NotFoundError();
    return toUser(actor, updated);
  });
  deps.mail.kick();
  return user;
}
