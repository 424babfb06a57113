/**
 * The web app's index.html, with a preload hint for the interface messages of the visitor's language.
 *
 * Why: the app loads one language's messages (a chunk of its own) before its first render. Without a hint the
 * browser learns of that chunk only once the app's code has run, one more round trip (300 ms and more on the
 * links we design for) before a page can be used. The language is the one the browser asks for; a visitor who
 * chose another in the app loads theirs as before, and the hinted file is small.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES, pickLanguage, type Language } from '../../../shared/languages.ts';

interface ManifestEntry {
  file: string;
  src?: string;
}

/** Reads index.html and the build's manifest once; answers the page for an Accept-Language header. */
export function loadIndexPage(webDistDir: string): (acceptLanguage: string | undefined) => string {
  const html = fs.readFileSync(path.join(webDistDir, 'index.html'), 'utf8');
  const messageFiles = messagesChunks(webDistDir);
  const pages = new Map<Language, string>(
    LANGUAGES.map((language) => {
      const file = messageFiles.get(language);
      const hint = file ? `<link rel="modulepreload" crossorigin href="/${file}">\n  ` : '';
      return [language, html.replace('</head>', `${hint}</head>`)];
    }),
  );
  return (acceptLanguage) => pages.get(pickLanguage(acceptLanguage)) ?? html;
}

/** The chunk of each language's messages (src/web/i18n/messages-<language>.ts), from the build's manifest. */
function messagesChunks(webDistDir: string): Map<Language, string> {
  const manifestPath = path.join(webDistDir, '.vite', 'manifest.json');
  const found = new Map<Language, string>();
  if (!fs.existsSync(manifestPath)) return found;
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, ManifestEntry>;
  for (const [key, entry] of Object.entries(manifest)) {
    const match = /i18n\/messages-(en|fr|es)\.ts$/.exec(entry.src ?? key);
    if (match) found.set(match[1] as Language, entry.file);
  }
  return found;
}
