/**
 * /publication/consents — a Party's focal points answer the requests to publish their Party's data: approve or
 * refuse, with a comment. They see their own Party's answer only.
 */
import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { usePublicationRequests } from '../../features/exports/data-out.api.ts';
import { PublicationCard } from '../../features/exports/publication-card.tsx';
import { PublicationLinks } from '../../features/exports/publication-links.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function PublicationConsentsPage() {
  return (
    <RequireSession abilities={['publication.consent']}>
      <PublicationConsents />
    </RequireSession>
  );
}

function PublicationConsents() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('publication.consentsTitle')} — ${t('app.name')}`);
  const requests = usePublicationRequests('to_answer');
  return (
    <Stack gap="md">
      <Title order={1}>{t('publication.consentsTitle')}</Title>
      <PublicationLinks />
      <Text>{t('publication.consentsIntro')}</Text>
      {requests.isError ? (
        <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />
      ) : null}
      {requests.data?.items.length === 0 ? <Text>{t('publication.none')}</Text> : null}
      {requests.data?.items.map((request) => (
        <PublicationCard key={request.id} request={request} />
      ))}
    </Stack>
  );
}
