/**
 * /register/check-email — after a registration request: the person must open the link sent to their address.
 * The server answers the same whether or not the address was already known, and so does this page.
 */
import { Alert, Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { z } from 'zod';

const stateSchema = z.object({ email: z.string() });

export function CheckEmailPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('checkEmail.title')} — ${t('app.name')}`);
  const state = stateSchema.safeParse(useLocation().state);
  return (
    <Stack gap="md" maw="44rem">
      <Title order={1}>{t('checkEmail.title')}</Title>
      <Alert color="teal" variant="light" role="status" title={t('checkEmail.received')}>
        {state.success ? t('checkEmail.sentTo', { email: state.data.email }) : t('checkEmail.sent')}
      </Alert>
      <Text>{t('checkEmail.next')}</Text>
      <List spacing="xs">
        <List.Item>{t('checkEmail.stepVerify')}</List.Item>
        <List.Item>{t('checkEmail.stepReview')}</List.Item>
        <List.Item>{t('checkEmail.stepApproved')}</List.Item>
      </List>
      <Text size="sm" c="dimmed">
        {t('checkEmail.noMail')}
      </Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}
