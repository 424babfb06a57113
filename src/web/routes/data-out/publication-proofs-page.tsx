/**
 * /publication/proofs — the Secretariat sees the proofs of prior informed consent filed when every Party concerned
 * approved a request, with each Party's approval, and may download each certificate.
 */
import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { usePublicationRequests } from '../../features/exports/data-out.api.ts';
import { PublicationCard } from '../../features/exports/publication-card.tsx';
import { PublicationLinks } from '../../features/exports/publication-links.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function PublicationProofsPage() {
  return (
    <RequireSession abilities={['publication.proofs']}>
      <PublicationProofs />
    </RequireSession>
  );
}

function PublicationProofs() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('publication.proofsTitle')} — ${t('app.name')}`);
  const requests = usePublicationRequests('filed');
  return (
    <Stack gap="md">
      <Title order={1}>{t('publication.proofsTitle')}</Title>
      <PublicationLinks />
      <Text>{t('publication.proofsIntro')}</Text>
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
