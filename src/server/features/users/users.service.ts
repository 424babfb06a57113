/**
 * The Secretariat's user management: the list, and suspension, reinstatement and withdrawal. A
 * suspended or withdrawn user's sessions and tokens stop at their next request (the front door
 * checks the status every time); the sessions are also ended here, and the person is told by e-mail.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { User } from '../../../shared/admin.contract.ts';
import { can } from '../../../shared/permissions.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { revokeAllSessions } from '../identity/identity.repo.ts';
import type { RequestMeta } from '../identity/identity-deps.ts';
import { queueMail } from '../mail/mail.service.ts';

type Ctx = { actor: Actor; clock: () => Date; meta: RequestMeta };
export type StatusChange = 'suspend' | 'reinstate' | 'withdraw';

function selectUsers(tx: Tx) {
  return tx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id',
      'u.email',
      'u.first_name',
      'u.last_name',
      'u.function_title',
      'u.language',
      'u.role',
      'u.has_itd_access',
      'u.status',
      'u.status_reason',
      'u.totp_enrolled_at',
      'u.last_active_at',
      'u.created_at',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'o.party',
    ]);
}
type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

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
  tx: Tx,
  actor: Actor,
  query: {
    status?: User['status'] | undefined;
    organisationId?: string | undefined;
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  if (!can(actor, 'user.list')) throw new ForbiddenError();
  let select = selectUsers(tx)
    .orderBy('u.email')
    .limit(query.limit + 1);
  if (query.status) select = select.where('u.status', '=', query.status);
  if (query.organisationId) select = select.where('u.organisation_id', '=', query.organisationId);
  if (query.q) {
    const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) =>
      eb.or([
        eb('u.email', 'like', pattern),
        eb(eb.fn('lower', ['u.last_name']), 'like', pattern),
        eb(eb.fn('lower', ['u.first_name']), 'like', pattern),
      ]),
    );
  }
  if (query.cursor)
    select = select.where('u.email', '>', Buffer.from(query.cursor, 'base64url').toString('utf8'));
  const rows = await select.execute();
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

export async function changeUserStatus(
  tx: Tx,
  ctx: Ctx,
  userId: string,
  change: StatusChange,
  reason: string,
): Promise<User> {
  if (!can(ctx.actor, 'user.suspend')) throw new ForbiddenError();
  const row = await selectUsers(tx).where('u.id', '=', userId).forUpdate('u').executeTakeFirst();
  if (!row) throw new NotFoundError();
  if (!abilities(ctx.actor, row).includes(change))
    throw new ValidationError([{ field: 'status', reason: 'invalid' }]);
  const now = ctx.clock();
  await tx
    .updateTable('users')
    .set({
      status: NEXT_STATUS[change],
      status_reason: change === 'reinstate' ? null : reason,
      ...(change === 'reinstate' ? { last_active_at: now, inactivity_warned_at: null } : {}),
    })
    .where('id', '=', userId)
    .execute();
  if (change !== 'reinstate') await revokeAllSessions(tx, userId, now);
  await queueMail(tx, {
    to: row.email,
    language: row.language,
    template: TEMPLATE[change],
    params: { firstName: row.first_name, reason },
  });
  await recordAudit(
    tx,
    { actor: ctx.actor, clock: ctx.clock, ...ctx.meta },
    {
      action: `user.${NEXT_STATUS[change] === 'active' ? 'reinstated' : NEXT_STATUS[change]}`,
      targetType: 'user',
      targetId: userId,
      details: { reason },
    },
  );
  const updated = await selectUsers(tx).where('u.id', '=', userId).executeTakeFirstOrThrow();
  return toUser(ctx.actor, updated);
}
