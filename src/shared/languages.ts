import { z } from 'zod';

/** The three working languages of the platform; English is the fallback everywhere. */
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/** A text in each working language. */
export const translatedSchema = z.object({ en: z.string(), fr: z.string(), es: z.string() });
export type Translated = z.infer<typeof translatedSchema>;

/** Picks the best working language from an Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8"). */
export function pickLanguage(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const parsed = languageSchema.safeParse(entry.base);
    if (parsed.success) return parsed.data;
  }
  return 'en';
}
