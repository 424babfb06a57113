/**
 * The staged import of a report file (contract: src/shared/imports.contract.ts): upload with progress, the batch,
 * its rows and problems, cell fixes, accepting warnings, re-validation and submission. Query keys start with 'me'
 * so they are dropped when the person signs out or changes.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  importBatchSchema,
  problemGroupListSchema,
  stagingRowPageSchema,
  stagingRowSchema,
  submitResultSchema,
  uploadResponseSchema,
  type AcceptWarnings,
  type ChooseConventions,
  type EditCell,
  type FixValue,
  type MapColumns,
  type ImportBatch,
  type StagingRow,
} from '../../../shared/imports.contract.ts';
import { apiGet, apiPost } from '../../api/client.ts';
import { apiPatch, apiUpload } from '../reports/api-send.ts';

const batchPath = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}`;
export type RowFilter = 'all' | 'problems' | 'blocking' | 'warnings' | 'duplicates';

export const templatePath = (format: 'xlsx' | 'csv', language: string) =>
  `/api/v1/imports/template.${format}?language=${encodeURIComponent(language)}`;

export interface UploadInput {
  file: File;
  party: string | null;
  year: number;
  shareParties: boolean;
  shareIccwc: boolean;
  shareEtis: boolean;
}

export function uploadReportFile(input: UploadInput, onProgress: (share: number) => void) {
  const form = new FormData();
  // The fields come before the file, so the server has them when it reads the file's stream.
  if (input.party) form.append('party', input.party);
  form.append('year', String(input.year));
  form.append('shareParties', input.shareParties ? 'yes' : 'no');
  form.append('shareIccwc', input.shareIccwc ? 'yes' : 'no');
  form.append('shareEtis', input.shareEtis ? 'yes' : 'no');
  form.append('file', input.file, input.file.name);
  return apiUpload('/api/v1/imports', form, uploadResponseSchema, onProgress);
}

/** The open problems as CSV (formula-safe), for the download link. */
export const problemsCsvPath = (id: string) => `${batchPath(id)}/problems.csv`;

/** Problems grouped by column, value and kind, largest first. */
export function useProblemGroups(id: string) {
  return useQuery({
    queryKey: ['me', 'imports', 'rows', id, 'groups'],
    queryFn: ({ signal }) => apiGet(`${batchPath(id)}/problem-groups`, problemGroupListSchema, { signal }),
  });
}

export function useBatch(id: string) {
  return useQuery({
    queryKey: ['me', 'imports', 'batch', id],
    queryFn: ({ signal }) => apiGet(batchPath(id), importBatchSchema, { signal }),
  });
}

export function useStagingRows(id: string, show: RowFilter) {
  return useInfiniteQuery({
    queryKey: ['me', 'imports', 'rows', id, show],
    queryFn: ({ pageParam, signal }) =>
      apiGet(`${batchPath(id)}/rows`, stagingRowPageSchema, {
        query: { cursor: pageParam, limit: 100, show },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every change to a batch answers with the new batch or row; the counts and rows are asked for again. */
export function useBatchActions(id: string) {
  const queryClient = useQueryClient();
  const refresh = (batch?: ImportBatch) => {
    if (batch) queryClient.setQueryData(['me', 'imports', 'batch', id], batch);
    else void queryClient.invalidateQueries({ queryKey: ['me', 'imports', 'batch', id] });
    void queryClient.invalidateQueries({ queryKey: ['me', 'imports', 'rows', id] });
  };
  const editCell = useMutation({
    mutationFn: (input: { row: number; cell: EditCell }): Promise<StagingRow> =>
      apiPatch(`${batchPath(id)}/rows/${String(input.row)}`, input.cell, stagingRowSchema),
    onSuccess: () => refresh(),
  });
  const acceptWarnings = useMutation({
    mutationFn: (body: AcceptWarnings) =>
      apiPost(`${batchPath(id)}/accept-warnings`, body, importBatchSchema),
    onSuccess: refresh,
  });
  const validate = useMutation({
    mutationFn: () => apiPost(`${batchPath(id)}/validate`, {}, importBatchSchema),
    onSuccess: refresh,
  });
  const submit = useMutation({
    mutationFn: () => apiPost(`${batchPath(id)}/submit`, {}, submitResultSchema),
    onSuccess: () => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: ['me', 'reports'] });
    },
  });
  const discard = useMutation({
    mutationFn: () => apiPost(`${batchPath(id)}/discard`, {}, importBatchSchema),
    onSuccess: refresh,
  });
  const chooseConventions = useMutation({
    mutationFn: (body: ChooseConventions) => apiPost(`${batchPath(id)}/conventions`, body, importBatchSchema),
    onSuccess: refresh,
  });
  const fixValue = useMutation({
    mutationFn: (body: FixValue) => apiPost(`${batchPath(id)}/fix-value`, body, importBatchSchema),
    onSuccess: refresh,
  });
  const mapColumns = useMutation({
    mutationFn: (body: MapColumns) => apiPost(`${batchPath(id)}/columns`, body, importBatchSchema),
    onSuccess: refresh,
  });
  return { editCell, acceptWarnings, validate, submit, discard, chooseConventions, fixValue, mapColumns };
}
