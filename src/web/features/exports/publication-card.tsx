/**
 * One request for consent to publish, as its reader may see it: what is to be published and why, the Parties'
 * answers the reader may see, and the actions its `abilities` allow (withdraw, answer for one's Party, download
 * the certificate).
 */
import { Alert, Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicationRequest } from '../../../shared/publication.contract.ts';
import { useDecideConsent, useDownloadCertificate, useWithdrawRequest } from './data-out.api.ts';

const STATUS_COLOURS = {
  pending: 'yellow',
  approved: 'green',
  refused: 'red',
  withdrawn: 'gray',
  expired: 'gray',
} as const;

export function PublicationCard({ request }: { request: PublicationRequest }) {
  const { t, i18n } = useTranslation();
  const withdraw = useWithdrawRequest();
  const certificate = useDownloadCertificate();
  return (
    <Card withBorder padding="md" data-testid="publication-request" data-request-id={request.id}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3}>{request.title}</Title>
          <Badge color={STATUS_COLOURS[request.status]}>{t(`publication.status.${request.status}`)}</Badge>
        </Group>
        <Text size="sm">
          {t('publication.requester', {
            name: request.requesterName,
            organisation: request.organisationName,
            date: request.createdAt.slice(0, 10),
          })}
        </Text>
        <Text size="sm">
          <strong>{t('publication.intendedUse')}:</strong> {request.intendedUse}
        </Text>
        <Text size="sm">
          <strong>{t('publication.modification')}:</strong> {request.modificationStatement}
        </Text>
        {request.exportChecksum ? (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('publication.checksum', { checksum: request.exportChecksum })}
          </Text>
        ) : null}
        {request.status === 'pending' ? (
          <Text size="sm">{t('publication.expires', { date: request.expiresAt.slice(0, 10) })}</Text>
        ) : null}
        {request.filedAt ? (
          <Text size="sm" data-testid="publication-filed">
            {t('publication.filedOn', { date: request.filedAt.slice(0, 10) })}
          </Text>
        ) : null}
        <List size="sm">
          {request.consents.map((consent) => (
            <List.Item key={consent.party} data-testid="publication-consent">
              {t('publication.consentLine', {
                party: consent.party,
                records: consent.recordCount ?? '—',
                status: t(`publication.consentStatus.${consent.status}`),
              })}
              {consent.decidedAt
                ? ` — ${t('publication.decidedBy', {
                    name: consent.deciderName ?? '',
                    organisation: consent.deciderOrganisation ?? '',
                    date: consent.decidedAt.slice(0, 10),
                  })}`
                : ''}
              {consent.comment ? ` — “${consent.comment}”` : ''}
            </List.Item>
          ))}
        </List>
        {request.abilities.includes('decide') ? <DecisionForm id={request.id} /> : null}
        <Group>
          {request.abilities.includes('withdraw') ? (
            <Button
              variant="default"
              size="xs"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate(request.id)}
            >
              {t('publication.withdraw')}
            </Button>
          ) : null}
          {request.abilities.includes('certificate') ? (
            <Button
              size="xs"
              loading={certificate.isPending}
              onClick={() => certificate.mutate({ id: request.id, language: i18n.language })}
              data-testid="publication-certificate"
            >
              {t('publication.certificate')}
            </Button>
          ) : null}
        </Group>
        {withdraw.isError ? <Alert color="red">{withdraw.error.message}</Alert> : null}
        {certificate.isError ? <Alert color="red">{certificate.error.message}</Alert> : null}
      </Stack>
    </Card>
  );
}

function DecisionForm({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const decide = useDecideConsent();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const language = (['en', 'fr', 'es'] as const).find((code) => i18n.language.startsWith(code)) ?? 'en';
  const send = (decision: 'approve' | 'refuse') => {
    if (decision === 'refuse' && comment.trim() === '') {
      setMissing(true);
      return;
    }
    decide.mutate({ id, decision, comment: comment.trim(), language });
  };
  return (
    <Stack gap="xs">
      <Textarea
        label={t('publication.comment')}
        value={comment}
        maxLength={4000}
        error={missing ? t('publication.refuseNeedsComment') : undefined}
        onChange={(event) => setComment(event.currentTarget.value)}
        data-testid="consent-comment"
      />
      <Group>
        <Button
          size="xs"
          color="green"
          loading={decide.isPending}
          onClick={() => send('approve')}
          data-testid="consent-approve"
        >
          {t('publication.approve')}
        </Button>
        <Button
          size="xs"
          color="red"
          variant="light"
          loading={decide.isPending}
          onClick={() => send('refuse')}
        >
          {t('publication.refuse')}
        </Button>
      </Group>
      {decide.isError ? <Alert color="red">{decide.error.message}</Alert> : null}
    </Stack>
  );
}
