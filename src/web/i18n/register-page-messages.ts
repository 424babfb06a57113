/**
 * Messages that only one on-demand page uses, registered in all three languages when that page's module is first
 * evaluated (before its first render, and ready for a language switch), so the sign-in page does not carry them.
 */
import type { Language } from '../../shared/languages.ts';
import { i18n } from './i18n.ts';

export function registerPageMessages(namespace: string, messages: Record<Language, object>): void {
  for (const [language, bundle] of Object.entries(messages)) {
    i18n.addResourceBundle(language, 'translation', { [namespace]: bundle }, true, false);
  }
}
