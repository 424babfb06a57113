/**
 * /terms — the terms of use in force, in full and in the reader's language, with their citation (version and
 * date). At every sign-in the person accepts them here before any data is shown (DESIGN §2); anyone else may
 * read them.
 */
import { Alert, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { refreshSessionAfterStep, useSession } from '../../features/auth/session.queries.ts';
import { pathForStep, safeReturnPath } from '../../features/auth/sign-in-steps.ts';
import { inLanguage, useAcceptTerms, useCurrentTerms } from '../../features/auth/terms.queries.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { fieldErrorsOf } from '../../ui/forms.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';

export function TermsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('terms.title')} — ${t('app.name')}`);
  const language = useLanguage();
  const [params] = useSearchParams();
  const from = safeReturnPath(params.get('from'));
  const navigate = useNavigate();
  const session = useSession();
  const terms = useCurrentTerms();
  const accept = useAcceptTerms();

  if (terms.isPending) return <PageLoader label={t('terms.loading')} />;
  if (terms.isError) return <ErrorAlert error={terms.error} onRetry={() => void terms.refetch()} />;

  const mustAccept = session.data?.next === 'accept_terms';
  const versionLine = t('terms.versionLine', {
    version: terms.data.version,
    date: formatDate(terms.data.publishedAt, language),
  });
  const goOn = async (path: string) => {
    await refreshSessionAfterStep();
    await navigate(path, { replace: true });
  };
  const onAccept = () =>
    accept.mutate(terms.data.version, {
      onSuccess: ({ next }) => void goOn(pathForStep(next, from)),
      // A newer version was published meanwhile: show it, to be read and accepted instead.
      onError: (error) => {
        if (isApiError(error) && (error.status === 409 || fieldErrorsOf(error).version)) void terms.refetch();
      },
    });

  return (
    <Stack gap="lg" maw="48rem">
      <div>
        <Title order={1}>{t('terms.title')}</Title>
        <Text c="dimmed" mt="xs" data-testid="terms-version">
          {versionLine}
        </Text>
      </div>
      {mustAccept ? (
        <Alert color="blue" variant="light" title={t('terms.mustAcceptTitle')}>
          {t('terms.mustAccept')}
        </Alert>
      ) : null}
      <Card withBorder padding="lg" component="article" aria-label={versionLine}>
        <div className="itd-terms-text" lang={terms.data.texts[language].trim() ? language : 'en'}>
          {inLanguage(terms.data.texts, language)}
        </div>
      </Card>
      <Card withBorder padding="md" component="aside" aria-labelledby="cite-title">
        <Title order={2} size="h5" id="cite-title">
          {t('terms.citeTitle')}
        </Title>
        <Text size="sm" mt={4}>
          {t('terms.citeIntro')}
        </Text>
        <Code block mt="xs" data-testid="terms-citation">
          {t('terms.citeText', { date: formatDate(new Date().toISOString(), language) })}
        </Code>
      </Card>
      {mustAccept ? (
        <Stack gap="sm">
          {accept.error ? <ErrorAlert error={accept.error} /> : null}
          <Group>
            <Button size="md" onClick={onAccept} loading={accept.isPending || accept.isSuccess}>
              {t('terms.accept')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t('terms.acceptNote')}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}
