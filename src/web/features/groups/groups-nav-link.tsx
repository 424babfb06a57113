/**
 * The "Groups" link of the main navigation, with the signed-in person's unread messages and notifications as a
 * badge; and GroupsLiveUpdates, mounted once in the frame, which keeps the live-update stream open while someone
 * is signed in.
 */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSignedInSession } from '../auth/session.queries.ts';
import { useUnreadCounts } from './groups.api.ts';
import { useGroupsStream } from './groups-live.ts';

export function GroupsNavLink({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const isSignedIn = session !== null;
  const unread = useUnreadCounts(isSignedIn);
  const total = unread.data ? unread.data.totalMessages + unread.data.totalNotifications : 0;
  if (!isSignedIn) return null;
  return (
    <NavLink to="/groups" className="itd-nav__link" onClick={onNavigate}>
      {t('nav.groups')}
      {total > 0 ? (
        <Badge size="sm" color="red" ml={6} data-testid="groups-unread-badge">
          {total}
        </Badge>
      ) : null}
    </NavLink>
  );
}

export function GroupsLiveUpdates() {
  useGroupsStream(useSignedInSession() !== null);
  return null;
}
