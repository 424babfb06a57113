/** The consent pages' links, each shown to those whose abilities open it. */
import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAbility, useSignedInSession } from '../auth/session.queries.ts';

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
