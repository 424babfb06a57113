/**
 * The header's account corner: the signed-in person's name with a menu (my account, sign out), or a "Sign in"
 * link. The mobile navigation shows the same choices as plain links (AccountLinks).
 */
import { Button, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { usePersonalLinks } from '../../ui/personal-links.ts';
import { useSession, useSignOut } from './session.queries.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const personalLinks = usePersonalLinks();
  // Nothing while loading, nor in the middle of signing in (the page itself shows the step).
  if (session.isPending || (session.data && session.data.next !== 'done')) return null;
  const user = session.data?.next === 'done' ? session.data.user : null;
  if (user === null) {
    return (
      <Button component={Link} to="/sign-in" variant="white" size="xs" className="itd-sign-in-button">
        {t('userMenu.signIn')}
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton className="itd-user-button" data-testid="user-menu">
          <span className="itd-user-button__name">
            {user.firstName} {user.lastName}
          </span>
          <span className="itd-user-button__organisation">{user.organisation.name}</span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" truncate="end">
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('userMenu.account')}
        </Menu.Item>
        {personalLinks.map((link) => (
          <Menu.Item key={link.to} component={Link} to={link.to}>
            {link.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The same choices for the burger menu on phones. */
export function AccountLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const personalLinks = usePersonalLinks();
  if (session.isPending) return null;
  const user = session.data?.next === 'done' ? session.data.user : null;
  if (user === null) {
    return (
      <>
        <NavLink to="/sign-in" className="itd-nav__link" onClick={onNavigate}>
          {t('userMenu.signIn')}
        </NavLink>
        <NavLink to="/register" className="itd-nav__link" onClick={onNavigate}>
          {t('userMenu.register')}
        </NavLink>
      </>
    );
  }
  return (
    <>
      <NavLink to="/account" className="itd-nav__link" onClick={onNavigate}>
        {t('userMenu.accountOf', { name: `${user.firstName} ${user.lastName}` })}
      </NavLink>
      {personalLinks.map((link) => (
        <NavLink key={link.to} to={link.to} className="itd-nav__link" onClick={onNavigate}>
          {link.label}
        </NavLink>
      ))}
      <button
        type="button"
        className="itd-nav__link itd-nav__button"
        onClick={() => {
          onNavigate?.();
          signOut.mutate();
        }}
      >
        {t('userMenu.signOut')}
      </button>
    </>
  );
}
