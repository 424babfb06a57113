/** A group's name or description in the reader's language, falling back to English when a text is empty. */
import type { Language } from '../../../shared/languages.ts';

export type Translated = Record<Language, string>;

export function localized(text: Translated, language: Language): string {
  return text[language].trim() || text.en;
}
