/**
 * Reading the group library: documents and alerts with an audience and a version history. Every query filters by
 * the audiences the caller's category may see (visibleAudiences), so an item outside them is absent from lists,
 * totals and search, and its id answers 404; row-level security restates the rule. Reads are audited. Publishing
 * is in publish-library-item.ts.
 */
import type { Actor, UserActor } from '../../../shared/actor.ts';
import type { LibraryItem, LibrarySummary } from '../../../shared/groups.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { NotFoundError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { toUploadedFile } from './files.service.ts';
import { filesOf } from './files.repo.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { can, visibleAudiences, type MembershipFacts } from './groups.policy.ts';
import type { GroupRow } from './groups.repo.ts';
import { facts, loadMemberAccess } from './groups.service.ts';
import {
  currentFileCounts,
  findItem,
  listItemRows,
  versionsOf,
  type ItemRow,
  type LibraryFilter,
} from './library.repo.ts';
import { decodeCursor, pageOf } from './paging.ts';

const toSummary = (row: ItemRow, fileCount: number): LibrarySummary => ({
  id: row.id,
  groupId: row.group_id,
  kind: row.kind,
  audience: row.audience,
  title: row.title,
  summary: row.summary,
  language: row.language,
  tags: row.tags,
  version: row.current_version,
  fileCount,
  publishedAt: row.published_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function listLibrary(
  deps: GroupsDeps,
  actor: Actor,
  _request: RequestContext,
  query: LibraryFilter & { groupId: string; cursor?: string | undefined; limit: number },
) {
  const user = groupUser(actor);
  return withActor(
    deps.db,
    user,
    async (tx) => {
      const { membership } = await loadMemberAccess(tx, user, query.groupId);
      const { rows, total } = await listItemRows(tx, query.groupId, visibleAudiences(membership), query, {
        after: decodeCursor(query.cursor),
        limit: query.limit,
      });
      const paged = pageOf(rows, query.limit, (r) => ({ at: r.updated_at, id: r.id }));
      const counts = await currentFileCounts(
        tx,
        paged.items.map((r) => r.id),
      );
      return {
        items: paged.items.map((r) => toSummary(r, counts.get(r.id) ?? 0)),
        total,
        nextCursor: paged.nextCursor,
      };
    },
    { readsOnly: true },
  );
}

export async function loadItem(tx: Tx, groupId: string, membership: MembershipFacts, itemId: string) {
  const row = await findItem(tx, groupId, visibleAudiences(membership), itemId);
  // Security: an item outside the caller's audiences is a 404 exactly like a missing one (tested by id guessing).
  if (!row) throw new NotFoundError();
  return row;
}

export async function toItem(
  tx: Tx,
  user: UserActor,
  group: GroupRow,
  membership: MembershipFacts,
  row: ItemRow,
): Promise<LibraryItem> {
  const versions = await versionsOf(tx, row.id);
  const files = await filesOf(
    tx,
    'library_version_id',
    versions.map((v) => v.id),
  );
  const current = files.filter((f) => f.library_version_id === versions[0]?.id).length;
  const mayPublish = can(user, membership, 'publish_item', {
    group: facts(group),
    audience: row.audience,
  });
  return {
    ...toSummary(row, current),
    versions: versions.map((v) => ({
      version: v.version,
      title: v.title,
      summary: v.summary,
      language: v.language,
      tags: v.tags,
      note: v.note,
      createdAt: v.created_at.toISOString(),
      createdBy: v.created_by_name,
      files: files.filter((f) => f.library_version_id === v.id).map(toUploadedFile),
    })),
    abilities: ['read', ...(mayPublish ? (['add_version'] as const) : [])],
  };
}

export async function readLibraryItem(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  params: { groupId: string; itemId: string },
): Promise<LibraryItem> {
  const user = groupUser(actor);
  return withActor(
    deps.db,
    user,
    async (tx) => {
      const { group, membership } = await loadMemberAccess(tx, user, params.groupId);
      const row = await loadItem(tx, params.groupId, membership, params.itemId);
      await recordAudit(tx, auditContextOf(user, deps.clock, request), {
        action: 'groups.library_read',
        targetType: 'library_item',
        targetId: row.id,
        details: { groupId: params.groupId, version: row.current_version },
      });
      return toItem(tx, user, group, membership, row);
    },
    // Its one write is the audit entry of what was read.
    { readsOnly: true },
  );
}
