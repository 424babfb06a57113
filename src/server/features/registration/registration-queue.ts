/** The vetting queue: the registrations an actor may see, filtered and paged (oldest first). */
import type { Actor } from '../../../shared/actor.ts';
import { can } from '../../../shared/permissions.ts';
import type { Registration } from '../../../shared/registration.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { IdentityDeps } from '../identity/index.ts';
import { listRegistrationRows } from './registration.repo.ts';
import { toRegistration } from './registration.service.ts';

export interface QueueQuery {
  status: Registration['status'];
  party?: string | undefined;
  organisationKind?: 'secretariat' | 'party' | 'iccwc' | 'igo' | undefined;
  olderThanDays?: number | undefined;
  cursor?: string | undefined;
  limit: number;
}

function decodeQueueCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)))
    throw new ValidationError([{ field: 'cursor', reason: 'invalid' }]);
  return { at: new Date(at), id };
}

/** A focal point sees only their own Party's requests (also enforced by row-level security). */
export async function listRegistrations(
  deps: IdentityDeps,
  actor: Actor,
  _request: RequestContext,
  query: QueueQuery,
) {
  const isReviewer = can(actor, 'registration.review');
  if (!isReviewer && !can(actor, 'registration.endorse')) throw new ForbiddenError();
  const countries = [
    ...(!isReviewer && actor.kind === 'user' ? [actor.party ?? ''] : []),
    ...(query.party ? [query.party] : []),
  ];
  const after = decodeQueueCursor(query.cursor);
  const rows = await withActor(
    deps.db,
    actor,
    (tx) =>
      listRegistrationRows(tx, {
        status: query.status,
        countries,
        createdBefore:
          query.olderThanDays === undefined ? null : new Date(Date.now() - query.olderThanDays * 86_400_000),
        organisationKind: query.organisationKind,
        after,
        limit: query.limit,
      }),
    { readsOnly: true },
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toRegistration(row, actor)),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`, 'utf8').toString('base64url')
        : null,
  };
}
