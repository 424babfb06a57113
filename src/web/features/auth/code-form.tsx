/** The one-field form of the second factor: a 6-digit code from the app, or (when allowed) a recovery code. */
import { Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { secondFactorCodeSchema } from '../../../shared/auth.contract.ts';
import { useFormErrors } from '../../ui/forms.ts';
import { RefusalAlert } from '../../ui/refusal-alert.tsx';

export interface CodeFormProps {
  label: string;
  description: string;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (code: string) => void;
}

export function CodeForm({ label, description, submitLabel, isPending, error, onSubmit }: CodeFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const errors = useFormErrors(error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = secondFactorCodeSchema.safeParse(code);
    if (!parsed.success) {
      errors.setClientErrors({ code: code.trim() ? t('secondFactor.codeInvalid') : t('form.required') });
      return;
    }
    errors.setClientErrors({});
    onSubmit(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          name="code"
          label={label}
          description={description}
          required
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={20}
          value={code}
          onChange={(event) => {
            setCode(event.currentTarget.value);
            errors.markEdited('code');
          }}
          error={errors.errorOf('code')}
          classNames={{ input: 'itd-code-input' }}
        />
        <RefusalAlert
          error={error}
          status={401}
          title={t('secondFactor.wrongCodeTitle')}
          message={t('secondFactor.wrongCode')}
          fields={['code']}
        />
        <Button type="submit" loading={isPending} w="fit-content">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
