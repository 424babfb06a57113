/**
 * The web app's calls for access receipts and consent to publish (src/shared/access-receipts.contract.ts,
 * src/shared/publication.contract.ts), as TanStack Query hooks. Buttons follow each request's `abilities`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  accessReceiptListSchema,
  receiptPreferencesSchema,
  type ReceiptPreferences,
} from '../../../shared/access-receipts.contract.ts';
import {
  publicationListSchema,
  publicationRequestSchema,
  type ConsentDecision,
  type CreatePublicationRequest,
} from '../../../shared/publication.contract.ts';
import { apiGet, apiPost } from '../../api/client.ts';
import { downloadExport } from './download-export.ts';

export function useAccessReceipts(party: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['me', 'access-receipts', party],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/access-receipts', accessReceiptListSchema, { signal, query: { party } }),
    enabled,
  });
}

export function useReceiptPreferences() {
  return useQuery({
    queryKey: ['me', 'receipt-preferences'],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/access-receipts/preferences', receiptPreferencesSchema, { signal }),
  });
}

export function useSetReceiptPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReceiptPreferences) =>
      apiPost('/api/v1/access-receipts/preferences', input, receiptPreferencesSchema),
    onSuccess: (answer) => client.setQueryData(['me', 'receipt-preferences'], answer),
  });
}

export type PublicationView = 'mine' | 'to_answer' | 'filed';

export function usePublicationRequests(view: PublicationView) {
  return useQuery({
    queryKey: ['me', 'publication-requests', view],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/publication-requests', publicationListSchema, { signal, query: { view } }),
  });
}

function useRefreshRequests() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['me', 'publication-requests'] });
}

export function useCreatePublicationRequest() {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: (input: CreatePublicationRequest) =>
      apiPost('/api/v1/publication-requests', input, publicationRequestSchema),
    onSuccess: refresh,
  });
}

export function useDecideConsent() {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: ({ id, ...decision }: Omit<ConsentDecision, 'comment'> & { id: string; comment: string }) =>
      apiPost(`/api/v1/publication-requests/${id}/decision`, decision, publicationRequestSchema),
    onSuccess: refresh,
  });
}

export function useWithdrawRequest() {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: (id: string) =>
      apiPost(`/api/v1/publication-requests/${id}/withdraw`, {}, publicationRequestSchema),
    onSuccess: refresh,
  });
}

export function useDownloadCertificate() {
  return useMutation({
    mutationFn: ({ id, language }: { id: string; language: string }) =>
      downloadExport(
        `/api/v1/publication-requests/${id}/certificate.pdf?lang=${encodeURIComponent(language)}`,
      ),
  });
}
