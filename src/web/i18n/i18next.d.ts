// Types every t('…') key against the English messages, so a typo or a removed key fails `tsc`.
import 'i18next';
import type { LazyMessages } from './lazy-namespaces.ts';
import type { Messages } from './messages.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages & LazyMessages };
  }
}
