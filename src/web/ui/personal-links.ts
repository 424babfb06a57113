/**
 * The signed-in person's own pages about data taken out (downloads, access receipts, consent to publish), shown in
 * the account menu rather than the main navigation, which has room only for the main areas at 1,280 px in French.
 * From the session's abilities: the server decides, the app only hides what would be refused.
 */
import { useTranslation } from 'react-i18next';
import { hasAbility, useSignedInSession } from '../features/auth/session.queries.ts';

export interface PersonalLink {
  to: string;
  label: string;
}

export function usePersonalLinks(): PersonalLink[] {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const links: PersonalLink[] = [];
  if (hasAbility(session, 'itd.read')) links.push({ to: '/downloads', label: t('exports.downloads.nav') });
  if (hasAbility(session, 'access.receipts')) {
    links.push({ to: '/access-receipts', label: t('exports.receipts.nav') });
  }
  if (hasAbility(session, 'publication.consent')) {
    links.push({ to: '/publication/consents', label: t('nav.publication') });
  } else if (hasAbility(session, 'publication.proofs')) {
    links.push({ to: '/publication/proofs', label: t('nav.publication') });
  } else if (hasAbility(session, 'publication.request')) {
    links.push({ to: '/publication/requests', label: t('nav.publication') });
  }
  return links;
}
