/**
 * /sign-in — e-mail and password, with the announcement of amended terms of use, the reason the person is here
 * (session ended, signed out, password just set), and the ways to a new password or to an account.
 */
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useSignedInSession } from '../../features/auth/session.queries.ts';
import { SignInForm } from '../../features/auth/sign-in-form.tsx';
import { safeReturnPath } from '../../features/auth/sign-in-steps.ts';
import { TermsAmendment } from '../../features/auth/terms-amendment.tsx';

const REASONS = ['ended', 'signed_out', 'password_set'] as const;
type Reason = (typeof REASONS)[number];

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('signIn.title')} — ${t('app.name')}`);
  const [params] = useSearchParams();
  const from = safeReturnPath(params.get('from'));
  const reason = REASONS.find((known) => known === params.get('reason')) ?? null;
  const session = useSignedInSession();

  if (session !== null) return <Navigate to={from ?? '/'} replace />;

  return (
    <Stack gap="lg" maw="30rem" mx="auto" w="100%">
      <Title order={1}>{t('signIn.title')}</Title>
      {reason ? <ReasonNotice reason={reason} /> : null}
      <TermsAmendment />
      <Text c="dimmed">{t('signIn.intro')}</Text>
      <SignInForm from={from} />
      <Stack gap={4}>
        <Anchor component={Link} to="/reset-password">
          {t('signIn.forgotPassword')}
        </Anchor>
        <Text size="sm">
          {t('signIn.noAccount')}{' '}
          <Anchor component={Link} to="/register">
            {t('signIn.register')}
          </Anchor>
        </Text>
      </Stack>
    </Stack>
  );
}

function ReasonNotice({ reason }: { reason: Reason }) {
  const { t } = useTranslation();
  switch (reason) {
    case 'ended':
      return (
        <Alert color="orange" variant="light" title={t('signIn.endedTitle')} role="alert">
          {t('signIn.ended')}
        </Alert>
      );
    case 'signed_out':
      return (
        <Alert color="teal" variant="light" role="status">
          {t('signIn.signedOut')}
        </Alert>
      );
    case 'password_set':
      return (
        <Alert color="teal" variant="light" role="status">
          {t('signIn.passwordSet')}
        </Alert>
      );
  }
}
