/**
 * Publishing to the group library (owners): a new item with its first version, or a new version of an item.
 * Publishing an alert tells its audience in the app and by e-mail (without its title or text); a document is
 * announced in the app only.
 */
import type { Actor, UserActor } from '../../../shared/actor.ts';
import type { Audience, CreateLibraryItem, LibraryItem } from '../../../shared/groups.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { attachFiles } from './files.service.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { can, type MembershipFacts } from './groups.policy.ts';
import { memberSignature, type GroupRow } from './groups.repo.ts';
import { facts, loadMemberAccess } from './groups.service.ts';
import { insertItem, insertVersionRow, updateItem } from './library.repo.ts';
import { loadItem, toItem } from './library.service.ts';
import { groupContacts, notifyInApp } from './notifications.repo.ts';
import { mailContacts } from './notify.ts';
import { toPlainText } from './plain-text.ts';

interface VersionInput {
  title: string;
  summary: string;
  language: 'en' | 'fr' | 'es';
  tags: string[];
  note: string;
  fileIds: string[];
}

async function insertVersion(
  tx: Tx,
  user: UserActor,
  item: { id: string; groupId: string; audience: Audience; version: number },
  input: VersionInput,
  now: Date,
) {
  const author = await memberSignature(tx, item.groupId, user.userId);
  const versionId = await insertVersionRow(tx, {
    item_id: item.id,
    group_id: item.groupId,
    audience: item.audience,
    version: item.version,
    title: input.title,
    summary: input.summary,
    language: input.language,
    tags: input.tags,
    note: input.note,
    created_by: user.userId,
    created_by_name: author.display_name,
    created_at: now,
  });
  await attachFiles(tx, user, item.groupId, input.fileIds, {
    libraryVersionId: versionId,
    audience: item.audience,
  });
}

function mayPublishOrRefuse(
  user: UserActor,
  membership: MembershipFacts,
  group: GroupRow,
  audience: Audience,
) {
  if (can(user, membership, 'publish_item', { group: facts(group), audience })) return;
  if (membership.isOwner) throw new ValidationError([{ field: 'audience', reason: 'invalid' }]);
  throw new ForbiddenError();
}

const cleanText = (input: { title: string; summary: string; tags: string[] }) => ({
  title: toPlainText(input.title).slice(0, 300) || '—',
  summary: toPlainText(input.summary),
  tags: [...new Set(input.tags.map((t) => toPlainText(t)).filter(Boolean))],
});

export async function publishLibraryItem(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  input: CreateLibraryItem & { groupId: string },
): Promise<LibraryItem> {
  const user = groupUser(actor);
  const { groupId } = input;
  const item = await withActor(deps.db, user, async (tx) => {
    const { group, membership } = await loadMemberAccess(tx, user, groupId);
    mayPublishOrRefuse(user, membership, group, input.audience);
    const now = deps.clock();
    const clean = cleanText(input);
    const row = await insertItem(tx, {
      group_id: groupId,
      kind: input.kind,
      audience: input.audience,
      title: clean.title,
      summary: clean.summary,
      language: input.language,
      tags: clean.tags,
      published_by: user.userId,
      published_at: now,
      updated_at: now,
    });
    await insertVersion(
      tx,
      user,
      { id: row.id, groupId, audience: input.audience, version: 1 },
      { ...clean, language: input.language, note: '', fileIds: input.fileIds },
      deps.clock(),
    );
    // The audience's members (app_group_contacts applies the audience rule), without the publisher.
    const audience = (await groupContacts(tx, groupId, input.audience, false)).filter(
      (c) => c.user_id !== user.userId,
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
      await mailContacts(tx, deps.settings, group, audience, 'group_alert_published', `/library/${row.id}`);
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
      action: 'groups.library_published',
      targetType: 'library_item',
      targetId: row.id,
      details: { groupId, kind: input.kind, audience: input.audience, files: input.fileIds.length },
    });
    return toItem(tx, user, group, membership, row);
  });
  deps.mail.kick();
  return item;
}

export async function addLibraryVersion(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  input: VersionInput & { groupId: string; itemId: string },
): Promise<LibraryItem> {
  const user = groupUser(actor);
  const { groupId } = input;
  return withActor(deps.db, user, async (tx) => {
    const { group, membership } = await loadMemberAccess(tx, user, groupId);
    const row = await loadItem(tx, groupId, membership, input.itemId);
    mayPublishOrRefuse(user, membership, group, row.audience);
    const clean = { ...cleanText(input), note: toPlainText(input.note) };
    const version = row.current_version + 1;
    await insertVersion(
      tx,
      user,
      { id: row.id, groupId, audience: row.audience, version },
      { ...clean, language: input.language, fileIds: input.fileIds },
      deps.clock(),
    );
    const updated = await updateItem(tx, row.id, {
      title: clean.title,
      summary: clean.summary,
      tags: clean.tags,
      language: input.language,
      current_version: version,
      updated_at: deps.clock(),
    });
    await recordAudit(tx, auditContextOf(user, deps.clock, request), {
      action: 'groups.library_version_added',
      targetType: 'library_item',
      targetId: row.id,
      details: { groupId, version, files: input.fileIds.length },
    });
    return toItem(tx, user, group, membership, updated);
  });
}
