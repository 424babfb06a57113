/** A list of message summaries: subject (a link to the thread), sender, recipients, date, unread mark. */
import { Anchor, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MessageSummary } from '../../../shared/groups.contract.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { RecipientsText, SenderName } from './message-parts.tsx';

export function MessageRows({ messages }: { messages: readonly MessageSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="itd-message-list">
      {messages.map((message) => (
        <li
          key={message.id}
          data-testid="message-row"
          className={`itd-message-row${message.isRead || message.isOwn ? '' : ' itd-message-row--unread'}`}
        >
          <Anchor
            component={Link}
            to={`/groups/${message.groupId}/messages/${message.id}`}
            className="itd-message-row__subject"
          >
            {message.subject}
          </Anchor>
          <div className="itd-message-row__meta">
            <span>
              {t('groups.messages.from')}: <SenderName message={message} />
            </span>
            <span>
              {t('groups.messages.to')}: <RecipientsText to={message.to} />
            </span>
          </div>
          <Text className="itd-message-row__preview" lineClamp={2}>
            {message.preview}
          </Text>
          <div className="itd-message-row__aside">
            <Text size="xs" c="dimmed">
              {formatDateTime(message.sentAt, language)}
            </Text>
            {!message.isRead && !message.isOwn ? (
              <Badge size="xs" color="teal">
                {t('groups.messages.unread')}
              </Badge>
            ) : null}
            {message.hasAttachments ? (
              <Badge size="xs" variant="outline" color="gray">
                {t('groups.messages.attachments')}
              </Badge>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
