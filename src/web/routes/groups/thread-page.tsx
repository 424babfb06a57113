/**
 * /groups/:groupId/messages/:messageId — a message and its thread (oldest first), each with its attachments; the
 * sender sees read receipts on their own messages. Opening the thread marks its unread messages read. Replying
 * stays in the thread.
 */
import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Message } from '../../../shared/groups.contract.ts';
import { isApiError } from '../../api/client.ts';
import { ComposeForm } from '../../features/groups/compose-form.tsx';
import { useCurrentGroup } from '../../features/groups/group-context.ts';
import { useMarkRead, useThread } from '../../features/groups/groups.api.ts';
import { FileLinks, RecipientsText, SenderName } from '../../features/groups/message-parts.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { GroupNotFound } from './group-layout.tsx';

export function ThreadPage() {
  const { t } = useTranslation();
  const group = useCurrentGroup();
  const { messageId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const thread = useThread(group.id, messageId);
  const markRead = useMarkRead(group.id);
  const [isReplying, setReplying] = useState(false);
  const marked = useRef(new Set<string>());

  // Marks each unread message of the thread read once (the sender's receipts then count it).
  useEffect(() => {
    for (const message of thread.data?.thread ?? []) {
      if (!message.isRead && !message.isOwn && !marked.current.has(message.id)) {
        marked.current.add(message.id);
        markRead.mutate(message.id);
      }
    }
  }, [thread.data, markRead]);

  if (thread.isPending) return <PageLoader label={t('common.loading')} />;
  if (thread.isError) {
    if (isApiError(thread.error) && (thread.error.status === 404 || thread.error.status === 400)) {
      return <GroupNotFound text={t('groups.messages.notFound')} />;
    }
    return <ErrorAlert error={thread.error} onRetry={() => void thread.refetch()} />;
  }
  const { message } = thread.data;
  const messages = thread.data.thread.length > 0 ? thread.data.thread : [message];
  return (
    <Stack gap="md">
      <Title order={2} size="h3" className="itd-preformatted">
        {message.subject}
      </Title>
      {searchParams.get('sent') ? (
        <Alert color="teal" variant="light" role="status">
          {t('groups.compose.sent')}
        </Alert>
      ) : null}
      {messages.map((item) => (
        <ThreadMessage key={item.id} message={item} isFocus={item.id === message.id} />
      ))}
      {message.abilities.includes('reply') && group.status === 'active' ? (
        isReplying ? (
          <Card withBorder padding="lg">
            <Title order={3} size="h4" mb="sm">
              {t('groups.messages.replyTitle')}
            </Title>
            <ComposeForm group={group} replyTo={message} onSent={() => setReplying(false)} />
          </Card>
        ) : (
          <Button w="fit-content" onClick={() => setReplying(true)}>
            {t('groups.messages.reply')}
          </Button>
        )
      ) : null}
    </Stack>
  );
}

function ThreadMessage({ message, isFocus }: { message: Message; isFocus: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      data-testid="thread-message"
      aria-current={isFocus ? 'true' : undefined}
      className={message.isOwn ? 'itd-thread-message--own' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm">
            <Text span fw={600}>
              {t('groups.messages.from')}:
            </Text>{' '}
            <SenderName message={message} />
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(message.sentAt, language)}
          </Text>
        </Group>
        <Text size="sm">
          <Text span fw={600}>
            {t('groups.messages.to')}:
          </Text>{' '}
          <RecipientsText to={message.to} />
        </Text>
        <Text className="itd-message-body">{message.body}</Text>
        <FileLinks files={message.attachments} />
        {message.receipts ? (
          <Stack gap={4} data-testid="receipts">
            <Badge variant="light" color="teal" w="fit-content">
              {t('groups.messages.readBy', {
                count: message.receipts.read,
                total: message.receipts.recipients,
              })}
            </Badge>
            {message.receipts.readers && message.receipts.readers.length > 0 ? (
              <List size="xs">
                {message.receipts.readers.map((reader) => (
                  <List.Item key={`${reader.name}-${reader.readAt}`}>
                    {reader.name} —{' '}
                    {t('groups.messages.readAt', { date: formatDateTime(reader.readAt, language) })}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
