/** Change of password: the current one (proof it is the person), then the new one twice. */
import { Alert, Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/form-error.tsx';
import { useFormErrors } from '../../ui/forms.ts';
import { checkNewPassword, NewPasswordFields } from '../auth/new-password-fields.tsx';
import { useChangePassword } from './account.api.ts';

const EMPTY = { currentPassword: '', newPassword: '', confirmation: '' };
const FIELDS = ['currentPassword', 'newPassword', 'confirmation'] as const;

/** onChanged: called once the new password is in place (the sign-in step moves on). */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void } = {}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const change = useChangePassword();
  const errors = useFormErrors(change.error);

  const set = (field: keyof typeof EMPTY, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    errors.markEdited(field);
    if (change.isSuccess) change.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkNewPassword(values.newPassword, values.confirmation, t);
    if (!values.currentPassword) found.currentPassword = t('form.required');
    errors.setClientErrors(found);
    if (Object.values(found).some(Boolean)) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues(EMPTY);
          onChanged?.();
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="change-password-title">
      <Title order={2} size="h3" mb="sm" id="change-password-title">
        {t('password.changeTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw="28rem">
          <PasswordInput
            name="currentPassword"
            label={t('password.current')}
            autoComplete="current-password"
            required
            maxLength={256}
            value={values.currentPassword}
            onChange={(event) => set('currentPassword', event.currentTarget.value)}
            error={errors.errorOf('currentPassword')}
            visibilityToggleButtonProps={{ 'aria-label': t('form.showPassword') }}
          />
          <NewPasswordFields
            newPassword={values.newPassword}
            confirmation={values.confirmation}
            onChange={set}
            errorOf={errors.errorOf}
          />
          <FormError error={change.error} fields={FIELDS} />
          {change.isSuccess ? (
            <Alert color="teal" variant="light" role="status">
              {t('password.changed')}
            </Alert>
          ) : null}
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('password.changeSubmit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
