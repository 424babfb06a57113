/**
 * Small pieces of the message views: who wrote (a name, or "anonymous member" — the server never says who an
 * anonymous sender is, except to the sender themself), to whom, and the attached files as download links.
 */
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MessageSummary, UploadedFile } from '../../../shared/groups.contract.ts';
import { formatBytes } from './file-upload.ts';

export function SenderName({ message }: { message: Pick<MessageSummary, 'sender' | 'isOwn'> }) {
  const { t } = useTranslation();
  if (message.sender.kind === 'anonymous') {
    return (
      <Text span inherit className="itd-anonymous" data-testid="sender">
        {message.isOwn ? t('groups.messages.anonymousSelf') : t('groups.messages.anonymous')}
      </Text>
    );
  }
  return (
    <Text span inherit data-testid="sender">
      {message.sender.name} ({message.sender.organisation})
    </Text>
  );
}

export function RecipientsText({ to }: { to: MessageSummary['to'] }) {
  const { t } = useTranslation();
  switch (to.kind) {
    case 'group':
      return <>{t('groups.messages.toGroup')}</>;
    case 'owners':
      return <>{t('groups.messages.toOwners')}</>;
    case 'members':
      return <>{to.names.join(', ')}</>;
  }
}

/**
 * Files as plain links: the server answers them with `Content-Disposition: attachment`, so the browser saves
 * them and never opens them inside the platform's pages.
 */
export function FileLinks({ files }: { files: readonly UploadedFile[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className="itd-file-list" data-testid="files">
      {files.map((file) => (
        <li key={file.id}>
          <Anchor
            href={file.downloadPath}
            download={file.name}
            aria-label={t('groups.library.download', { name: file.name })}
          >
            {file.name}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            ({formatBytes(file.sizeBytes)})
          </Text>
        </li>
      ))}
    </ul>
  );
}
