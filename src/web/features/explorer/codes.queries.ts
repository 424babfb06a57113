/** CITES term and unit codes (GET /api/v1/reference/codes?kind=…) for the explorer's filters and labels. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { codeListSchema, type CodeKind } from '../../../shared/reference.contract.ts';
import { apiGet } from '../../api/client.ts';
import { useLanguage } from '../../ui/use-language.ts';

export function useCitesCodes(kind: CodeKind) {
  return useQuery({
    queryKey: ['reference', 'codes', kind],
    queryFn: ({ signal }) => apiGet('/api/v1/reference/codes', codeListSchema, { query: { kind }, signal }),
    staleTime: Infinity,
  });
}

/** The label of a code in the interface language (the code itself when unknown or not loaded). */
export function useCodeLabel(kind: CodeKind): (code: string | null) => string {
  const language = useLanguage();
  const codes = useCitesCodes(kind);
  const labels = useMemo(
    () => new Map((codes.data?.items ?? []).map((item) => [item.code, item.labels[language]])),
    [codes.data, language],
  );
  return (code) => (code === null ? '' : (labels.get(code) ?? code));
}

/** Options for a select: "TUS — Tusks", sorted by code. */
export function useCodeOptions(kind: CodeKind): { value: string; label: string }[] {
  const language = useLanguage();
  const codes = useCitesCodes(kind);
  return useMemo(
    () =>
      (codes.data?.items ?? [])
        .map((item) => ({ value: item.code, label: `${item.code} — ${item.labels[language]}` }))
        .sort((a, b) => a.value.localeCompare(b.value)),
    [codes.data, language],
  );
}
