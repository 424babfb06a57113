/**
 * /verify-email?token=… — opened from the link in the registration e-mail: confirms the address at once, then
 * says what happens next (the Secretariat reviews the request).
 */
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { verifyEmailSchema } from '../../../shared/registration.contract.ts';
import { useVerifyEmail } from '../../features/registration/registration.api.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';

export function VerifyEmailPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('verifyEmail.title')} — ${t('app.name')}`);
  const [params] = useSearchParams();
  const parsed = verifyEmailSchema.safeParse({ token: params.get('token') ?? '' });
  const token = parsed.success ? parsed.data.token : null;
  const verification = useVerifyEmail(token);

  return (
    <Stack gap="md" maw="44rem">
      <Title order={1}>{t('verifyEmail.title')}</Title>
      {token === null ? (
        <Alert color="red" variant="light" title={t('verifyEmail.badLinkTitle')}>
          {t('verifyEmail.badLink')}
        </Alert>
      ) : verification.isPending ? (
        <PageLoader label={t('verifyEmail.checking')} />
      ) : verification.isError ? (
        <>
          {isApiError(verification.error) && verification.error.status === 400 ? (
            <Alert color="red" variant="light" role="alert" title={t('verifyEmail.expiredTitle')}>
              {t('verifyEmail.failedHelp')}
            </Alert>
          ) : (
            <>
              <ErrorAlert error={verification.error} onRetry={() => void verification.refetch()} />
              <Text>{t('verifyEmail.failedHelp')}</Text>
            </>
          )}
          <Anchor component={Link} to="/register">
            {t('verifyEmail.registerAgain')}
          </Anchor>
        </>
      ) : verification.data.status === 'already_verified' ? (
        <>
          <Alert color="teal" variant="light" role="status" title={t('verifyEmail.alreadyTitle')}>
            {t('verifyEmail.already')}
          </Alert>
          <Text>{t('verifyEmail.next')}</Text>
          <Anchor component={Link} to="/">
            {t('notFound.home')}
          </Anchor>
        </>
      ) : (
        <>
          <Alert color="teal" variant="light" role="status" title={t('verifyEmail.doneTitle')}>
            {t('verifyEmail.done')}
          </Alert>
          <Text>{t('verifyEmail.next')}</Text>
          <Anchor component={Link} to="/">
            {t('notFound.home')}
          </Anchor>
        </>
      )}
    </Stack>
  );
}
