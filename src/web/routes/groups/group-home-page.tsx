/** /groups/:groupId — the group's description, the person's unread count, recent messages and latest alerts. */
import { Alert, Anchor, Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentGroup } from '../../features/groups/group-context.ts';
import { useLibrary, useMessages } from '../../features/groups/groups.api.ts';
import { localized } from '../../features/groups/localized.ts';
import { MessageRows } from '../../features/groups/message-rows.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useLanguage } from '../../ui/use-language.ts';

const RECENT = 5;

export function GroupHomePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const group = useCurrentGroup();
  const mayRead = group.abilities.includes('read');
  const messages = useMessages(group.id, 'inbox', '', mayRead);
  const alerts = useLibrary(group.id, { kind: 'alert', language: null, tag: '', q: '' }, mayRead);
  const description = localized(group.description, language);
  const recent = messages.data?.pages[0]?.items.slice(0, RECENT) ?? [];
  const latestAlerts = alerts.data?.pages[0]?.items.slice(0, RECENT) ?? [];

  if (!mayRead) {
    // A Secretariat admin or moderator who manages the group without being in it: no content, only its tools.
    return (
      <Stack gap="sm">
        {description ? <Text className="itd-preformatted">{description}</Text> : null}
        <Text>{t('groups.notMember')}</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {description ? <Text className="itd-preformatted">{description}</Text> : null}
      {group.status === 'archived' ? (
        <Alert color="gray" variant="light">
          {t('groups.home.archivedNotice')}
        </Alert>
      ) : null}
      {group.isConfidential ? (
        <Alert color="blue" variant="light">
          {t('groups.home.confidentialNotice')}
        </Alert>
      ) : null}
      <Text fw={600} data-testid="home-unread">
        {t('groups.home.unreadCount', { count: group.unreadMessages })}
        {group.membership ? (
          <Text span c="dimmed" fw={400} ml="sm">
            {t('groups.home.yourCategory', {
              category: t(`groups.categories.${group.membership.category}`),
            })}
          </Text>
        ) : null}
      </Text>
      <div className="itd-group-halves">
        <SectionCard id="recent-messages-title" title={t('groups.home.recentMessages')} titleSize="h4">
          {messages.isPending ? <PageLoader label={t('common.loading')} /> : null}
          {messages.isError ? (
            <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />
          ) : null}
          {messages.data && recent.length === 0 ? (
            <Text c="dimmed">{t('groups.home.noMessages')}</Text>
          ) : null}
          {recent.length > 0 ? <MessageRows messages={recent} /> : null}
        </SectionCard>
        <SectionCard id="latest-alerts-title" title={t('groups.home.latestAlerts')} titleSize="h4">
          {alerts.isPending ? <PageLoader label={t('common.loading')} /> : null}
          {alerts.isError ? <ErrorAlert error={alerts.error} onRetry={() => void alerts.refetch()} /> : null}
          {alerts.data && latestAlerts.length === 0 ? (
            <Text c="dimmed">{t('groups.home.noAlerts')}</Text>
          ) : null}
          {latestAlerts.length > 0 ? (
            <ul className="itd-message-list" data-testid="latest-alerts">
              {latestAlerts.map((item) => (
                <li key={item.id} className="itd-message-row itd-alert-item">
                  <Anchor
                    component={Link}
                    to={`/groups/${group.id}/library/${item.id}`}
                    className="itd-message-row__subject"
                  >
                    {item.title}
                  </Anchor>
                  <div className="itd-message-row__meta">
                    <span>{formatDate(item.publishedAt, language)}</span>
                    {item.audience === 'law_enforcement' ? (
                      <Badge size="xs" color="red" variant="light">
                        {t('groups.audiences.law_enforcement')}
                      </Badge>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
        </SectionCard>
      </div>
    </Stack>
  );
}
