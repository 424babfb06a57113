/**
 * One seizure record for the drawer, read where the page found it: from the explorer (GET /api/v1/seizures/:id,
 * audited as a record view of the explorer) or from its report (GET /api/v1/reports/:id/records/:recordId). Both
 * answer the same record shape (src/shared/seizure-record.contract.ts). A correction goes through the record's
 * report; afterwards every cached answer that may show the record is read again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CorrectRecord } from '../../../shared/reports.contract.ts';
import { seizureRecordViewSchema } from '../../../shared/seizure-record.contract.ts';
import { seizureDetailSchema } from '../../../shared/seizures.contract.ts';
import { apiGet, isApiError } from '../../api/client.ts';
import { useSignedInSession } from '../auth/session.queries.ts';
import { apiPatch } from '../reports/api-send.ts';

/** Kept briefly: seizure data is restricted (the explorer's own queries keep theirs as long). */
const RECORD_STALE_MS = 60_000;
const RECORD_GC_MS = 5 * 60_000;

const recordPath = (reportId: string, recordId: number) =>
  `/api/v1/reports/${encodeURIComponent(reportId)}/records/${String(recordId)}`;

/** Where the drawer was opened: a report's page names the report; the explorer does not. */
export interface RecordSource {
  recordId: number | null;
  reportId?: string | undefined;
}

/** The keys of one record's answers; the explorer's start with the reader, as all its keys do. */
function recordKey(source: RecordSource, reader: string) {
  return source.reportId === undefined
    ? ['seizures', reader, 'record', source.recordId]
    : ['me', 'reports', 'record', source.reportId, source.recordId];
}

export function useRecordView(source: RecordSource) {
  const reader = useSignedInSession()?.user.id ?? 'nobody';
  const { recordId, reportId } = source;
  return useQuery({
    queryKey: recordKey(source, reader),
    queryFn: async ({ signal }) =>
      reportId === undefined
        ? (await apiGet(`/api/v1/seizures/${String(recordId)}`, seizureDetailSchema, { signal })).record
        : apiGet(recordPath(reportId, recordId ?? 0), seizureRecordViewSchema, { signal }),
    enabled: recordId !== null,
    staleTime: RECORD_STALE_MS,
    gcTime: RECORD_GC_MS,
  });
}

export function useCorrectRecord(reportId: string, recordId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CorrectRecord) =>
      apiPatch(recordPath(reportId, recordId), body, seizureRecordViewSchema),
    onSuccess: (record) => {
      queryClient.setQueryData(['me', 'reports', 'record', reportId, recordId], record);
      void queryClient.invalidateQueries({ queryKey: ['me', 'reports', 'records', reportId] });
      void queryClient.invalidateQueries({ queryKey: ['me', 'reports', 'detail', reportId] });
      // The explorer's lists, figures and this record's drawer there show the corrected values too.
      void queryClient.invalidateQueries({ queryKey: ['seizures'] });
    },
    onError: (error) => {
      // Corrected by someone else meanwhile: read the record again, wherever it is shown, to correct from that.
      if (isApiError(error) && error.problem?.code === 'stale_version') {
        void queryClient.invalidateQueries({ queryKey: ['me', 'reports', 'record', reportId, recordId] });
        void queryClient.invalidateQueries({ queryKey: ['seizures'] });
      }
    },
  });
}
