/**
 * Publication of a new version of the terms of use, in the three languages (each at least 200 characters, as the
 * contract requires), optionally announced on the sign-in page with a summary of what changed. Every person
 * accepts the new version at their next sign-in.
 */
import { Alert, Button, Checkbox, Fieldset, Stack, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Terms } from '../../../shared/auth.contract.ts';
import { LANGUAGES, type Language } from '../../../shared/languages.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useFormErrors, type FieldErrors } from '../../ui/forms.ts';
import { refreshSessionAfterStep } from '../auth/session.queries.ts';
import { pathForStep } from '../auth/sign-in-steps.ts';
import { usePublishTerms } from './admin.api.ts';

const MIN_TEXT_LENGTH = 200;
type Texts = Record<Language, string>;
const EMPTY_TEXTS: Texts = { en: '', fr: '', es: '' };

export function PublishTermsForm({ current }: { current: Terms | null }) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<Texts>(EMPTY_TEXTS);
  const [isAmendment, setIsAmendment] = useState(true);
  const [summary, setSummary] = useState<Texts>(EMPTY_TEXTS);
  const [isTouched, setIsTouched] = useState(false);
  const publish = usePublishTerms();
  const navigate = useNavigate();
  const location = useLocation();
  const errors = useFormErrors(publish.error);

  // Start from the text in force: an amendment usually changes a few sentences.
  useEffect(() => {
    if (current && !isTouched) setTexts(current.texts);
  }, [current, isTouched]);

  // Like everyone, the publisher accepts the new version before seeing data again: now, then back here.
  const acceptAsPublisher = async () => {
    const session = await refreshSessionAfterStep();
    if (session?.next === 'accept_terms') {
      await navigate(pathForStep('accept_terms', location.pathname + location.search));
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors = {};
    for (const language of LANGUAGES) {
      if (texts[language].trim().length < MIN_TEXT_LENGTH) {
        found[`texts.${language}`] = t('termsAdmin.tooShort', { count: MIN_TEXT_LENGTH });
      }
      if (isAmendment && !summary[language].trim()) found[`changeSummary.${language}`] = t('form.required');
    }
    errors.setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    publish.mutate(
      { texts, changeSummary: isAmendment ? summary : null },
      {
        onSuccess: () => {
          setIsTouched(false);
          setSummary(EMPTY_TEXTS);
          void acceptAsPublisher();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('termsAdmin.publishTitle')}>
      <Stack gap="md">
        <Fieldset legend={t('termsAdmin.textsLegend')}>
          <Stack gap="md">
            {LANGUAGES.map((language) => (
              <Textarea
                key={language}
                lang={language}
                label={t('termsAdmin.textIn', { language: t(`language.${language}`) })}
                description={t('termsAdmin.length', { count: texts[language].trim().length })}
                required
                autosize
                minRows={6}
                maxRows={16}
                value={texts[language]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setTexts((previous) => ({ ...previous, [language]: value }));
                  setIsTouched(true);
                  errors.markEdited(`texts.${language}`);
                }}
                error={errors.errorOf(`texts.${language}`)}
              />
            ))}
          </Stack>
        </Fieldset>
        <Checkbox
          label={t('termsAdmin.announce')}
          description={t('termsAdmin.announceHint')}
          checked={isAmendment}
          onChange={(event) => setIsAmendment(event.currentTarget.checked)}
        />
        {isAmendment ? (
          <Fieldset legend={t('termsAdmin.summaryLegend')}>
            <Stack gap="md">
              {LANGUAGES.map((language) => (
                <Textarea
                  key={language}
                  lang={language}
                  label={t('termsAdmin.summaryIn', { language: t(`language.${language}`) })}
                  required
                  autosize
                  minRows={2}
                  value={summary[language]}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setSummary((previous) => ({ ...previous, [language]: value }));
                    errors.markEdited(`changeSummary.${language}`);
                  }}
                  error={errors.errorOf(`changeSummary.${language}`)}
                />
              ))}
            </Stack>
          </Fieldset>
        ) : null}
        <FormError error={publish.error} fields={['texts', 'changeSummary']} />
        {publish.data ? (
          <Alert color="teal" variant="light" role="status">
            {t('termsAdmin.published', { version: publish.data.version })}
          </Alert>
        ) : null}
        <Button type="submit" loading={publish.isPending} w="fit-content">
          {t('termsAdmin.publish')}
        </Button>
      </Stack>
    </form>
  );
}
