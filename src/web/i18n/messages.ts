/**
 * The interface messages in the three working languages. The shell's messages are in `en.json` (…); each large
 * feature keeps its own file per language under a folder of its name and appears as one top-level key, so features
 * grow without touching each other's files. Each language is a chunk of its own (messages-<language>.ts), loaded
 * when it is first shown: on a slow link nobody downloads the two languages they do not read.
 */
import type { Language } from '../../shared/languages.ts';
import type { Messages } from './messages-en.ts';

export type { Messages } from './messages-en.ts';

export async function loadMessages(language: Language): Promise<Messages> {
  switch (language) {
    case 'en':
      return (await import('./messages-en.ts')).messages;
    case 'fr':
      return (await import('./messages-fr.ts')).messages;
    case 'es':
      return (await import('./messages-es.ts')).messages;
  }
}
