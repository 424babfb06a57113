/** The terms of use in force (GET /api/v1/terms/current) and their acceptance at sign-in. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { termsSchema, type Terms } from '../../../shared/auth.contract.ts';
import type { Language } from '../../../shared/languages.ts';
import { apiGet, apiPost } from '../../api/client.ts';

export const CURRENT_TERMS_KEY = ['terms', 'current'] as const;

export function useCurrentTerms() {
  return useQuery({
    queryKey: CURRENT_TERMS_KEY,
    queryFn: ({ signal }) => apiGet('/api/v1/terms/current', termsSchema, { signal }),
    // A new version must reach the sign-in page soon after it is published.
    staleTime: 60_000,
  });
}

const acceptedSchema = z.object({ next: z.enum(['change_password', 'done']) });

export function useAcceptTerms() {
  return useMutation({
    mutationFn: (version: number) =>
      apiPost('/api/v1/terms/accept', { version }, acceptedSchema, { isSessionRequired: false }),
  });
}

/** A text in the reader's language; English when that one was left empty. */
export function inLanguage(texts: Terms['texts'], language: Language): string {
  return texts[language].trim() ? texts[language] : texts.en;
}
