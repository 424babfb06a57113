/**
 * Group files: uploaded by a member (checked by content, name cleaned, sealed), attached once to a message or a
 * library version, and downloaded by those who may read what they are attached to. Downloads are audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Actor, UserActor } from '../../../shared/actor.ts';
import type { Audience, UploadedFile } from '../../../shared/groups.contract.ts';
import { fileDownloadPath } from '../../../shared/groups.contract.ts';
import { withActor, type Tx } from '../../db/with-actor.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { checkUpload } from './check-upload.ts';
import { attachFileRows, findFile, insertFile, isPartyToMessage } from './files.repo.ts';
import { groupUser, type GroupsDeps } from './groups-deps.ts';
import { can } from './groups.policy.ts';
import { facts, loadMemberAccess } from './groups.service.ts';

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
  deps: GroupsDeps,
  actor: Actor,
  _request: RequestContext,
  input: { groupId: string; fileName: string; content: Buffer },
): Promise<UploadedFile> {
  const user = groupUser(actor);
  return withActor(deps.db, user, async (tx) => {
    const { group, membership } = await loadMemberAccess(tx, user, input.groupId);
    if (!can(user, membership, 'write_to_group', { group: facts(group) })) throw new NotFoundError();
    const checked = await checkUpload(input.fileName, input.content, {
      maxBytes: deps.settings.groups.fileMaxBytes,
      allowedTypes: deps.settings.groups.fileTypes,
    });
    const id = randomUUID();
    const row = {
      id,
      group_id: input.groupId,
      uploaded_by: user.userId,
      file_name: checked.name,
      media_type: checked.mediaType,
      size_bytes: input.content.length,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      // Security: only the sealed bytes reach the database (tested: the stored bytes are not the file).
      sealed: deps.files.seal(id, input.content),
      created_at: deps.clock(),
    };
    await insertFile(tx, row);
    return toUploadedFile(row);
  });
}

/** Attaches the caller's own unattached uploads of this group; any other id is refused. */
export async function attachFiles(
  tx: Tx,
  user: UserActor,
  groupId: string,
  fileIds: string[],
  to: { messageId: string } | { libraryVersionId: string; audience: Audience },
): Promise<void> {
  const unique = [...new Set(fileIds)];
  if (unique.length === 0) return;
  const attached = await attachFileRows(tx, { groupId, uploadedBy: user.userId, fileIds: unique }, to);
  if (attached !== unique.length)
    throw new ValidationError([{ field: 'attachmentIds', reason: 'file_unavailable' }]);
}

/** The file's bytes for someone who may read what it is attached to (or their own upload); else a 404. */
export async function downloadFile(
  deps: GroupsDeps,
  actor: Actor,
  request: RequestContext,
  params: { groupId: string; fileId: string },
): Promise<{ name: string; mediaType: string; content: Buffer }> {
  const user = groupUser(actor);
  return withActor(
    deps.db,
    user,
    async (tx) => {
      const { group, membership } = await loadMemberAccess(tx, user, params.groupId);
      const file = await findFile(tx, params.groupId, params.fileId);
      if (!file) throw new NotFoundError();
      if (file.library_version_id !== null) {
        if (
          !file.audience ||
          !can(user, membership, 'read_item', { group: facts(group), audience: file.audience })
        )
          throw new NotFoundError();
      } else if (file.message_id !== null) {
        if (!(await isPartyToMessage(tx, file.message_id, user.userId))) throw new NotFoundError();
      } else if (file.uploaded_by !== user.userId) {
        throw new NotFoundError();
      }
      await recordAudit(tx, auditContextOf(user, deps.clock, request), {
        action: 'groups.file_downloaded',
        targetType: 'group_file',
        targetId: file.id,
        details: {
          groupId: params.groupId,
          messageId: file.message_id,
          libraryVersionId: file.library_version_id,
        },
      });
      return {
        name: file.file_name,
        mediaType: file.media_type,
        content: deps.files.open(file.id, file.sealed),
      };
    },
    // Its one write is the audit entry of what was read.
    { readsOnly: true },
  );
}
