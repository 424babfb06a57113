/**
 * i18next setup for the three working languages, each loaded when first shown. The chosen language is remembered in localStorage, mirrored
 * into <html lang> (screen readers, hyphenation, spell-checking) and sent to the API as Accept-Language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, languageSchema, pickLanguage, type Language } from '../../shared/languages.ts';
import { LAZY_NAMESPACES, type LazyNamespace } from './lazy-namespaces.ts';
import { loadMessages } from './messages.ts';

export const LANGUAGE_STORAGE_KEY = 'itd.language';

/** Remembered choice first, then the browser's preferences, then English. */
export function detectInitialLanguage(): Language {
  const stored = languageSchema.safeParse(readStoredLanguage());
  if (stored.success) return stored.data;
  const preferred = navigator.languages.length > 0 ? navigator.languages.join(',') : navigator.language;
  return pickLanguage(preferred);
}

function readStoredLanguage(): string | null {
  // localStorage throws in some privacy modes; the app must still start.
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

export const i18n = i18next.createInstance();

/**
 * Loads the messages of the language the user will see, then starts i18next; main.tsx renders after it, so the
 * first render is already translated.
 */
export async function startI18n(): Promise<void> {
  const language = detectInitialLanguage();
  const messages = await loadMessages(language);
  await i18n.use(initReactI18next).init({
    resources: { [language]: { translation: messages } },
    lng: language,
    // Every language has every key (messages-fr.ts, messages-es.ts are typed as English), so no fallback is loaded.
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    // React escapes what it renders; escaping here too would show &amp; and friends.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  document.documentElement.lang = currentLanguage();
  i18n.on('languageChanged', () => {
    document.documentElement.lang = currentLanguage();
  });
}

/** The language the interface is shown in now, always one of the three. */
export function currentLanguage(): Language {
  const parsed = languageSchema.safeParse(i18n.resolvedLanguage ?? i18n.language);
  return parsed.success ? parsed.data : 'en';
}

/** Switches the interface language and remembers the choice for the next visit. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered in this browser, but the switch itself still works.
  }
  // The language's own chunk, unless loaded already (a page's messages alone, registerPageMessages, do not count).
  if (i18n.getResource(language, 'translation', 'app') === undefined) {
    i18n.addResourceBundle(language, 'translation', await loadMessages(language), true, false);
  }
  // The pages already opened keep their words in the new language.
  await addNamespaces(language, [...wantedNamespaces]);
  await i18n.changeLanguage(language);
}

const wantedNamespaces = new Set<LazyNamespace>();

/** Loads the messages a page needs beyond the shell's (lazy-namespaces.ts), in the language shown now. */
export async function loadNamespaces(names: readonly LazyNamespace[]): Promise<void> {
  for (const name of names) wantedNamespaces.add(name);
  await addNamespaces(currentLanguage(), names);
}

async function addNamespaces(language: Language, names: readonly LazyNamespace[]): Promise<void> {
  const missing = names.filter(
    (name) => LAZY_NAMESPACES[name] && i18n.getResource(language, 'translation', name) === undefined,
  );
  const loaded = await Promise.all(missing.map((name) => LAZY_NAMESPACES[name]![language]()));
  missing.forEach((name, index) => {
    i18n.addResourceBundle(language, 'translation', { [name]: loaded[index]!.default }, true, false);
  });
}
