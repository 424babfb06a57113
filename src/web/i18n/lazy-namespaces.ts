/**
 * Message namespaces that only pages loaded on demand use (the administration, the groups, reports and their imports, consent to publish): each is
 * a small chunk per language, fetched with the page that needs it, so the sign-in page of someone on a slow link
 * does not carry them. The shell's own words for these areas (menu labels) stay in the shell's messages.
 */
import type { Language } from '../../shared/languages.ts';

type Loader = () => Promise<{ default: Record<string, unknown> }>;

/**
 * Empty for now: every namespace is in the language chunk (messages-<language>.ts). A JSON file named here as well
 * becomes a chunk of its own that the language chunk then fetches separately (a round trip each on a slow link),
 * so a namespace moves here only together with its removal from the language chunks.
 */
export const LAZY_NAMESPACES: Partial<Record<LazyNamespace, Record<Language, Loader>>> = {};

export type LazyNamespace = 'groups' | 'reports';

/** The messages of the lazy namespaces, for typing t('…') keys (English is the reference). */
export interface LazyMessages {
  audit: typeof import('./audit/en.json');
  outbox: typeof import('./outbox/en.json');
  securityKeys: typeof import('./securityKeys/en.json');
  groups: typeof import('./groups/en.json');
  reports: typeof import('./reports/en.json');
  publication: typeof import('./publication/en.json');
}
