/**
 * The group library: documents and alerts with an audience and a version history. Every query filters by the
 * audiences the caller's category may see (visibleAudiences), so an item outside them is absent from lists,
 * totals and search, and its id answers 404; row-level security restates the rule. Publishing an alert tells its
 * audience in the app and by e-mail (without its title or text); a document is announced in the app only.
 * Reads are audited.
 */
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type {
  Audience,
  CreateLibraryItem,
  LibraryItem,
  LibrarySummary,
} from '../../../shared/groups.contract.ts';
import type { Settings } from '../../config.ts';
import type { LibraryItemsTable } from '../../db/schema-groups.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { attachFiles, filesOf, toUploadedFile } from './files.service.ts';
import { auditCtx, type GroupCtx } from './groups-deps.ts';
import { can, visibleAudiences, type MembershipFacts } from './groups.policy.ts';
import type { GroupRow } from './groups.repo.ts';
import { facts, loadMemberAccess } from './groups.service.ts';
import { likePattern } from './messages.repo.ts';
import { groupContacts, mailContacts, notifyInApp } from './notify.ts';
import { decodeCursor, pageOf } from './paging.ts';
import { toPlainText } from './plain-text.ts';

type ItemRow = Selectable<LibraryItemsTable>;

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

async function currentFileCounts(tx: Tx, rows: ItemRow[]): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const counts = await tx
    .selectFrom('library_versions as v')
    .innerJoin('group_files as f', 'f.library_version_id', 'v.id')
    .innerJoin('library_items as i', (join) =>
      join.onRef('i.id', '=', 'v.item_id').onRef('i.current_version', '=', 'v.version'),
    )
    .select(['v.item_id', sql<string>`count(*)`.as('n')])
    .where(
      'v.item_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('v.item_id')
    .execute();
  return new Map(counts.map((c) => [c.item_id, Number(c.n)]));
}

export async function listLibrary(
  tx: Tx,
  ctx: GroupCtx,
  groupId: string,
  query: {
    kind?: 'document' | 'alert' | undefined;
    audience?: Audience | undefined;
    language?: 'en' | 'fr' | 'es' | undefined;
    tag?: string | undefined;
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const { membership } = await loadMemberAccess(tx, ctx.actor, groupId);
  const audiences = visibleAudiences(membership);
  let select = tx
    .selectFrom('library_items')
    .where('group_id', '=', groupId)
    // Security: the audience filter (groups.policy.ts); lists, totals and search all start here.
    .where('audience', 'in', audiences);
  if (query.kind) select = select.where('kind', '=', query.kind);
  if (query.audience) select = select.where('audience', '=', query.audience);
  if (query.language) select = select.where('language', '=', query.language);
  if (query.tag) select = select.where(sql<boolean>`${query.tag} = any(tags)`);
  if (query.q) {
    const pattern = likePattern(query.q);
    select = select.where((eb) =>
      eb.or([
        eb('title', 'ilike', pattern),
        eb('summary', 'ilike', pattern),
        eb(sql`array_to_string(tags, ' ')`, 'ilike', pattern),
      ]),
    );
  }
  const total = await select.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const after = decodeCursor(query.cursor);
  let page = select.selectAll();
  if (after) {
    page = page.where((eb) =>
      eb.or([
        eb('updated_at', '<', new Date(after.at)),
        eb.and([eb('updated_at', '=', new Date(after.at)), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await page
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const paged = pageOf(rows, query.limit, (r) => ({ at: r.updated_at, id: r.id }));
  const counts = await currentFileCounts(tx, paged.items);
  return {
    items: paged.items.map((r) => toSummary(r, counts.get(r.id) ?? 0)),
    total: Number(total.n),
    nextCursor: paged.nextCursor,
  };
}

async function loadItem(tx: Tx, groupId: string, membership: MembershipFacts, itemId: string) {
  const row = await tx
    .selectFrom('library_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('group_id', '=', groupId)
    .where('audience', 'in', visibleAudiences(membership))
    .executeTakeFirst();
  // Security: an item outside the caller's audiences is a 404 exactly like a missing one (tested by id guessing).
  if (!row) throw new NotFoundError();
  return row;
}

async function toItem(tx: Tx, ctx: GroupCtx, group: GroupRow, membership: MembershipFacts, row: ItemRow) {
  const versions = await tx
    .selectFrom('library_versions')
    .selectAll()
    .where('item_id', '=', row.id)
    .orderBy('version', 'desc')
    .execute();
  const files = await filesOf(
    tx,
    'library_version_id',
    versions.map((v) => v.id),
  );
  const current = files.filter((f) => f.library_version_id === versions[0]?.id).length;
  const mayPublish = can(ctx.actor, membership, 'publish_item', {
    group: facts(group),
    audience: row.audience,
  });
  const item: LibraryItem = {
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
  return item;
}

export async function readLibraryItem(tx: Tx, ctx: GroupCtx, ids: { groupId: string; itemId: string }) {
  const { group, membership } = await loadMemberAccess(tx, ctx.actor, ids.groupId);
  const row = await loadItem(tx, ids.groupId, membership, ids.itemId);
  await recordAudit(tx, auditCtx(ctx), {
    action: 'groups.library_read',
    targetType: 'library_item',
    targetId: row.id,
    details: { groupId: ids.groupId, version: row.current_version },
  });
  return toItem(tx, ctx, group, membership, row);
}

async function insertVersion(
  tx: Tx,
  ctx: GroupCtx,
  item: { id: string; groupId: string; audience: Audience; version: number },
  input: {
    title: string;
    summary: string;
    language: 'en' | 'fr' | 'es';
    tags: string[];
    note: string;
    fileIds: string[];
  },
  authorName: string,
) {
  const version = await tx
    .insertInto('library_versions')
    .values({
      item_id: item.id,
      group_id: item.groupId,
      audience: item.audience,
      version: item.version,
      title: input.title,
      summary: input.summary,
      language: input.language,
      tags: input.tags,
      note: input.note,
      created_by: ctx.actor.userId,
      created_by_name: authorName,
      created_at: ctx.clock(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await attachFiles(tx, ctx, item.groupId, input.fileIds, {
    libraryVersionId: version.id,
    audience: item.audience,
  });
}

async function authorName(tx: Tx, ctx: GroupCtx, groupId: string): Promise<string> {
  const me = await tx
    .selectFrom('group_members')
    .select('display_name')
    .where('group_id', '=', groupId)
    .where('user_id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  return me.display_name;
}

function mayPublishOrRefuse(ctx: GroupCtx, membership: MembershipFacts, group: GroupRow, audience: Audience) {
  if (can(ctx.actor, membership, 'publish_item', { group: facts(group), audience })) return;
  if (membership.isOwner) throw new ValidationError([{ field: 'audience', reason: 'invalid' }]);
  throw new ForbiddenError();
}

export async function publishLibraryItem(
  tx: Tx,
  ctx: GroupCtx,
  settings: Settings,
  groupId: string,
  input: CreateLibraryItem,
): Promise<LibraryItem> {
  const { group, membership } = await loadMemberAccess(tx, ctx.actor, groupId);
  mayPublishOrRefuse(ctx, membership, group, input.audience);
  const now = ctx.clock();
  const clean = {
    title: toPlainText(input.title).slice(0, 300) || '—',
    summary: toPlainText(input.summary),
    tags: [...new Set(input.tags.map((t) => toPlainText(t)).filter(Boolean))],
  };
  const row = await tx
    .insertInto('library_items')
    .values({
      group_id: groupId,
      kind: input.kind,
      audience: input.audience,
      title: clean.title,
      summary: clean.summary,
      language: input.language,
      tags: clean.tags,
      published_by: ctx.actor.userId,
      published_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertVersion(
    tx,
    ctx,
    { id: row.id, groupId, audience: input.audience, version: 1 },
    { ...clean, language: input.language, note: '', fileIds: input.fileIds },
    await authorName(tx, ctx, groupId),
  );
  // The audience's members (app_group_contacts applies the audience rule), without the publisher.
  const audience = (await groupContacts(tx, groupId, input.audience, false)).filter(
    (c) => c.user_id !== ctx.actor.userId,
  );
  await notifyInApp(tx, {
    userIds: audience.map((c) => c.user_id),
    groupId,
    kind: input.kind === 'alert' ? 'alert_published' : 'document_published',
    targetId: row.id,
    audience: input.audience,
    title: clean.title,
    now,
  });
  if (input.kind === 'alert')
    await mailContacts(tx, settings, group, audience, 'group_alert_published', `/library/${row.id}`);
  await recordAudit(tx, auditCtx(ctx), {
    action: 'groups.library_published',
    targetType: 'library_item',
    targetId: row.id,
    details: { groupId, kind: input.kind, audience: input.audience, files: input.fileIds.length },
  });
  return toItem(tx, ctx, group, membership, row);
}

export async function addLibraryVersion(
  tx: Tx,
  ctx: GroupCtx,
  ids: { groupId: string; itemId: string },
  input: {
    title: string;
    summary: string;
    language: 'en' | 'fr' | 'es';
    tags: string[];
    note: string;
    fileIds: string[];
  },
): Promise<LibraryItem> {
  const { group, membership } = await loadMemberAccess(tx, ctx.actor, ids.groupId);
  const row = await loadItem(tx, ids.groupId, membership, ids.itemId);
  mayPublishOrRefuse(ctx, membership, group, row.audience);
  const clean = {
    title: toPlainText(input.title).slice(0, 300) || '—',
    summary: toPlainText(input.summary),
    tags: [...new Set(input.tags.map((t) => toPlainText(t)).filter(Boolean))],
    note: toPlainText(input.note),
  };
  const version = row.current_version + 1;
  await insertVersion(
    tx,
    ctx,
    { id: row.id, groupId: ids.groupId, audience: row.audience, version },
    { ...clean, language: input.language, fileIds: input.fileIds },
    await authorName(tx, ctx, ids.groupId),
  );
  const updated = await tx
    .updateTable('library_items')
    .set({
      title: clean.title,
      summary: clean.summary,
      tags: clean.tags,
      language: input.language,
      current_version: version,
      updated_at: ctx.clock(),
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, auditCtx(ctx), {
    action: 'groups.library_version_added',
    targetType: 'library_item',
    targetId: row.id,
    details: { groupId: ids.groupId, version, files: input.fileIds.length },
  });
  return toItem(tx, ctx, group, membership, updated);
}
