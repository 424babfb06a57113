/**
 * Group files: uploaded by a member (checked by content, name cleaned, sealed), attached once to a message or a
 * library version, and downloaded by those who may read what they are attached to. Downloads are audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Audience, UploadedFile } from '../../../shared/groups.contract.ts';
import { fileDownloadPath } from '../../../shared/groups.contract.ts';
import type { Settings } from '../../config.ts';
import type { Tx } from '../../db/with-actor.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkUpload } from './check-upload.ts';
import type { FileSealer } from './file-sealing.ts';
import { auditCtx, type GroupCtx } from './groups-deps.ts';
import { can } from './groups.policy.ts';
import { facts, loadMemberAccess } from './groups.service.ts';

const FILE_COLUMNS = ['id', 'group_id', 'file_name', 'media_type', 'size_bytes', 'sha256'] as const;

export function toUploadedFile(row: {
  id: string;
  group_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
}): UploadedFile {
  return {
    id: row.id,
    name: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    downloadPath: fileDownloadPath(row.group_id, row.id),
  };
}

export async function uploadFile(
  tx: Tx,
  ctx: GroupCtx,
  deps: { settings: Settings; files: FileSealer },
  groupId: string,
  upload: { fileName: string; content: Buffer },
): Promise<UploadedFile> {
  const { group, membership } = await loadMemberAccess(tx, ctx.actor, groupId);
  if (!can(ctx.actor, membership, 'write_to_group', { group: facts(group) })) throw new NotFoundError();
  const checked = await checkUpload(upload.fileName, upload.content, {
    maxBytes: deps.settings.groups.fileMaxBytes,
    allowedTypes: deps.settings.groups.fileTypes,
  });
  const id = randomUUID();
  const row = {
    id,
    group_id: groupId,
    uploaded_by: ctx.actor.userId,
    file_name: checked.name,
    media_type: checked.mediaType,
    size_bytes: upload.content.length,
    sha256: createHash('sha256').update(upload.content).digest('hex'),
    // Security: only the sealed bytes reach the database (tested: the stored bytes are not the file).
    sealed: deps.files.seal(id, upload.content),
    created_at: ctx.clock(),
  };
  await tx.insertInto('group_files').values(row).execute();
  return toUploadedFile(row);
}

/** Attaches the caller's own unattached uploads of this group; any other id is refused. */
export async function attachFiles(
  tx: Tx,
  ctx: GroupCtx,
  groupId: string,
  fileIds: string[],
  to: { messageId: string } | { libraryVersionId: string; audience: Audience },
): Promise<void> {
  const unique = [...new Set(fileIds)];
  if (unique.length === 0) return;
  const attached = await tx
    .updateTable('group_files')
    .set(
      'messageId' in to
        ? { message_id: to.messageId }
        : { library_version_id: to.libraryVersionId, audience: to.audience },
    )
    .where('id', 'in', unique)
    .where('group_id', '=', groupId)
    .where('uploaded_by', '=', ctx.actor.userId)
    .where('message_id', 'is', null)
    .where('library_version_id', 'is', null)
    .executeTakeFirst();
  if (Number(attached.numUpdatedRows) !== unique.length)
    throw new ValidationError([{ field: 'attachmentIds', reason: 'file_unavailable' }]);
}

export async function filesOf(tx: Tx, by: 'message_id' | 'library_version_id', ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('group_files')
    .select([...FILE_COLUMNS, 'message_id', 'library_version_id'])
    .where(by, 'in', ids)
    .orderBy('created_at')
    .execute();
}

/** The file's bytes for someone who may read what it is attached to (or their own upload); else a 404. */
export async function downloadFile(
  tx: Tx,
  ctx: GroupCtx,
  files: FileSealer,
  ids: { groupId: string; fileId: string },
): Promise<{ name: string; mediaType: string; content: Buffer }> {
  const { group, membership } = await loadMemberAccess(tx, ctx.actor, ids.groupId);
  const file = await tx
    .selectFrom('group_files')
    .selectAll()
    .where('id', '=', ids.fileId)
    .where('group_id', '=', ids.groupId)
    .executeTakeFirst();
  if (!file) throw new NotFoundError();
  if (file.library_version_id !== null) {
    if (
      !file.audience ||
      !can(ctx.actor, membership, 'read_item', { group: facts(group), audience: file.audience })
    )
      throw new NotFoundError();
  } else if (file.message_id !== null) {
    const party = await tx
      .selectFrom('group_messages as m')
      .select('m.id')
      .where('m.id', '=', file.message_id)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('group_message_recipients as r')
              .select('r.user_id')
              .whereRef('r.message_id', '=', 'm.id')
              .where('r.user_id', '=', ctx.actor.userId),
          ),
          eb.exists(
            eb
              .selectFrom('group_message_senders as s')
              .select('s.user_id')
              .whereRef('s.message_id', '=', 'm.id')
              .where('s.user_id', '=', ctx.actor.userId),
          ),
        ]),
      )
      .executeTakeFirst();
    if (!party) throw new NotFoundError();
  } else if (file.uploaded_by !== ctx.actor.userId) {
    throw new NotFoundError();
  }
  await recordAudit(tx, auditCtx(ctx), {
    action: 'groups.file_downloaded',
    targetType: 'group_file',
    targetId: file.id,
    details: { groupId: ids.groupId, messageId: file.message_id, libraryVersionId: file.library_version_id },
  });
  return { name: file.file_name, mediaType: file.media_type, content: files.open(file.id, file.sealed) };
}
