/** /account — my details, my security keys, my sessions, my API tokens, and a change of password. */
import { Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../features/account/change-password-form.tsx';
import { MyDetails } from '../../features/account/my-details.tsx';
import { MySessions } from '../../features/account/my-sessions.tsx';
import { MyTokens } from '../../features/account/my-tokens.tsx';
import { MySecurityKeys } from '../../features/security-keys/my-security-keys.tsx';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { useSignedInSession } from '../../features/auth/session.queries.ts';

export function AccountPage() {
  return (
    <RequireSession>
      <Account />
    </RequireSession>
  );
}

function Account() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('account.title')} — ${t('app.name')}`);
  const session = useSignedInSession();
  if (session === null) return null;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('account.title')}</Title>
      <div className="itd-account-grid">
        <MyDetails session={session} />
        <ChangePasswordForm />
      </div>
      <MySecurityKeys />
      <MySessions />
      <MyTokens />
    </Stack>
  );
}
