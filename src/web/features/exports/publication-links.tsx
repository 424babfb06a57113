/** The consent pages' links, each shown to those whose abilities open it. */
import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAbility, useSignedInSession } from '../auth/session.queries.ts';
import publicationEn from '../../i18n/publication/en.json' with { type: 'json' };
import publicationEs from '../../i18n/publication/es.json' with { type: 'json' };
import publicationFr from '../../i18n/publication/fr.json' with { type: 'json' };
import { registerPageMessages } from '../../i18n/register-page-messages.ts';

// Every consent page shows these links, so their module registers the consent pages' messages, once.
registerPageMessages('publication', { en: publicationEn, fr: publicationFr, es: publicationEs });

export function PublicationLinks() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  return (
    <Group gap="md">
      {hasAbility(session, 'publication.request') ? (
        <Anchor component={Link} to="/publication/requests">
          {t('publication.links.mine')}
        </Anchor>
      ) : null}
      {hasAbility(session, 'publication.consent') ? (
        <Anchor component={Link} to="/publication/consents">
          {t('publication.links.toAnswer')}
        </Anchor>
      ) : null}
      {hasAbility(session, 'publication.proofs') ? (
        <Anchor component={Link} to="/publication/proofs">
          {t('publication.links.proofs')}
        </Anchor>
      ) : null}
    </Group>
  );
}
