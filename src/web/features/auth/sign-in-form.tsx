/**
 * E-mail and password, the first step of signing in. Whatever went wrong, the server answers with one generic
 * refusal (it never says whether the address is known); too many failures lock the address for a while (429).
 */
import { Button, Card, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { signInRequestSchema, signInStepSchema } from '../../../shared/auth.contract.ts';
import { apiPost } from '../../api/client.ts';
import { rememberSessionHint } from '../../api/session-hint.ts';
import { useFormErrors, validate } from '../../ui/forms.ts';
import { RefusalAlert } from '../../ui/refusal-alert.tsx';
import { dropPersonalData, refreshSessionAfterStep } from './session.queries.ts';
import { pathForStep } from './sign-in-steps.ts';

const FIELDS = ['email', 'password'] as const;

export function SignInForm({ from }: { from: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      apiPost('/api/v1/auth/sign-in', body, signInStepSchema, { isSessionRequired: false }),
    onSuccess: async ({ next }) => {
      // Whoever used this browser before: their data must not show for the new person.
      dropPersonalData();
      rememberSessionHint(true);
      await refreshSessionAfterStep();
      await navigate(pathForStep(next, from));
    },
    onError: () => setPassword(''),
  });
  const errors = useFormErrors(signIn.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validate(signInRequestSchema, { email, password }, (field, isEmpty) =>
      isEmpty ? t('form.required') : field === 'email' ? t('form.invalidEmail') : t('form.invalid'),
    );
    if (!checked.isValid) {
      errors.setClientErrors(checked.errors);
      return;
    }
    errors.setClientErrors({});
    signIn.mutate(checked.data);
  };

  return (
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
        <PasswordInput
          name="password"
          label={t('signIn.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            errors.markEdited('password');
          }}
          error={errors.errorOf('password')}
          visibilityToggleButtonProps={{ 'aria-label': t('form.showPassword') }}
        />
        {/* Whatever was wrong, the server says only "unauthenticated" (it never tells which part). */}
        <RefusalAlert
          error={signIn.error}
          status={401}
          title={t('signIn.wrongCredentialsTitle')}
          message={t('signIn.wrongCredentials')}
          fields={FIELDS}
        />
        <Button type="submit" loading={signIn.isPending || signIn.isSuccess}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
