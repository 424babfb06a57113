/**
 * Asking to join a group: the registration fields (prefilled from the signed-in person's account where the
 * account knows them) plus a reason. Checked against the shared contract before sending; the server's field
 * errors are shown next to the fields as well.
 */
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { joinRequestInputSchema, type JoinRequest } from '../../../shared/groups.contract.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useFormErrors, validate } from '../../ui/forms.ts';
import { useSignedInSession } from '../auth/session.queries.ts';
import { CountrySelect } from '../reference/country-select.tsx';
import { useAskToJoin } from './groups.api.ts';

const FIELDS = [
  'country',
  'lastName',
  'firstName',
  'organisation',
  'functionTitle',
  'telephone',
  'officialEmail',
  'reason',
] as const;
type TextField = Exclude<(typeof FIELDS)[number], 'country' | 'reason'>;
const LABEL_KEY: Record<
  TextField,
  'lastName' | 'firstName' | 'organisation' | 'functionTitle' | 'telephone' | 'email'
> = {
  lastName: 'lastName',
  firstName: 'firstName',
  organisation: 'organisation',
  functionTitle: 'functionTitle',
  telephone: 'telephone',
  officialEmail: 'email',
};

export function JoinForm(props: {
  groupId: string;
  onSent: (request: JoinRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const user = session?.user;
  const [values, setValues] = useState({
    country: user?.organisation.party ?? null,
    lastName: user?.lastName ?? '',
    firstName: user?.firstName ?? '',
    organisation: user?.organisation.name ?? '',
    functionTitle: '',
    telephone: '',
    officialEmail: user?.email ?? '',
    reason: '',
  });
  const asking = useAskToJoin(props.groupId);
  const errors = useFormErrors(asking.error);

  const set = <K extends keyof typeof values>(field: K, value: (typeof values)[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    errors.markEdited(field);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validate(joinRequestInputSchema, values, (field, isEmpty) => {
      if (isEmpty) return t('form.required');
      if (field === 'officialEmail') return t('form.invalidEmail');
      if (field === 'telephone') return t('form.invalidTelephone');
      return t('form.invalid');
    });
    errors.setClientErrors(checked.isValid ? {} : checked.errors);
    if (!checked.isValid) return;
    asking.mutate(checked.data, { onSuccess: props.onSent });
  };

  const text = (field: TextField, extra: { type?: string; autoComplete?: string; maxLength: number }) => (
    <TextInput
      name={field}
      label={t(`groups.join.fields.${LABEL_KEY[field]}`)}
      required
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={errors.errorOf(field)}
      {...extra}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <CountrySelect
          name="country"
          label={t('groups.join.fields.country')}
          required
          value={values.country}
          onChange={(code) => set('country', code)}
          error={errors.errorOf('country')}
        />
        <div className="itd-form-grid">
          {text('firstName', { autoComplete: 'given-name', maxLength: 100 })}
          {text('lastName', { autoComplete: 'family-name', maxLength: 100 })}
          {text('organisation', { autoComplete: 'organization', maxLength: 200 })}
          {text('functionTitle', { autoComplete: 'organization-title', maxLength: 200 })}
          {text('officialEmail', { type: 'email', autoComplete: 'email', maxLength: 254 })}
          {text('telephone', { type: 'tel', autoComplete: 'tel', maxLength: 30 })}
        </div>
        <Textarea
          name="reason"
          label={t('groups.join.fields.reason')}
          description={t('groups.join.reasonHint')}
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
          value={values.reason}
          onChange={(event) => set('reason', event.currentTarget.value)}
          error={errors.errorOf('reason')}
        />
        <FormError error={asking.error} fields={FIELDS} />
        <Group gap="sm">
          <Button type="submit" loading={asking.isPending}>
            {t('groups.join.submit')}
          </Button>
          <Button variant="default" onClick={props.onCancel} disabled={asking.isPending}>
            {t('groups.join.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
