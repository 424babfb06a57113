/**
 * /register — the public request for an account. Once sent, the person is asked to confirm their address with
 * the link sent to it (/register/check-email).
 */
import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RegistrationForm } from '../../features/registration/registration-form.tsx';

export function RegisterPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('register.title')} — ${t('app.name')}`);
  const navigate = useNavigate();
  return (
    <Stack gap="lg" maw="48rem">
      <div>
        <Title order={1} id="register-title">
          {t('register.title')}
        </Title>
        <Text mt="xs">{t('register.intro')}</Text>
      </div>
      <RegistrationForm
        onSent={(request) => void navigate('/register/check-email', { state: { email: request.email } })}
      />
    </Stack>
  );
}
