/**
 * The interface messages in English, one chunk of the web build: a browser downloads only the language it shows.
 */
import shellEn from './en.json' with { type: 'json' };
import explorerEn from './explorer/en.json' with { type: 'json' };
import recordEn from './record/en.json' with { type: 'json' };

import groupsEn from './groups/en.json' with { type: 'json' };
import reportsEn from './reports/en.json' with { type: 'json' };
import securityKeysEn from './securityKeys/en.json' with { type: 'json' };
import permitsEn from './permits/en.json' with { type: 'json' };
import exportsEn from './exports/en.json' with { type: 'json' };
import importsEn from './imports/en.json' with { type: 'json' };
export const messages = {
  ...shellEn,
  explorer: explorerEn,
  record: recordEn,
  groups: groupsEn,
  reports: reportsEn,
  securityKeys: securityKeysEn,
  permits: permitsEn,
  exports: exportsEn,
  imports: importsEn,
};
export type Messages = typeof messages;
