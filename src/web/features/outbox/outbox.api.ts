/** The outbox viewer's data: messages page by page (newest first) and the body of one still waiting. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  OUTBOX_STATUSES,
  outboxBodySchema,
  outboxPageSchema,
  type OutboxStatus,
} from '../../../shared/outbox.contract.ts';
import { apiGet } from '../../api/client.ts';

const PAGE_SIZE = 50;

export interface OutboxFilters {
  status: OutboxStatus | null;
  recipient: string;
}

export function outboxFiltersFromParams(params: URLSearchParams): OutboxFilters {
  const status = params.get('status');
  return {
    status: OUTBOX_STATUSES.find((known) => known === status) ?? null,
    recipient: (params.get('recipient') ?? '').slice(0, 200),
  };
}

export function outboxFiltersToParams(filters: OutboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.recipient.trim()) params.set('recipient', filters.recipient.trim());
  return params;
}

export function useOutbox(filters: OutboxFilters) {
  return useInfiniteQuery({
    queryKey: ['admin', 'outbox', filters],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/outbox', outboxPageSchema, {
        query: {
          status: filters.status,
          recipient: filters.recipient.trim(),
          cursor: pageParam,
          limit: PAGE_SIZE,
        },
        signal,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}

/** Opening a body is recorded in the audit log, so it is fetched only when an admin asks for it. */
export function useOutboxBody(id: number | null) {
  return useQuery({
    queryKey: ['admin', 'outbox', 'body', id],
    queryFn: ({ signal }) => apiGet(`/api/v1/outbox/${id}`, outboxBodySchema, { signal }),
    enabled: id !== null,
    staleTime: Infinity,
  });
}
