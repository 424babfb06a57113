/**
 * /change-password — the sign-in step of a person who received a one-time password (`itd users create`, the
 * first admin): they choose their own before any data is shown, then go where they were going.
 */
import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ChangePasswordForm } from '../../features/account/change-password-form.tsx';
import { refreshSessionAfterStep, useSession } from '../../features/auth/session.queries.ts';
import { pathForStep, safeReturnPath, signInPath } from '../../features/auth/sign-in-steps.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('passwordStep.title')} — ${t('app.name')}`);
  const [params] = useSearchParams();
  const from = safeReturnPath(params.get('from'));
  const navigate = useNavigate();
  const session = useSession();

  if (session.isPending) return <PageLoader label={t('auth.checkingSession')} />;
  if (session.isError) return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  if (session.data === null) return <Navigate to={signInPath(from)} replace />;
  if (session.data.next !== 'change_password')
    return <Navigate to={pathForStep(session.data.next, from)} replace />;

  const onChanged = async () => {
    await refreshSessionAfterStep();
    await navigate(pathForStep('done', from), { replace: true });
  };
  return (
    <Stack gap="lg" maw="40rem">
      <Title order={1}>{t('passwordStep.title')}</Title>
      <Text>{t('passwordStep.intro')}</Text>
      <ChangePasswordForm onChanged={() => void onChanged()} />
    </Stack>
  );
}
