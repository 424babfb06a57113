/**
 * /groups/:groupId/* — the frame of one group: its name, notices (archived, confidential), and the links to its
 * sections, each shown only when the group's `abilities` allow it. A group the person may not open is "not
 * found", exactly like one that does not exist (the server answers 404 for both).
 */
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { RequireSession } from '../../features/auth/require-session.tsx';
import type { GroupContext } from '../../features/groups/group-context.ts';
import { useGroup } from '../../features/groups/groups.api.ts';
import '../../features/groups/groups.css';
import { localized } from '../../features/groups/localized.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';

export function GroupLayout() {
  return (
    <RequireSession>
      <GroupFrame />
    </RequireSession>
  );
}

/**
 * "Not found" for a group, or (inside a group, under its name) for a message or library item: the same words
 * whether it is missing or hidden from this person.
 */
export function GroupNotFound({ text }: { text?: string }) {
  const { t } = useTranslation();
  const isInsideGroup = text !== undefined;
  return (
    <Stack gap="sm" data-testid="group-not-found">
      <Title order={isInsideGroup ? 2 : 1} size={isInsideGroup ? 'h3' : undefined}>
        {isInsideGroup ? t('groups.notFound.itemTitle') : t('groups.notFound.title')}
      </Title>
      <Text>{text ?? t('groups.notFound.text')}</Text>
      <Anchor component={Link} to="/groups">
        {t('groups.myGroups.title')}
      </Anchor>
    </Stack>
  );
}

function GroupFrame() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { groupId = '' } = useParams();
  const group = useGroup(groupId);
  const name = group.data ? localized(group.data.name, language) : t('groups.nav');
  useDocumentTitle(`${name} — ${t('app.name')}`);

  if (group.isPending) return <PageLoader label={t('common.loading')} />;
  if (group.isError) {
    if (isApiError(group.error) && (group.error.status === 404 || group.error.status === 400)) {
      return <GroupNotFound />;
    }
    return <ErrorAlert error={group.error} onRetry={() => void group.refetch()} />;
  }
  const current = group.data;
  const can = (ability: (typeof current.abilities)[number]) => current.abilities.includes(ability);
  const base = `/groups/${current.id}`;
  const links: { to: string; label: string; end?: boolean; badge?: number }[] = [];
  if (can('read')) {
    links.push({ to: base, label: t('groups.tabs.home'), end: true });
    links.push({ to: `${base}/messages`, label: t('groups.tabs.inbox'), badge: current.unreadMessages });
    links.push({ to: `${base}/sent`, label: t('groups.tabs.sent') });
    if (current.status === 'active' && current.membership) {
      links.push({ to: `${base}/compose`, label: t('groups.tabs.compose') });
    }
    links.push({ to: `${base}/library`, label: t('groups.tabs.library') });
  }
  if (can('list_members')) links.push({ to: `${base}/members`, label: t('groups.tabs.members') });
  if (can('moderate')) links.push({ to: `${base}/requests`, label: t('groups.tabs.requests') });
  const context: GroupContext = { group: current };

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/groups" size="sm">
          {t('groups.myGroups.title')}
        </Anchor>
        <Group gap="xs" mt={4} wrap="wrap">
          <Title order={1}>{name}</Title>
          {current.isConfidential ? (
            <Badge color="gray" variant="light">
              {t('groups.myGroups.confidential')}
            </Badge>
          ) : null}
          {current.status === 'archived' ? (
            <Badge color="gray" variant="outline">
              {t('groups.status.archived')}
            </Badge>
          ) : null}
        </Group>
      </div>
      {links.length > 0 ? (
        <nav className="itd-group-tabs" aria-label={t('groups.tabs.label')}>
          {links.map((link) => (
            <NavLink key={link.to} to={link.to} end={link.end ?? false} className="itd-group-tabs__link">
              {link.label}
              {link.badge ? (
                <Badge size="xs" color="red" data-testid="inbox-unread">
                  {link.badge}
                </Badge>
              ) : null}
            </NavLink>
          ))}
        </nav>
      ) : null}
      {links.length > 0 ? (
        <Outlet context={context} />
      ) : (
        // Someone who may see that the group exists but do nothing in it (not, or no longer, a member): its
        // description and the way to ask to join, nothing of its content.
        <Stack gap="sm" data-testid="not-a-member">
          {localized(current.description, language) ? (
            <Text className="itd-preformatted">{localized(current.description, language)}</Text>
          ) : null}
          <Text>{t('groups.notMember')}</Text>
          <Anchor component={Link} to="/groups">
            {t('groups.myGroups.title')}
          </Anchor>
        </Stack>
      )}
    </Stack>
  );
}
