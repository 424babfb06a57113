/**
 * TanStack Query hooks of the explorer (GET /api/v1/seizures, /seizures/stats, /seizures/facets; one record:
 * seizure-record/record.queries.ts).
 *
 * Every key starts with the reader's user id: what the server answers depends on who asks (the sharing rule),
 * so one person's results must never be served from the cache to the next person who signs in on this browser.
 */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  seizureFacetsSchema,
  seizurePageSchema,
  seizureStatsSchema,
  type CountryRole,
  type SeizureFilter,
  type SeizureSort,
  type StatsGroup,
} from '../../../shared/seizures.contract.ts';
import { apiGet } from '../../api/client.ts';
import { useSignedInSession } from '../auth/session.queries.ts';
import { filterToQuery } from './explorer-url.ts';

const SEIZURES_PATH = '/api/v1/seizures';
export const RESULT_PAGE_SIZE = 100;
/** Kept briefly: a shared view is re-read when someone comes back to it, and seizure data is restricted. */
const SEIZURE_STALE_MS = 60_000;
const SEIZURE_GC_MS = 5 * 60_000;

function useReaderId(): string {
  return useSignedInSession()?.user.id ?? 'nobody';
}

export function useSeizureSearch(filter: SeizureFilter, sort: SeizureSort, enabled: boolean) {
  const reader = useReaderId();
  const query = filterToQuery(filter);
  return useInfiniteQuery({
    queryKey: ['seizures', reader, 'search', query, sort],
    queryFn: ({ pageParam, signal }) =>
      apiGet(SEIZURES_PATH, seizurePageSchema, {
        query: { ...query, sort, limit: RESULT_PAGE_SIZE, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: SEIZURE_STALE_MS,
    gcTime: SEIZURE_GC_MS,
    enabled,
  });
}

export interface StatsOptions {
  groupBy: StatsGroup;
  role?: CountryRole;
  top?: number;
  rank?: 'SPECIES' | 'GENUS' | 'FAMILY';
}

export function useSeizureStats(filter: SeizureFilter, options: StatsOptions, enabled: boolean) {
  const reader = useReaderId();
  const query = { ...filterToQuery(filter), ...options };
  return useQuery({
    queryKey: ['seizures', reader, 'stats', query],
    queryFn: ({ signal }) => apiGet(`${SEIZURES_PATH}/stats`, seizureStatsSchema, { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: SEIZURE_STALE_MS,
    gcTime: SEIZURE_GC_MS,
    enabled,
  });
}

/**
 * Counts per value of the filterable dimensions among the records matching `filter`. Panels that ask with the
 * same filter share one request (the key is the API query).
 */
export function useSeizureFacets(filter: SeizureFilter) {
  const reader = useReaderId();
  const query = filterToQuery(filter);
  return useQuery({
    queryKey: ['seizures', reader, 'facets', query],
    queryFn: ({ signal }) => apiGet(`${SEIZURES_PATH}/facets`, seizureFacetsSchema, { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: SEIZURE_STALE_MS,
    gcTime: SEIZURE_GC_MS,
  });
}
