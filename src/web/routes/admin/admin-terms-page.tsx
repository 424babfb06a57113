/** /admin/terms — the versions of the terms of use, newest first, and the publication of a new one. */
import { Badge, Card, Group, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useTermsVersions } from '../../features/admin/admin.api.ts';
import { PublishTermsForm } from '../../features/admin/publish-terms-form.tsx';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { inLanguage } from '../../features/auth/terms.queries.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { SectionCard } from '../../ui/section-card.tsx';

export function AdminTermsPage() {
  return (
    <RequireSession abilities={['terms.publish']}>
      <TermsVersions />
    </RequireSession>
  );
}

function TermsVersions() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('termsAdmin.title')} — ${t('app.name')}`);
  const language = useLanguage();
  const versions = useTermsVersions();
  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  const current = items[0] ?? null;

  return (
    <Stack gap="lg">
      <Title order={1}>{t('termsAdmin.title')}</Title>
      <section aria-labelledby="terms-versions-title">
        <Title order={2} size="h3" mb="sm" id="terms-versions-title">
          {t('termsAdmin.versionsTitle')}
        </Title>
        {versions.isPending ? <PageLoader label={t('common.loading')} /> : null}
        {versions.isError ? (
          <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
        ) : null}
        {versions.isSuccess && items.length === 0 ? <Text>{t('termsAdmin.none')}</Text> : null}
        <Stack gap="sm">
          {items.map((terms) => (
            <Card key={terms.version} withBorder padding="md" data-testid="terms-version">
              <Group gap="sm" mb="xs">
                <Text fw={700}>{t('termsAdmin.version', { version: terms.version })}</Text>
                <Text size="sm" c="dimmed">
                  {formatDateTime(terms.publishedAt, language)}
                </Text>
                {terms === current ? (
                  <Badge variant="light" tt="none">
                    {t('termsAdmin.inForce')}
                  </Badge>
                ) : null}
              </Group>
              {terms.changeSummary ? (
                <Text size="sm" mb="xs">
                  <strong>{t('termsAdmin.changes')}</strong> {inLanguage(terms.changeSummary, language)}
                </Text>
              ) : null}
              <Spoiler
                maxHeight={48}
                showLabel={t('termsAdmin.showText')}
                hideLabel={t('termsAdmin.hideText')}
              >
                <div className="itd-terms-text itd-terms-text--small">
                  {inLanguage(terms.texts, language)}
                </div>
              </Spoiler>
            </Card>
          ))}
        </Stack>
      </section>
      <SectionCard
        id="publish-terms-title"
        title={t('termsAdmin.publishTitle')}
        intro={t('termsAdmin.publishIntro')}
      >
        <PublishTermsForm current={current} />
      </SectionCard>
    </Stack>
  );
}
