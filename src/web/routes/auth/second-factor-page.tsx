/**
 * /sign-in/second-factor — the step after the password: enrolment of an authenticator app at first sign-in
 * (then the recovery codes, shown once), or the code from the app (or a recovery code, or a security key) at every
 * later sign-in.
 * Which one comes from the session's `next`.
 */
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { CodeForm } from '../../features/auth/code-form.tsx';
import { RecoveryCodes } from '../../features/auth/recovery-codes.tsx';
import { SecondFactorEnrol, type Enrolled } from '../../features/auth/second-factor-enrol.tsx';
import { useVerifySecondFactor } from '../../features/auth/second-factor.api.ts';
import { refreshSessionAfterStep, useSession } from '../../features/auth/session.queries.ts';
import {
  pathForStep,
  safeReturnPath,
  signInPath,
  type SignInStep,
} from '../../features/auth/sign-in-steps.ts';
import { SignInWithSecurityKey } from '../../features/security-keys/my-security-keys.tsx';
import { useSignInWithSecurityKey } from '../../features/security-keys/security-keys.api.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';

export function SecondFactorPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('secondFactor.title')} — ${t('app.name')}`);
  const [params] = useSearchParams();
  const from = safeReturnPath(params.get('from'));
  const navigate = useNavigate();
  const session = useSession();
  // Kept here, not in the session: the codes must stay on screen after the session has moved to the next step.
  const [enrolled, setEnrolled] = useState<Enrolled | null>(null);
  const [isContinuing, setIsContinuing] = useState(false);

  const goOn = async (next: SignInStep) => {
    setIsContinuing(true);
    try {
      await refreshSessionAfterStep();
      await navigate(pathForStep(next, from), { replace: true });
    } finally {
      setIsContinuing(false);
    }
  };

  if (enrolled !== null) {
    const user = session.data?.user;
    return (
      <Stack gap="lg" maw="44rem">
        <Title order={1}>{t('recoveryCodes.pageTitle')}</Title>
        <RecoveryCodes
          codes={enrolled.recoveryCodes}
          accountLabel={user ? `${user.firstName} ${user.lastName} <${user.email}>` : ''}
          isContinuing={isContinuing}
          onContinue={() => void goOn(enrolled.next)}
        />
      </Stack>
    );
  }

  if (session.isPending) return <PageLoader label={t('auth.checkingSession')} />;
  if (session.isError) return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  const current = session.data;
  if (current === null) return <Navigate to={signInPath(from)} replace />;

  switch (current.next) {
    case 'accept_terms':
    case 'change_password':
    case 'done':
      return <Navigate to={pathForStep(current.next, from)} replace />;
    case 'enrol_second_factor':
      return (
        <Stack gap="lg">
          <Title order={1}>{t('secondFactor.enrolTitle')}</Title>
          <SecondFactorEnrol onEnrolled={setEnrolled} />
          <StartAgain />
        </Stack>
      );
    case 'second_factor':
      return <VerifyStep onVerified={(next) => void goOn(next)} />;
  }
}

function VerifyStep({ onVerified }: { onVerified: (next: SignInStep) => void }) {
  const { t } = useTranslation();
  const verify = useVerifySecondFactor();
  const withKey = useSignInWithSecurityKey();
  return (
    <Stack gap="lg" maw="32rem">
      <Title order={1}>{t('secondFactor.title')}</Title>
      <Card withBorder padding="lg">
        <CodeForm
          label={t('secondFactor.verifyLabel')}
          description={t('secondFactor.verifyHint')}
          submitLabel={t('secondFactor.verifySubmit')}
          isPending={verify.isPending || verify.isSuccess}
          error={verify.error}
          onSubmit={(code) => verify.mutate(code, { onSuccess: ({ next }) => onVerified(next) })}
        />
      </Card>
      <SignInWithSecurityKey
        isPending={withKey.isPending || withKey.isSuccess}
        error={withKey.error}
        onSignIn={() => withKey.mutate(undefined, { onSuccess: ({ next }) => onVerified(next) })}
      />
      <Text size="sm">{t('secondFactor.lostDevice')}</Text>
      <StartAgain />
    </Stack>
  );
}

function StartAgain() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/sign-in" size="sm">
      {t('secondFactor.startAgain')}
    </Anchor>
  );
}
