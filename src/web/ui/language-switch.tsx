/**
 * EN / FR / ES switch. Each option is labelled with the language's own name (for screen readers, in that
 * language), so a reader who does not understand the current interface language can still find theirs.
 */
import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/languages.ts';
import { chooseLanguage } from '../i18n/i18n.ts';
import { useLanguage } from './use-language.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const data = LANGUAGES.map((code) => ({
    value: code,
    label: (
      <>
        <span aria-hidden="true">{code.toUpperCase()}</span>
        <VisuallyHidden lang={code}>{t(`language.${code}`)}</VisuallyHidden>
      </>
    ),
  }));
  return (
    <SegmentedControl<Language>
      className="itd-language-switch"
      aria-label={t('language.label')}
      size="xs"
      data={data}
      value={language}
      onChange={(next) => void chooseLanguage(next)}
    />
  );
}
