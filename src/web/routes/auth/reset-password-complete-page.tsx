/**
 * /reset-password/complete?token=… — opened from an e-mailed link: choose a (new) password. The same link sets
 * the first password of a newly approved account. Then on to sign in.
 */
import { Alert, Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { passwordResetCompleteSchema } from '../../../shared/auth.contract.ts';
import { apiPostNoContent } from '../../api/client.ts';
import { checkNewPassword, NewPasswordFields } from '../../features/auth/new-password-fields.tsx';
import { signInPath } from '../../features/auth/sign-in-steps.ts';
import { FormError } from '../../ui/form-error.tsx';
import { fieldErrorsOf, useFormErrors } from '../../ui/forms.ts';

export function ResetPasswordCompletePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('resetPassword.completeTitle')} — ${t('app.name')}`);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [values, setValues] = useState({ newPassword: '', confirmation: '' });
  const complete = useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      apiPostNoContent('/api/v1/auth/password-reset/complete', body, { isSessionRequired: false }),
    onSuccess: () => navigate(signInPath(null, 'password_set')),
  });
  const errors = useFormErrors(complete.error);
  const isTokenShaped = passwordResetCompleteSchema.shape.token.safeParse(token).success;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkNewPassword(values.newPassword, values.confirmation, t);
    errors.setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    complete.mutate({ token, newPassword: values.newPassword });
  };

  return (
    <Stack gap="lg" maw="30rem" mx="auto" w="100%">
      <Title order={1}>{t('resetPassword.completeTitle')}</Title>
      {isTokenShaped ? (
        <>
          <Text>{t('resetPassword.completeIntro')}</Text>
          <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
            <Stack gap="md">
              <NewPasswordFields
                newPassword={values.newPassword}
                confirmation={values.confirmation}
                onChange={(field, value) => {
                  setValues((previous) => ({ ...previous, [field]: value }));
                  errors.markEdited(field);
                }}
                errorOf={errors.errorOf}
              />
              {fieldErrorsOf(complete.error).token ? (
                <Alert color="red" variant="light" role="alert">
                  {t('resetPassword.linkExpired')}
                </Alert>
              ) : (
                <FormError error={complete.error} fields={['newPassword', 'confirmation']} />
              )}
              <Button type="submit" loading={complete.isPending || complete.isSuccess} w="fit-content">
                {t('resetPassword.completeSubmit')}
              </Button>
            </Stack>
          </Card>
        </>
      ) : (
        <Alert color="red" variant="light" title={t('resetPassword.badLinkTitle')}>
          {t('resetPassword.badLink')}
        </Alert>
      )}
      {complete.isError ? (
        <Anchor component={Link} to="/reset-password">
          {t('resetPassword.askAgain')}
        </Anchor>
      ) : null}
    </Stack>
  );
}
