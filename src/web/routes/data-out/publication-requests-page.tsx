/**
 * /publication/requests — the requester's page: ask for consent to publish from one of their downloads (the
 * intended use and the statement of modification), follow the Parties' answers, withdraw, and download the consent
 * certificate once every Party has approved.
 */
import { Alert, Button, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadListSchema } from '../../../shared/exports.contract.ts';
import { apiGet } from '../../api/client.ts';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { useCreatePublicationRequest, usePublicationRequests } from '../../features/exports/data-out.api.ts';
import { PublicationCard } from '../../features/exports/publication-card.tsx';
import { PublicationLinks } from '../../features/exports/publication-links.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function PublicationRequestsPage() {
  return (
    <RequireSession abilities={['publication.request']}>
      <PublicationRequests />
    </RequireSession>
  );
}

function PublicationRequests() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('publication.requestsTitle')} — ${t('app.name')}`);
  const requests = usePublicationRequests('mine');
  return (
    <Stack gap="md">
      <Title order={1}>{t('publication.requestsTitle')}</Title>
      <PublicationLinks />
      <Text>{t('publication.requestsIntro')}</Text>
      <NewRequestForm />
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

function NewRequestForm() {
  const { t } = useTranslation();
  const downloads = useQuery({
    queryKey: ['downloads'],
    queryFn: ({ signal }) => apiGet('/api/v1/downloads', downloadListSchema, { signal }),
  });
  const create = useCreatePublicationRequest();
  const [downloadId, setDownloadId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [intendedUse, setIntendedUse] = useState('');
  const [modification, setModification] = useState('');
  const completed = (downloads.data?.items ?? []).filter((item) => item.checksum !== null);
  const ready = downloadId !== null && title.trim() && intendedUse.trim() && modification.trim();
  return (
    <Stack gap="sm" component="section" aria-labelledby="new-publication-request">
      <Title order={2} id="new-publication-request">
        {t('publication.new')}
      </Title>
      {downloads.isSuccess && completed.length === 0 ? <Text>{t('publication.noDownloads')}</Text> : null}
      <Select
        label={t('publication.fromDownload')}
        placeholder={t('publication.pickDownload')}
        data={completed.map((item) => ({
          value: item.id,
          label: t('publication.downloadLabel', {
            date: item.createdAt.slice(0, 10),
            kind: t(`exports.downloads.kinds.${item.kind}`),
            rows: item.rowCount ?? 0,
            parties: item.parties.join(', '),
          }),
        }))}
        value={downloadId}
        onChange={setDownloadId}
        data-testid="publication-download"
      />
      <TextInput
        label={t('publication.titleLabel')}
        value={title}
        maxLength={300}
        onChange={(event) => setTitle(event.currentTarget.value)}
        data-testid="publication-title"
      />
      <Textarea
        label={t('publication.intendedUse')}
        value={intendedUse}
        maxLength={4000}
        onChange={(event) => setIntendedUse(event.currentTarget.value)}
        data-testid="publication-use"
      />
      <Textarea
        label={t('publication.modification')}
        value={modification}
        maxLength={4000}
        onChange={(event) => setModification(event.currentTarget.value)}
        data-testid="publication-modification"
      />
      {create.isError ? <Alert color="red">{create.error.message}</Alert> : null}
      {create.isSuccess ? <Alert color="green">{t('publication.sent')}</Alert> : null}
      <Button
        disabled={!ready}
        loading={create.isPending}
        onClick={() =>
          downloadId &&
          create.mutate({
            downloadId,
            title: title.trim(),
            intendedUse: intendedUse.trim(),
            modificationStatement: modification.trim(),
          })
        }
        data-testid="publication-submit"
        w="fit-content"
      >
        {t('publication.submit')}
      </Button>
    </Stack>
  );
}
