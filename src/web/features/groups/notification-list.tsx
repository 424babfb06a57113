/**
 * The person's group notifications (new alerts and documents, join requests and decisions), newest first, each a
 * link to what it is about; opening one marks it read. The server lists only what the person may see.
 */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../../shared/groups.contract.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { useMarkNotificationRead, useNotifications } from './groups.api.ts';

function targetPath(notification: Notification): string {
  const group = `/groups/${notification.groupId}`;
  switch (notification.kind) {
    case 'alert_published':
    case 'document_published':
      return notification.targetId ? `${group}/library/${notification.targetId}` : `${group}/library`;
    case 'join_requested':
      return `${group}/requests`;
    case 'join_decided':
      return '/groups';
  }
}

export function NotificationList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  if (notifications.isPending) return <PageLoader label={t('common.loading')} />;
  if (notifications.isError) {
    return <ErrorAlert error={notifications.error} onRetry={() => void notifications.refetch()} />;
  }
  const items = notifications.data.items;
  if (items.length === 0) return <Text c="dimmed">{t('groups.notifications.empty')}</Text>;
  return (
    <Stack gap={0} component="ul" className="itd-message-list" data-testid="notifications">
      {items.map((notification) => (
        <li
          key={notification.id}
          className={`itd-message-row${notification.isRead ? '' : ' itd-message-row--unread'}`}
        >
          <Anchor
            component={Link}
            to={targetPath(notification)}
            className="itd-message-row__subject"
            onClick={() => {
              if (!notification.isRead) markRead.mutate(notification.id);
            }}
          >
            {notification.title}
          </Anchor>
          <Group gap="xs" className="itd-message-row__meta">
            <Badge size="xs" variant="light" color={notification.kind === 'alert_published' ? 'red' : 'gray'}>
              {t(`groups.notifications.kinds.${notification.kind}`)}
            </Badge>
            <Text span size="xs">
              {formatDateTime(notification.createdAt, language)}
            </Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
