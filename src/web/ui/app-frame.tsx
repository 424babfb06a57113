/**
 * The frame around every page: restricted banner, header (product name, navigation, language switch, the
 * signed-in person's menu or "Sign in"), the administration bar for those allowed, the page itself, and the
 * footer. Below the `sm` breakpoint the navigation and account links fold into a burger menu.
 */
import { Burger, Collapse, Container } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { AdminNav } from '../features/admin/admin-nav.tsx';
import { AuthRedirects } from '../features/auth/auth-redirects.tsx';
import { hasAbility, useSignedInSession } from '../features/auth/session.queries.ts';
import { AccountLinks, UserMenu } from '../features/auth/user-menu.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { RestrictedBanner } from './restricted-banner.tsx';

const MOBILE_NAV_ID = 'itd-mobile-nav';

// The groups' link (with its unread badge) and live updates are for signed-in people only: loaded when someone is
// signed in, so the sign-in page on a slow link does not wait for the groups' code.
const GroupsNavLink = lazy(() =>
  import('../features/groups/groups-nav-link.tsx').then((module) => ({ default: module.GroupsNavLink })),
);
const GroupsLiveUpdates = lazy(() =>
  import('../features/groups/groups-nav-link.tsx').then((module) => ({ default: module.GroupsLiveUpdates })),
);

export function AppFrame() {
  const { t } = useTranslation();
  const [isMenuOpen, menu] = useDisclosure(false);

  return (
    <div className="itd-page">
      <AuthRedirects />
      <SignedInOnly>
        <GroupsLiveUpdates />
      </SignedInOnly>
      <a className="itd-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <RestrictedBanner />
      <header className="itd-header">
        <Container size="lg" className="itd-header__inner">
          <Link to="/" className="itd-brand" onClick={menu.close}>
            <span className="itd-brand__name">{t('app.name')}</span>
            <span className="itd-brand__subtitle">{t('app.subtitle')}</span>
          </Link>
          <nav className="itd-nav mantine-visible-from-sm" aria-label={t('nav.label')}>
            <NavigationLinks />
          </nav>
          <div className="itd-header__tools">
            <LanguageSwitch />
            <div className="mantine-visible-from-sm">
              <UserMenu />
            </div>
            <Burger
              hiddenFrom="sm"
              color="white"
              size="sm"
              opened={isMenuOpen}
              onClick={menu.toggle}
              aria-label={isMenuOpen ? t('app.closeMenu') : t('app.openMenu')}
              aria-expanded={isMenuOpen}
              aria-controls={MOBILE_NAV_ID}
            />
          </div>
        </Container>
        <Collapse expanded={isMenuOpen} hiddenFrom="sm" keepMounted={false}>
          <nav id={MOBILE_NAV_ID} className="itd-mobile-nav" aria-label={t('nav.label')}>
            <NavigationLinks onNavigate={menu.close} />
            <hr className="itd-mobile-nav__separator" />
            <AccountLinks onNavigate={menu.close} />
          </nav>
        </Collapse>
      </header>
      <AdminNav />
      <main id="main" className="itd-main" tabIndex={-1}>
        <Container size="lg">
          <Outlet />
        </Container>
      </main>
      <footer className="itd-footer">
        <Container size="lg">
          <p className="itd-footer__marking">{t('footer.marking')}</p>
          <p>
            {t('footer.about')}{' '}
            <Link to="/terms" className="itd-footer__link">
              {t('footer.terms')}
            </Link>
          </p>
        </Container>
      </footer>
    </div>
  );
}

function NavigationLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  // The data explorer only for people with ITD access (the server refuses everyone else anyway).
  const mayExplore = hasAbility(session, 'itd.read');
  return (
    <>
      {/* On wider screens the product name is the link home; the phone menu lists it. */}
      {onNavigate ? (
        <NavLink to="/" end className="itd-nav__link" onClick={onNavigate}>
          {t('nav.home')}
        </NavLink>
      ) : null}
      <NavLink to="/species" className="itd-nav__link" onClick={onNavigate}>
        {t('nav.species')}
      </NavLink>
      {mayExplore ? (
        <NavLink to="/explorer" className="itd-nav__link" onClick={onNavigate}>
          {t('explorer.nav')}
        </NavLink>
      ) : null}
      {hasAbility(session, 'report.read') ? (
        <NavLink to="/reports" className="itd-nav__link" onClick={onNavigate}>
          {t('nav.reports')}
        </NavLink>
      ) : null}
      {session ? (
        <Suspense fallback={null}>
          <GroupsNavLink onNavigate={onNavigate} />
        </Suspense>
      ) : null}
      {session ? (
        <NavLink to="/permits" end className="itd-nav__link" onClick={onNavigate}>
          {t('permits.nav')}
        </NavLink>
      ) : null}
    </>
  );
}

function SignedInOnly({ children }: { children: React.ReactNode }) {
  const session = useSignedInSession();
  return session ? <Suspense fallback={null}>{children}</Suspense> : null;
}
