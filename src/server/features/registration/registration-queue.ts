/** The vetting queue: the registrations an actor may see, filtered and paged (oldest first). */
import { sql } from 'kysely';
import type { Actor } from '../../../shared/actor.ts';
import { can } from '../../../shared/permissions.ts';
import type { Registration } from '../../../shared/registration.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import { selectRegistrations, toRegistration } from './registration.service.ts';

export interface QueueQuery {
  status: Registration['status'];
  party?: string | undefined;
  organisationKind?: 'secretariat' | 'party' | 'iccwc' | 'igo' | undefined;
  olderThanDays?: number | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * select r.* from registrations r … where status = $1 [and country = $party] [and created_at < …]
 * order by created_at, id. A focal point sees only their own Party's requests (also enforced by RLS).
 * The organisation kind matches requests naming an existing organisation of that kind.
 */
export async function listRegistrations(tx: Tx, actor: Actor, query: QueueQuery) {
  const isReviewer = can(actor, 'registration.review');
  if (!isReviewer && !can(actor, 'registration.endorse')) throw new ForbiddenError();
  let select = selectRegistrations(tx)
    .where('r.status', '=', query.status)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(query.limit + 1);
  if (!isReviewer && actor.kind === 'user') select = select.where('r.country', '=', actor.party ?? '');
  if (query.party) select = select.where('r.country', '=', query.party);
  if (query.olderThanDays !== undefined) {
    select = select.where('r.created_at', '<', new Date(Date.now() - query.olderThanDays * 86_400_000));
  }
  if (query.organisationKind) {
    const kind = query.organisationKind;
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('organisations as o')
          .select('o.id')
          .where(sql<boolean>`lower(o.name) = lower(r.organisation)`)
          .where('o.kind', '=', kind),
      ),
    );
  }
  if (query.cursor) {
    const [at, id] = Buffer.from(query.cursor, 'base64url').toString('utf8').split('|');
    if (!at || !id || Number.isNaN(Date.parse(at)))
      throw new ValidationError([{ field: 'cursor', reason: 'invalid' }]);
    select = select.where((eb) =>
      eb.or([
        eb('r.created_at', '>', new Date(at)),
        eb.and([eb('r.created_at', '=', new Date(at)), eb('r.id', '>', id)]),
      ]),
    );
  }
  const rows = await select.execute();
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
