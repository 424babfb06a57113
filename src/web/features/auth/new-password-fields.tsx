/**
 * A new password typed twice, with the rule (at least PASSWORD_MIN_LENGTH characters) said up front, as the
 * server checks it. Used to set a password from an e-mailed link and to change it on the account page.
 */
import { PasswordInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, passwordSchema } from '../../../shared/auth.contract.ts';
import type { FieldErrors } from '../../ui/forms.ts';

export interface NewPasswordFieldsProps {
  newPassword: string;
  confirmation: string;
  onChange: (field: 'newPassword' | 'confirmation', value: string) => void;
  errorOf: (field: string) => string | undefined;
}

export function NewPasswordFields({ newPassword, confirmation, onChange, errorOf }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  const toggle = { 'aria-label': t('form.showPassword') };
  return (
    <>
      <PasswordInput
        name="newPassword"
        label={t('password.new')}
        description={t('password.rule', { count: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        maxLength={256}
        value={newPassword}
        onChange={(event) => onChange('newPassword', event.currentTarget.value)}
        error={errorOf('newPassword')}
        visibilityToggleButtonProps={toggle}
      />
      <PasswordInput
        name="confirmation"
        label={t('password.confirm')}
        autoComplete="new-password"
        required
        maxLength={256}
        value={confirmation}
        onChange={(event) => onChange('confirmation', event.currentTarget.value)}
        error={errorOf('confirmation')}
        visibilityToggleButtonProps={toggle}
      />
    </>
  );
}

/** The errors of the two fields (empty when both are right). */
export function checkNewPassword(newPassword: string, confirmation: string, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!newPassword) errors.newPassword = t('form.required');
  else if (!passwordSchema.safeParse(newPassword).success) {
    errors.newPassword = t('password.tooShort', { count: PASSWORD_MIN_LENGTH });
  }
  if (!confirmation) errors.confirmation = t('form.required');
  else if (confirmation !== newPassword) errors.confirmation = t('password.mismatch');
  return errors;
}
