/**
 * The interface messages in French, one chunk of the web build: a browser downloads only the language it shows.
 */
import shellFr from './fr.json' with { type: 'json' };
import explorerFr from './explorer/fr.json' with { type: 'json' };
import recordFr from './record/fr.json' with { type: 'json' };
import groupsFr from './groups/fr.json' with { type: 'json' };
import reportsFr from './reports/fr.json' with { type: 'json' };
import securityKeysFr from './securityKeys/fr.json' with { type: 'json' };
import permitsFr from './permits/fr.json' with { type: 'json' };
import exportsFr from './exports/fr.json' with { type: 'json' };
import importsFr from './imports/fr.json' with { type: 'json' };
import type { Messages } from './messages-en.ts';

// Typed as the English messages: the compiler refuses to build if this language lacks a key English has.
export const messages: Messages = {
  ...shellFr,
  explorer: explorerFr,
  record: recordFr,
  groups: groupsFr,
  reports: reportsFr,
  securityKeys: securityKeysFr,
  permits: permitsFr,
  exports: exportsFr,
  imports: importsFr,
};
