/**
 * The public registration form (DESIGN §2 "Getting in"): who the person is, their official e-mail address, which
 * access they request (the ITD, closed user groups) and why. Checked against the shared contract before sending;
 * the server's field errors are shown next to the fields as well.
 */
import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/languages.ts';
import {
  registrationRequestSchema,
  type RegistrationRequest,
} from '../../../shared/registration.contract.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useFormErrors, validate } from '../../ui/forms.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { useGroupDirectory } from '../groups/groups.api.ts';
import { localized } from '../groups/localized.ts';
import { CountrySelect } from '../reference/country-select.tsx';
import { useSendRegistration } from './registration.api.ts';

interface Values {
  country: string | null;
  lastName: string;
  firstName: string;
  organisation: string;
  functionTitle: string;
  telephone: string;
  email: string;
  requestsItdAccess: boolean;
  requestedGroups: string[];
  justification: string;
  /** null until the person chooses: the interface language, which they may switch while filling the form. */
  language: Language | null;
}

const FIELDS = [
  'country',
  'lastName',
  'firstName',
  'organisation',
  'functionTitle',
  'telephone',
  'email',
  'requestsItdAccess',
  'requestedGroups',
  'justification',
  'language',
] as const;
type TextField = 'lastName' | 'firstName' | 'organisation' | 'functionTitle' | 'telephone' | 'email';

export function RegistrationForm({ onSent }: { onSent: (request: RegistrationRequest) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState<Values>({
    country: null,
    lastName: '',
    firstName: '',
    organisation: '',
    functionTitle: '',
    telephone: '',
    email: '',
    requestsItdAccess: false,
    requestedGroups: [],
    justification: '',
    language: null,
  });
  const sending = useSendRegistration();
  // The open groups are offered by name; a confidential group is never listed publicly, so its name is typed.
  const directory = useGroupDirectory();
  const groupNames = (directory.data?.items ?? []).map((group) => localized(group.name, language));
  const errors = useFormErrors(sending.error);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    errors.markEdited(field);
  };

  const describe = (field: string, isEmpty: boolean): string => {
    if (isEmpty) return t('form.required');
    if (field === 'email') return t('form.invalidEmail');
    if (field === 'telephone') return t('form.invalidTelephone');
    if (field.startsWith('requestedGroups')) return t('register.groupsInvalid');
    return t('form.invalid');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validate(
      registrationRequestSchema,
      { ...values, language: values.language ?? language },
      describe,
    );
    if (!checked.isValid) {
      errors.setClientErrors(checked.errors);
      return;
    }
    errors.setClientErrors({});
    sending.mutate(checked.data, { onSuccess: () => onSent(checked.data) });
  };

  const text = (
    field: TextField,
    extra: { type?: string; autoComplete?: string; maxLength: number; description?: string },
  ) => (
    <TextInput
      name={field}
      label={t(`register.fields.${field}`)}
      required
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={errors.errorOf(field)}
      {...extra}
    />
  );

  return (
    <Card
      withBorder
      padding="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="register-title"
    >
      <Stack gap="md">
        <CountrySelect
          name="country"
          label={t('register.fields.country')}
          description={t('register.countryHint')}
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
          {text('email', {
            type: 'email',
            autoComplete: 'email',
            maxLength: 254,
            description: t('register.emailHint'),
          })}
          {text('telephone', {
            type: 'tel',
            autoComplete: 'tel',
            maxLength: 30,
            description: t('register.telephoneHint'),
          })}
        </div>

        <Fieldset legend={t('register.accessLegend')}>
          <Stack gap="md">
            <Checkbox
              name="requestsItdAccess"
              label={t('register.fields.requestsItdAccess')}
              description={t('register.itdHint')}
              checked={values.requestsItdAccess}
              onChange={(event) => set('requestsItdAccess', event.currentTarget.checked)}
              error={errors.errorOf('requestsItdAccess')}
            />
            <TagsInput
              name="requestedGroups"
              label={t('register.fields.requestedGroups')}
              description={t('register.groupsHint')}
              data={groupNames}
              value={values.requestedGroups}
              onChange={(groups) => set('requestedGroups', groups)}
              maxTags={20}
              splitChars={[',', ';']}
              acceptValueOnBlur
              clearable
              error={errors.errorOf('requestedGroups')}
            />
          </Stack>
        </Fieldset>

        <Textarea
          name="justification"
          label={t('register.fields.justification')}
          description={t('register.justificationHint')}
          required
          autosize
          minRows={4}
          maxRows={12}
          maxLength={2000}
          value={values.justification}
          onChange={(event) => set('justification', event.currentTarget.value)}
          error={errors.errorOf('justification')}
        />
        <Select
          name="language"
          label={t('register.fields.language')}
          description={t('register.languageHint')}
          data={LANGUAGES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
          value={values.language ?? language}
          onChange={(code) => set('language', code ?? language)}
          allowDeselect={false}
          error={errors.errorOf('language')}
        />
        <Text size="sm" c="dimmed">
          {t('register.privacy')}
        </Text>
        <FormError error={sending.error} fields={FIELDS} />
        <Button type="submit" loading={sending.isPending} w="fit-content">
          {t('register.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
