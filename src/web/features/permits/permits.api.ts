/**
 * The permit registry from the web app: the border lookup, endorsement, import, marking and receipts. Query keys
 * start with 'me' so they are dropped when the person signs out or changes.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  importSummarySchema,
  lookupResultSchema,
  permitViewSchema,
  receiptListSchema,
  type EndorsementInput,
  type LookupQuery,
  type MarkPermitInput,
  type PermitImportSummary,
} from '../../../shared/permits.contract.ts';
import { CSRF_HEADER } from '../../../shared/auth.contract.ts';
import { apiGet, apiPost, send, toApiError } from '../../api/client.ts';
import { csrfTokenForRequest } from '../../api/csrf.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

export function lookupPermit(query: LookupQuery) {
  return apiGet('/api/v1/permits/lookup', lookupResultSchema, {
    query: {
      country: query.country,
      number: query.number,
      stamp: query.stamp,
      species: query.species,
      quantity: query.quantity,
    },
  });
}

export function useLookup() {
  return useMutation({ mutationFn: lookupPermit });
}

export function useEndorse() {
  return useMutation({
    mutationFn: ({ id, ...body }: EndorsementInput & { id: string }) =>
      apiPost(`/api/v1/permits/${encodeURIComponent(id)}/endorsements`, body, lookupResultSchema),
  });
}

export function useMarkPermit() {
  return useMutation({
    mutationFn: (body: MarkPermitInput) => apiPost('/api/v1/permits/mark', body, permitViewSchema),
  });
}

export function useReceipts(country: string | null) {
  return useQuery({
    queryKey: ['me', 'permits', 'receipts', country],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/permits/receipts', receiptListSchema, { query: { country }, signal }),
  });
}

/** Uploads a permit file; a refused file (422) answers its problems, which the page lists. */
export async function importPermitFile(file: File, party: string | null): Promise<PermitImportSummary> {
  const form = new FormData();
  form.append('file', file);
  const { token } = await csrfTokenForRequest();
  const url = party ? `/api/v1/permits/import?party=${encodeURIComponent(party)}` : '/api/v1/permits/import';
  const response = await send(url, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Accept-Language': currentLanguage(),
      ...(token ? { [CSRF_HEADER]: token } : {}),
    },
  });
  if (response.status === 200 || response.status === 422)
    return importSummarySchema.parse(await response.json());
  throw await toApiError(response);
}

export function useImportPermits() {
  return useMutation({
    mutationFn: ({ file, party }: { file: File; party: string | null }) => importPermitFile(file, party),
  });
}
