/**
 * The administration bar under the header, shown only to people whose session allows at least one of its pages
 * (from the session's abilities: the server decides, the app only hides what would be refused).
 */
import { Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Action } from '../../../shared/permissions.ts';
import { hasAbility, useSignedInSession } from '../auth/session.queries.ts';

const LINKS: {
  to: string;
  label: 'registrations' | 'users' | 'organisations' | 'terms' | 'groups' | 'audit' | 'outbox';
  abilities: Action[];
}[] = [
  {
    to: '/admin/registrations',
    label: 'registrations',
    abilities: ['registration.review', 'registration.endorse'],
  },
  { to: '/admin/users', label: 'users', abilities: ['user.list'] },
  { to: '/admin/organisations', label: 'organisations', abilities: ['organisation.manage'] },
  { to: '/admin/terms', label: 'terms', abilities: ['terms.publish'] },
  // Groups are created by Secretariat admins: the session ability they alone hold (the server checks again).
  { to: '/admin/groups', label: 'groups', abilities: ['group.administer'] },
  { to: '/admin/audit', label: 'audit', abilities: ['audit.read'] },
  { to: '/admin/outbox', label: 'outbox', abilities: ['outbox.read'] },
];

export function AdminNav() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const links = LINKS.filter((link) => hasAbility(session, ...link.abilities));
  if (links.length === 0) return null;
  return (
    <div className="itd-admin-nav">
      <Container size="lg">
        <nav aria-label={t('adminNav.label')} className="itd-admin-nav__inner">
          <span className="itd-admin-nav__title">{t('adminNav.title')}</span>
          {links.map((link) => (
            <NavLink key={link.to} to={link.to} className="itd-admin-nav__link">
              {t(`adminNav.${link.label}`)}
            </NavLink>
          ))}
        </nav>
      </Container>
    </div>
  );
}
