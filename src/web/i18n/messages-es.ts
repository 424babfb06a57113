/**
 * The interface messages in Spanish, one chunk of the web build: a browser downloads only the language it shows.
 */
import shellEs from './es.json' with { type: 'json' };
import explorerEs from './explorer/es.json' with { type: 'json' };
import recordEs from './record/es.json' with { type: 'json' };
import groupsEs from './groups/es.json' with { type: 'json' };
import reportsEs from './reports/es.json' with { type: 'json' };
import securityKeysEs from './securityKeys/es.json' with { type: 'json' };
import permitsEs from './permits/es.json' with { type: 'json' };
import exportsEs from './exports/es.json' with { type: 'json' };
import importsEs from './imports/es.json' with { type: 'json' };
import type { Messages } from './messages-en.ts';

// Typed as the English messages: the compiler refuses to build if this language lacks a key English has.
export const messages: Messages = {
  ...shellEs,
  explorer: explorerEs,
  record: recordEs,
  groups: groupsEs,
  reports: reportsEs,
  securityKeys: securityKeysEs,
  permits: permitsEs,
  exports: exportsEs,
  imports: importsEs,
};
