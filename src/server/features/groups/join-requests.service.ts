/**
 * Asking to join a group: a signed-in person asks (or the Secretariat files the groups a registrant asked for when
 * it approves the registration); the owners are told in the app and by e-mail. Owners decide in
 * decide-join-request.ts. Each request is in the audit log.
 */
import type { Actor } from '../../../shared/actor.ts';
import type { JoinRequest, JoinRequestInput } from '../../../shared/groups.contract.ts';
import type { Settings } from '../../config.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { can } from './groups.policy.ts';
import { findGroup, languageOfUser, listActiveGroupNames } from './groups.repo.ts';
import { facts, loadGroupAccess } from './groups.service.ts';
import {
  hasPendingRequest,
  insertJoinRequest,
  listJoinRequestRows,
  type JoinRow,
} from './join-requests.repo.ts';
import { groupContacts, notifyInApp } from './notifications.repo.ts';
import { mailContacts } from './notify.ts';
import { decodeCursor, pageOf } from './paging.ts';

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
  const group = await findGroup(tx, values.groupId);
  if (!group) throw new NotFoundError();
  const row = await insertJoinRequest(tx, {
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
  });
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
  await mailContacts(tx, settings, group, owners, 'group_join_requested', '/requests');
  return row;
}

export async function requestToJoin(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  input: JoinRequestInput & { groupId: string },
): Promise<JoinRequest> {
  const user = groupUser(actor);
  const { groupId, ...fields } = input;
  const created = await withActor(deps.db, user, async (tx) => {
    const { group, membership } = await loadGroupAccess(tx, user, groupId);
    if (!can(user, membership, 'request_join', { group: facts(group) })) {
      if (membership) throw new ValidationError([{ field: 'groupId', reason: 'already_member' }]);
      throw new NotFoundError();
    }
    if (await hasPendingRequest(tx, groupId, user.userId))
      throw new ValidationError([{ field: 'groupId', reason: 'already_member' }]);
    const language = await languageOfUser(tx, user.userId);
    const row = await fileJoinRequest(
      tx,
      deps.settings,
      { ...fields, groupId, userId: user.userId, registrationId: null, language },
      deps.clock(),
    );
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
      action: 'groups.join_requested',
      targetType: 'group_join_request',
      targetId: row.id,
      details: { groupId },
    });
    return toJoinRequest(row, false);
  });
  deps.mail.kick();
  return created;
}

/** A group's requests (its moderators) or, without a group, the caller's own. */
export async function listJoinRequests(
  deps: GroupsDeps,
  actor: Actor,
  _request: RequestContext,
  query: {
    groupId: string | null;
    status: 'pending' | 'approved' | 'rejected';
    cursor?: string | undefined;
    limit: number;
  },
) {
  const user = groupUser(actor);
  return withActor(
    deps.db,
    user,
    async (tx) => {
      let mayDecide = false;
      if (query.groupId) {
        const { group, membership } = await loadGroupAccess(tx, user, query.groupId);
        if (!can(user, membership, 'moderate', { group: facts(group) })) {
          if (membership) throw new ForbiddenError();
          throw new NotFoundError();
        }
        mayDecide = true;
      }
      const rows = await listJoinRequestRows(
        tx,
        query.groupId
          ? { status: query.status, groupId: query.groupId }
          : { status: query.status, userId: user.userId },
        { after: decodeCursor(query.cursor), limit: query.limit },
      );
      const page = pageOf(rows, query.limit, (r) => ({ at: r.created_at, id: r.id }));
      return { items: page.items.map((r) => toJoinRequest(r, mayDecide)), nextCursor: page.nextCursor };
    },
    { readsOnly: true },
  );
}

/**
 * When the Secretariat approves a registration, each requested group that names an active group (its id, or
 * its name in any language, case and spacing ignored) becomes a join request for that group's owners. Names
 * that match nothing are left for the Secretariat; the list of those is returned. A step of the approval's
 * transaction.
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
  const groups = await listActiveGroupNames(tx);
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
