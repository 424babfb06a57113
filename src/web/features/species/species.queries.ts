/**
 * TanStack Query hooks for the species checklist (GET /api/v1/reference/taxa and /taxa/:id).
 */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { taxonDetailSchema, taxonSearchResponseSchema } from '../../../shared/reference.contract.ts';
import { apiGet } from '../../api/client.ts';

const TAXA_PATH = '/api/v1/reference/taxa';
export const TAXA_PAGE_SIZE = 50;

/** Search (or, with an empty query, the alphabetical list), one page of 50 at a time. */
export function useTaxonSearch(query: string) {
  return useInfiniteQuery({
    queryKey: ['reference', 'taxa', 'search', query],
    queryFn: ({ pageParam, signal }) =>
      apiGet(TAXA_PATH, taxonSearchResponseSchema, {
        query: { q: query, limit: TAXA_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Keep the previous results on screen while the next query loads, instead of flashing an empty table.
    placeholderData: keepPreviousData,
  });
}

export function useTaxonDetail(id: number | null) {
  return useQuery({
    queryKey: ['reference', 'taxa', 'detail', id],
    queryFn: ({ signal }) => apiGet(`${TAXA_PATH}/${String(id)}`, taxonDetailSchema, { signal }),
    enabled: id !== null,
  });
}
