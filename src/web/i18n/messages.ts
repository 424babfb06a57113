/**
 * The interface messages in the three working languages. The shell's messages are in `en.json` (…); each large
 * feature keeps its own file per language under a folder of its name and appears as one top-level key, so features
 * grow without touching each other's files.
 */
import shellEn from './en.json' with { type: 'json' };
import shellFr from './fr.json' with { type: 'json' };
import shellEs from './es.json' with { type: 'json' };
import reportsEn from './reports/en.json' with { type: 'json' };
import reportsFr from './reports/fr.json' with { type: 'json' };
import reportsEs from './reports/es.json' with { type: 'json' };
import explorerEn from './explorer/en.json' with { type: 'json' };
import explorerFr from './explorer/fr.json' with { type: 'json' };
import explorerEs from './explorer/es.json' with { type: 'json' };
import recordEn from './record/en.json' with { type: 'json' };
import recordFr from './record/fr.json' with { type: 'json' };
import recordEs from './record/es.json' with { type: 'json' };
import groupsEn from './groups/en.json' with { type: 'json' };
import groupsFr from './groups/fr.json' with { type: 'json' };
import groupsEs from './groups/es.json' with { type: 'json' };
import importsEn from './imports/en.json' with { type: 'json' };
import importsFr from './imports/fr.json' with { type: 'json' };
import importsEs from './imports/es.json' with { type: 'json' };

export const en = {
  ...shellEn,
  reports: reportsEn,
  explorer: explorerEn,
  record: recordEn,
  groups: groupsEn,
  imports: importsEn,
};
export type Messages = typeof en;

// Typed as the English messages: the compiler refuses to build if French or Spanish lacks a key English has.
export const fr: Messages = {
  ...shellFr,
  reports: reportsFr,
  explorer: explorerFr,
  record: recordFr,
  groups: groupsFr,
  imports: importsFr,
};
export const es: Messages = {
  ...shellEs,
  reports: reportsEs,
  explorer: explorerEs,
  record: recordEs,
  groups: groupsEs,
  imports: importsEs,
};
