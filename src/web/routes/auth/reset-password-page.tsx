/**
 * /reset-password — asks for a link to choose a new password. The answer is the same whether or not the
 * address has an account, so the page never reveals one.
 */
import { Alert, Anchor, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { passwordResetRequestSchema } from '../../../shared/auth.contract.ts';
import { apiPostNoContent } from '../../api/client.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useFormErrors, validate } from '../../ui/forms.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('resetPassword.title')} — ${t('app.name')}`);
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: (body: { email: string }) =>
      apiPostNoContent('/api/v1/auth/password-reset/request', body, { isSessionRequired: false }),
  });
  const errors = useFormErrors(request.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validate(passwordResetRequestSchema, { email }, (_field, isEmpty) =>
      isEmpty ? t('form.required') : t('form.invalidEmail'),
    );
    if (!checked.isValid) {
      errors.setClientErrors(checked.errors);
      return;
    }
    errors.setClientErrors({});
    request.mutate(checked.data);
  };

  return (
    <Stack gap="lg" maw="30rem" mx="auto" w="100%">
      <Title order={1}>{t('resetPassword.title')}</Title>
      {request.isSuccess ? (
        <Alert color="teal" variant="light" role="status" title={t('resetPassword.sentTitle')}>
          {t('resetPassword.sent')}
        </Alert>
      ) : (
        <>
          <Text>{t('resetPassword.intro')}</Text>
          <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
            <Stack gap="md">
              <TextInput
                name="email"
                type="email"
                label={t('signIn.email')}
                autoComplete="username"
                required
                value={email}
                onChange={(event) => {
                  setEmail(event.currentTarget.value);
                  errors.markEdited('email');
                }}
                error={errors.errorOf('email')}
              />
              <FormError error={request.error} fields={['email']} />
              <Button type="submit" loading={request.isPending} w="fit-content">
                {t('resetPassword.submit')}
              </Button>
            </Stack>
          </Card>
        </>
      )}
      <Anchor component={Link} to="/sign-in">
        {t('resetPassword.backToSignIn')}
      </Anchor>
    </Stack>
  );
}
