/**
 * /groups — the person's closed user groups (unread messages, category), the groups they may ask to join (with
 * the join form prefilled from their account), and their notifications. What is shown comes from each group's
 * `abilities`: the page never decides who may join or read.
 */
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Group as CugGroup } from '../../../shared/groups.contract.ts';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { useGroupList } from '../../features/groups/groups.api.ts';
import '../../features/groups/groups.css';
import { JoinForm } from '../../features/groups/join-form.tsx';
import { localized } from '../../features/groups/localized.ts';
import { NotificationList } from '../../features/groups/notification-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useLanguage } from '../../ui/use-language.ts';

export function MyGroupsPage() {
  return (
    <RequireSession>
      <MyGroups />
    </RequireSession>
  );
}

function MyGroups() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('groups.myGroups.title')} — ${t('app.name')}`);
  const mine = useGroupList('mine');
  const joinable = useGroupList('joinable');
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('groups.myGroups.title')}</Title>
        <Text mt="xs" maw="48rem">
          {t('groups.myGroups.intro')}
        </Text>
      </div>
      <div className="itd-group-halves">
        <SectionCard id="my-groups-title" title={t('groups.myGroups.mine')}>
          {mine.isPending ? <PageLoader label={t('common.loading')} /> : null}
          {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
          {mine.data?.items.length === 0 ? <Text c="dimmed">{t('groups.myGroups.noneMine')}</Text> : null}
          <Stack gap="sm">
            {mine.data?.items.map((group) => (
              <MyGroupCard key={group.id} group={group} />
            ))}
          </Stack>
        </SectionCard>
        <SectionCard id="notifications-title" title={t('groups.notifications.title')}>
          <NotificationList />
        </SectionCard>
      </div>
      <SectionCard id="other-groups-title" title={t('groups.myGroups.others')}>
        {joinable.isPending ? <PageLoader label={t('common.loading')} /> : null}
        {joinable.isError ? (
          <ErrorAlert error={joinable.error} onRetry={() => void joinable.refetch()} />
        ) : null}
        {joinable.data?.items.length === 0 ? <Text c="dimmed">{t('groups.myGroups.noneOthers')}</Text> : null}
        <Stack gap="sm">
          {joinable.data?.items.map((group) => (
            <JoinableGroupCard key={group.id} group={group} />
          ))}
        </Stack>
      </SectionCard>
    </Stack>
  );
}

function GroupHeading({ group }: { group: CugGroup }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Title order={3} size="h4">
          {localized(group.name, language)}
        </Title>
        {group.isConfidential ? (
          <Badge color="gray" variant="light">
            {t('groups.myGroups.confidential')}
          </Badge>
        ) : null}
        {group.status === 'archived' ? (
          <Badge color="gray" variant="outline">
            {t('groups.status.archived')}
          </Badge>
        ) : null}
      </Group>
      {localized(group.description, language) ? (
        <Text size="sm" className="itd-preformatted">
          {localized(group.description, language)}
        </Text>
      ) : null}
    </>
  );
}

function MyGroupCard({ group }: { group: CugGroup }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card withBorder padding="md" component="article" aria-label={localized(group.name, language)}>
      <Stack gap="xs">
        <GroupHeading group={group} />
        <Group gap="xs" wrap="wrap">
          {group.membership ? (
            <Badge variant="light">{t(`groups.categories.${group.membership.category}`)}</Badge>
          ) : null}
          {group.membership?.isOwner ? <Badge variant="outline">{t('groups.membership.owner')}</Badge> : null}
          {group.unreadMessages > 0 ? (
            <Badge color="red" data-testid="group-unread">
              {t('groups.myGroups.unread', { count: group.unreadMessages })}
            </Badge>
          ) : null}
        </Group>
        {group.abilities.includes('read') ? (
          <Button component={Link} to={`/groups/${group.id}`} w="fit-content" size="sm">
            {t('groups.myGroups.open')}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}

function JoinableGroupCard({ group }: { group: CugGroup }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [isAsking, setAsking] = useState(false);
  const [sent, setSent] = useState(false);
  const name = localized(group.name, language);
  return (
    <Card withBorder padding="md" component="article" aria-label={name}>
      <Stack gap="xs">
        <GroupHeading group={group} />
        {sent ? (
          <Alert color="teal" variant="light" role="status">
            {t('groups.join.sent', { group: name })}
          </Alert>
        ) : null}
        {!sent && group.pendingJoinRequestId ? (
          <Text size="sm" c="dimmed">
            {t('groups.myGroups.requestPending')}
          </Text>
        ) : null}
        {!sent && !isAsking && group.abilities.includes('request_join') ? (
          <Button variant="light" w="fit-content" size="sm" onClick={() => setAsking(true)}>
            {t('groups.myGroups.askToJoin')}
          </Button>
        ) : null}
        {isAsking && !sent ? (
          <div className="itd-decision-panel">
            <Title order={4} size="h5" mb="sm">
              {t('groups.join.title', { group: name })}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('groups.join.intro')}
            </Text>
            <JoinForm
              groupId={group.id}
              onSent={() => {
                setSent(true);
                setAsking(false);
              }}
              onCancel={() => setAsking(false)}
            />
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}
