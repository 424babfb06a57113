/**
 * Joining a group: a signed-in person asks (or the Secretariat files the groups a registrant asked for when it
 * approves the registration); an owner approves with a member category or rejects with a reason; the person is
 * told by e-mail. Each decision is in the audit log.
 */
import type { Selectable } from 'kysely';
import type { JoinRequest, JoinRequestInput, MemberCategory } from '../../../shared/groups.contract.ts';
import type { Settings } from '../../config.ts';
import type { GroupJoinRequestsTable } from '../../db/schema-groups.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueMail } from '../mail/mail.service.ts';
import { auditCtx, type GroupCtx } from './groups-deps.ts';
import { can } from './groups.policy.ts';
import { facts, loadGroupAccess } from './groups.service.ts';
import { groupContacts, groupLink, groupName, mailContacts, notifyInApp } from './notify.ts';
import { decodeCursor, pageOf } from './paging.ts';

type JoinRow = Selectable<GroupJoinRequestsTable>;

export function toJoinRequest(row: JoinRow, mayDecide: boolean): JoinRequest {
  return {
    id: row.id,
    groupId: row.group_id,
    country: row.country,
    lastName: row.last_name,
    firstName: row.first_name,
    organisation: row.organisation,
    functionTitle: row.function_title,
    telephone: row.telephone,
    officialEmail: row.official_email,
    reason: row.reason,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    category: row.category,
    decisionReason: row.decision_reason,
    fromRegistration: row.registration_id !== null,
    abilities: mayDecide && row.status === 'pending' ? ['decide'] : [],
  };
}

/** Inserts a pending request and tells the owners (in the app and by e-mail); no duplicate pending request. */
async function fileJoinRequest(
  tx: Tx,
  settings: Settings,
  values: JoinRequestInput & {
    groupId: string;
    userId: string;
    registrationId: string | null;
    language: 'en' | 'fr' | 'es';
  },
  now: Date,
): Promise<JoinRow> {
  const group = await tx
    .selectFrom('groups')
    .selectAll()
    .where('id', '=', values.groupId)
    .executeTakeFirstOrThrow();
  const row = await tx
    .insertInto('group_join_requests')
    .values({
      group_id: values.groupId,
      user_id: values.userId,
      registration_id: values.registrationId,
      country: values.country,
      last_name: values.lastName,
      first_name: values.firstName,
      organisation: values.organisation,
      function_title: values.functionTitle,
      telephone: values.telephone,
      official_email: values.officialEmail,
      reason: values.reason,
      language: values.language,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const owners = await groupContacts(tx, values.groupId, 'all_members', true);
  await notifyInApp(tx, {
    userIds: owners.map((o) => o.user_id),
    groupId: values.groupId,
    kind: 'join_requested',
    targetId: row.id,
    audience: 'all_members',
    title: `${values.firstName} ${values.lastName}`,
    now,
  });
  await mailContacts(tx, settings, group, owners, 'group_join_requested', '/join-requests');
  return row;
}

export async function requestToJoin(
  tx: Tx,
  ctx: GroupCtx,
  settings: Settings,
  groupId: string,
  input: JoinRequestInput,
): Promise<JoinRequest> {
  const { group, membership } = await loadGroupAccess(tx, ctx.actor, groupId);
  if (!can(ctx.actor, membership, 'request_join', { group: facts(group) })) {
    if (membership) throw new ValidationError([{ field: 'groupId', reason: 'already_member' }]);
    throw new NotFoundError();
  }
  const pending = await tx
    .selectFrom('group_join_requests')
    .select('id')
    .where('group_id', '=', groupId)
    .where('user_id', '=', ctx.actor.userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending) throw new ValidationError([{ field: 'groupId', reason: 'already_member' }]);
  const me = await tx
    .selectFrom('users')
    .select('language')
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  const row = await fileJoinRequest(
    tx,
    settings,
    { ...input, groupId, userId: ctx.actor.userId, registrationId: null, language: me.language },
    ctx.clock(),
  );
  await recordAudit(tx, auditCtx(ctx), {
    action: 'groups.join_requested',
    targetType: 'group_join_request',
    targetId: row.id,
    details: { groupId },
  });
  return toJoinRequest(row, false);
}

export async function listJoinRequests(
  tx: Tx,
  ctx: GroupCtx,
  groupId: string | null,
  query: { status: 'pending' | 'approved' | 'rejected'; cursor?: string | undefined; limit: number },
) {
  let mayDecide = false;
  let select = tx.selectFrom('group_join_requests').selectAll().where('status', '=', query.status);
  if (groupId) {
    const { group, membership } = await loadGroupAccess(tx, ctx.actor, groupId);
    if (!can(ctx.actor, membership, 'moderate', { group: facts(group) })) {
      if (membership) throw new ForbiddenError();
      throw new NotFoundError();
    }
    mayDecide = true;
    select = select.where('group_id', '=', groupId);
  } else {
    select = select.where('user_id', '=', ctx.actor.userId);
  }
  const after = decodeCursor(query.cursor);
  if (after) {
    select = select.where((eb) =>
      eb.or([
        eb('created_at', '>', new Date(after.at)),
        eb.and([eb('created_at', '=', new Date(after.at)), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy('created_at')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = pageOf(rows, query.limit, (r) => ({ at: r.created_at, id: r.id }));
  return { items: page.items.map((r) => toJoinRequest(r, mayDecide)), nextCursor: page.nextCursor };
}

async function loadPendingForDecision(tx: Tx, ctx: GroupCtx, groupId: string, requestId: string) {
  const { group, membership } = await loadGroupAccess(tx, ctx.actor, groupId);
  if (!can(ctx.actor, membership, 'moderate', { group: facts(group) })) {
    if (membership) throw new ForbiddenError();
    throw new NotFoundError();
  }
  const row = await tx
    .selectFrom('group_join_requests')
    .selectAll()
    .where('id', '=', requestId)
    .where('group_id', '=', groupId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  if (row.status !== 'pending') throw new ValidationError([{ field: 'requestId', reason: 'expired' }]);
  return { group, row };
}

export async function approveJoinRequest(
  tx: Tx,
  ctx: GroupCtx,
  settings: Settings,
  ids: { groupId: string; requestId: string },
  input: { category: MemberCategory; isOwner: boolean },
): Promise<JoinRequest> {
  const { group, row } = await loadPendingForDecision(tx, ctx, ids.groupId, ids.requestId);
  const now = ctx.clock();
  await tx
    .insertInto('group_members')
    .values({
      group_id: group.id,
      user_id: row.user_id,
      category: input.category,
      is_owner: input.isOwner,
      display_name: `${row.first_name} ${row.last_name}`,
      organisation_name: row.organisation,
      country: row.country,
      joined_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['group_id', 'user_id']).doUpdateSet({ category: input.category, is_owner: input.isOwner }),
    )
    .execute();
  const decided = await tx
    .updateTable('group_join_requests')
    .set({ status: 'approved', category: input.category, decided_by: ctx.actor.userId, decided_at: now })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await queueMail(tx, {
    to: row.official_email,
    language: row.language,
    template: 'group_join_approved',
    params: {
      firstName: row.first_name,
      group: groupName(group, row.language),
      link: groupLink(settings, group.id),
    },
  });
  await notifyInApp(tx, {
    userIds: [row.user_id],
    groupId: group.id,
    kind: 'join_decided',
    targetId: row.id,
    audience: 'all_members',
    title: groupName(group, row.language),
    now,
  });
  await recordAudit(tx, auditCtx(ctx), {
    action: 'groups.join_approved',
    targetType: 'group_join_request',
    targetId: row.id,
    details: { groupId: group.id, userId: row.user_id, category: input.category, isOwner: input.isOwner },
  });
  return toJoinRequest(decided, true);
}

export async function rejectJoinRequest(
  tx: Tx,
  ctx: GroupCtx,
  ids: { groupId: string; requestId: string },
  reason: string,
): Promise<JoinRequest> {
  const { group, row } = await loadPendingForDecision(tx, ctx, ids.groupId, ids.requestId);
  const decided = await tx
    .updateTable('group_join_requests')
    .set({
      status: 'rejected',
      decision_reason: reason,
      decided_by: ctx.actor.userId,
      decided_at: ctx.clock(),
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await queueMail(tx, {
    to: row.official_email,
    language: row.language,
    template: 'group_join_rejected',
    params: { firstName: row.first_name, group: groupName(group, row.language), reason },
  });
  await recordAudit(tx, auditCtx(ctx), {
    action: 'groups.join_rejected',
    targetType: 'group_join_request',
    targetId: row.id,
    details: { groupId: group.id, userId: row.user_id },
  });
  return toJoinRequest(decided, true);
}

/**
 * When the Secretariat approves a registration, each requested group that names an active group (its id, or
 * its name in any language, case and spacing ignored) becomes a join request for that group's owners. Names
 * that match nothing are left for the Secretariat; the list of those is returned.
 */
export async function fileRegistrationJoinRequests(
  tx: Tx,
  settings: Settings,
  registration: {
    id: string;
    userId: string;
    requestedGroups: string[];
    country: string;
    lastName: string;
    firstName: string;
    organisation: string;
    functionTitle: string;
    telephone: string;
    email: string;
    justification: string;
    language: 'en' | 'fr' | 'es';
  },
  now: Date,
): Promise<{ filed: string[]; unmatched: string[] }> {
  const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  const groups = await tx
    .selectFrom('groups')
    .select(['id', 'name_en', 'name_fr', 'name_es'])
    .where('status', '=', 'active')
    .execute();
  const filed: string[] = [];
  const unmatched: string[] = [];
  for (const wanted of registration.requestedGroups) {
    const match = groups.find(
      (g) =>
        g.id === wanted.trim() || [g.name_en, g.name_fr, g.name_es].some((n) => normal(n) === normal(wanted)),
    );
    if (!match) {
      unmatched.push(wanted);
      continue;
    }
    if (filed.includes(match.id)) continue;
    await fileJoinRequest(
      tx,
      settings,
      {
        groupId: match.id,
        userId: registration.userId,
        registrationId: registration.id,
        language: registration.language,
        country: registration.country,
        lastName: registration.lastName,
        firstName: registration.firstName,
        organisation: registration.organisation,
        functionTitle: registration.functionTitle,
        telephone: registration.telephone,
        officialEmail: registration.email,
        reason: registration.justification,
      },
      now,
    );
    filed.push(match.id);
  }
  return { filed, unmatched };
}
