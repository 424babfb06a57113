/**
 * Message namespaces that only pages loaded on demand use (the administration, the groups, reports and their imports, consent to publish): each is
 * a small chunk per language, fetched with the page that needs it, so the sign-in page of someone on a slow link
 * does not carry them. The shell's own words for these areas (menu labels) stay in the shell's messages.
 */
import type { Language } from '../../shared/languages.ts';

type Loader = () => Promise<{ default: Record<string, unknown> }>;

export const LAZY_NAMESPACES = {
  audit: {
    en: () => import('./audit/en.json'),
    fr: () => import('./audit/fr.json'),
    es: () => import('./audit/es.json'),
  },
  outbox: {
    en: () => import('./outbox/en.json'),
    fr: () => import('./outbox/fr.json'),
    es: () => import('./outbox/es.json'),
  },
  groups: {
    en: () => import('./groups/en.json'),
    fr: () => import('./groups/fr.json'),
    es: () => import('./groups/es.json'),
  },
  reports: {
    en: () => import('./reports/en.json'),
    fr: () => import('./reports/fr.json'),
    es: () => import('./reports/es.json'),
  },
  publication: {
    en: () => import('./publication/en.json'),
    fr: () => import('./publication/fr.json'),
    es: () => import('./publication/es.json'),
  },
} satisfies Record<string, Record<Language, Loader>>;

export type LazyNamespace = keyof typeof LAZY_NAMESPACES;

/** The messages of the lazy namespaces, for typing t('…') keys (English is the reference). */
export interface LazyMessages {
  audit: typeof import('./audit/en.json');
  outbox: typeof import('./outbox/en.json');
  securityKeys: typeof import('./securityKeys/en.json');
  groups: typeof import('./groups/en.json');
  reports: typeof import('./reports/en.json');
  publication: typeof import('./publication/en.json');
}
