/**
 * Reports and their records: the list, one report with its history and abilities, its records (one record:
 * seizure-record/record.queries.ts), and the report's actions. Query keys start with 'me' so they are dropped
 * when the person signs out or changes.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  recordListSchema,
  reportDetailSchema,
  reportListSchema,
  type ChangeSharing,
  type ReportStatus,
} from '../../../shared/reports.contract.ts';
import { apiGet, apiPost } from '../../api/client.ts';

export interface ReportFilters {
  party: string | null;
  year: number | null;
  status: ReportStatus | null;
}

const reportPath = (id: string) => `/api/v1/reports/${encodeURIComponent(id)}`;

export function useReports(filters: ReportFilters) {
  return useInfiniteQuery({
    queryKey: ['me', 'reports', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/reports', reportListSchema, {
        query: { ...filters, cursor: pageParam, limit: 25 },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: ['me', 'reports', 'detail', id],
    queryFn: ({ signal }) => apiGet(reportPath(id), reportDetailSchema, { signal }),
  });
}

export function useReportRecords(id: string) {
  return useInfiniteQuery({
    queryKey: ['me', 'reports', 'records', id],
    queryFn: ({ pageParam, signal }) =>
      apiGet(`${reportPath(id)}/records`, recordListSchema, {
        query: { cursor: pageParam, limit: 50 },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export type ReportAction =
  | { kind: 'submit' }
  | { kind: 'publish' }
  | { kind: 'return-to-draft'; reason: string }
  | { kind: 'sharing'; body: ChangeSharing };

export function useReportAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ReportAction) => {
      const path = `${reportPath(id)}/${action.kind}`;
      if (action.kind === 'sharing') return apiPost(path, action.body, reportDetailSchema);
      if (action.kind === 'return-to-draft')
        return apiPost(path, { reason: action.reason }, reportDetailSchema);
      return apiPost(path, {}, reportDetailSchema);
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(['me', 'reports', 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: ['me', 'reports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['me', 'reports', 'records', id] });
    },
  });
}

export const fileDownloadPath = (reportId: string, fileId: string) =>
  `${reportPath(reportId)}/files/${encodeURIComponent(fileId)}`;
