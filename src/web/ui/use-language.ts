import { useTranslation } from 'react-i18next';
import { languageSchema, type Language } from '../../shared/languages.ts';

/** The interface language as one of the three working languages; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const parsed = languageSchema.safeParse(i18n.resolvedLanguage ?? i18n.language);
  return parsed.success ? parsed.data : 'en';
}
