/** SQL for group files. Row-level security shows a file through what it is attached to, or to its uploader. */
import type { Insertable } from 'kysely';
import type { GroupFilesTable } from '../../db/schema-groups.ts';
import type { Tx } from '../../db/with-actor.ts';

const FILE_COLUMNS = ['id', 'group_id', 'file_name', 'media_type', 'size_bytes', 'sha256'] as const;

export async function insertFile(tx: Tx, row: Insertable<GroupFilesTable>): Promise<void> {
  await tx.insertInto('group_files').values(row).execute();
}

/** Attaches the uploader's own unattached files of the group; returns how many were attached. */
export async function attachFileRows(
  tx: Tx,
  where: { groupId: string; uploadedBy: string; fileIds: string[] },
  to: { messageId: string } | { libraryVersionId: string; audience: 'all_members' | 'law_enforcement' },
): Promise<number> {
  const attached = await tx
    .updateTable('group_files')
    .set(
      'messageId' in to
        ? { message_id: to.messageId }
        : { library_version_id: to.libraryVersionId, audience: to.audience },
    )
    .where('id', 'in', where.fileIds)
    .where('group_id', '=', where.groupId)
    .where('uploaded_by', '=', where.uploadedBy)
    .where('message_id', 'is', null)
    .where('library_version_id', 'is', null)
    .executeTakeFirst();
  return Number(attached.numUpdatedRows);
}

/** The files of some messages or library versions, oldest first. */
export async function filesOf(tx: Tx, by: 'message_id' | 'library_version_id', ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('group_files')
    .select([...FILE_COLUMNS, 'message_id', 'library_version_id'])
    .where(by, 'in', ids)
    .orderBy('created_at')
    .execute();
}

/** select * from group_files where id = $1 and group_id = $2 (with the sealed bytes) */
export async function findFile(tx: Tx, groupId: string, fileId: string) {
  return tx
    .selectFrom('group_files')
    .selectAll()
    .where('id', '=', fileId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
}

/** Did the user receive or send the message? */
export async function isPartyToMessage(tx: Tx, messageId: string, userId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('group_messages as m')
    .select('m.id')
    .where('m.id', '=', messageId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('group_message_recipients as r')
            .select('r.user_id')
            .whereRef('r.message_id', '=', 'm.id')
            .where('r.user_id', '=', userId),
        ),
        eb.exists(
          eb
            .selectFrom('group_message_senders as s')
            .select('s.user_id')
            .whereRef('s.message_id', '=', 'm.id')
            .where('s.user_id', '=', userId),
        ),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}
