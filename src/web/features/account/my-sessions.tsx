/** The person's open sessions (browsers where they are signed in), each of the others closable. */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { useMySessions, useRevokeSession } from './account.api.ts';
import { describeBrowser } from './user-agent.ts';
import { SectionCard } from '../../ui/section-card.tsx';

export function MySessions() {
  const { t } = useTranslation();
  const language = useLanguage();
  const sessions = useMySessions();
  const revoke = useRevokeSession();

  return (
    <SectionCard id="my-sessions-title" title={t('account.sessionsTitle')} intro={t('account.sessionsIntro')}>
      {sessions.isPending ? <PageLoader label={t('common.loading')} /> : null}
      {sessions.isError ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : null}
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      <Stack gap={0} className="itd-rows">
        {(sessions.data?.items ?? []).map((session) => (
          <Group key={session.id} className="itd-row" justify="space-between" wrap="wrap" gap="sm">
            <div>
              <Group gap="xs">
                <Text fw={600}>{describeBrowser(session.userAgent) ?? t('account.unknownBrowser')}</Text>
                {session.isCurrent ? (
                  <Badge variant="light" tt="none">
                    {t('account.thisSession')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed">
                {t('account.sessionFacts', {
                  address: session.ipAddress ?? '—',
                  created: formatDateTime(session.createdAt, language),
                  seen: formatDateTime(session.lastSeenAt, language),
                })}
              </Text>
            </div>
            {session.isCurrent ? null : (
              <Button
                variant="default"
                size="xs"
                loading={revoke.isPending && revoke.variables === session.id}
                onClick={() => revoke.mutate(session.id)}
              >
                {t('account.revokeSession')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}
