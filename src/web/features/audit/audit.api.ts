/**
 * The audit viewer's data: entries page by page (keyset, newest first), the chain's state, and the address of the
 * CSV export of everything the filters match. The filters live in the page's URL, so a view can be shared.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { auditChainStateSchema, auditPageSchema } from '../../../shared/audit.contract.ts';
import { apiGet } from '../../api/client.ts';

const PAGE_SIZE = 50;

/** What the admin filters on; dates are whole days (YYYY-MM-DD) in the admin's own time zone. */
export interface AuditFilters {
  fromDay: string | null;
  toDay: string | null;
  actorId: string | null;
  organisationId: string | null;
  action: string | null;
  reportId: string | null;
  recordId: string | null;
}

export const NO_AUDIT_FILTERS: AuditFilters = {
  fromDay: null,
  toDay: null,
  actorId: null,
  organisationId: null,
  action: null,
  reportId: null,
  recordId: null,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The start of a local day as an instant; `to` is exclusive, so the last day chosen is counted whole. */
function startOfDay(day: string, plusDays = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + plusDays).toISOString();
}

/** The API's query for these filters (the same for a page and for the CSV export). */
export function auditQueryOf(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.fromDay) query.from = startOfDay(filters.fromDay);
  if (filters.toDay) query.to = startOfDay(filters.toDay, 1);
  if (filters.actorId) query.actorId = filters.actorId;
  if (filters.organisationId) query.organisationId = filters.organisationId;
  if (filters.action) query.action = filters.action;
  if (filters.reportId) query.reportId = filters.reportId;
  if (filters.recordId) query.recordId = filters.recordId;
  return query;
}

export function auditCsvHref(filters: AuditFilters): string {
  const query = new URLSearchParams(auditQueryOf(filters)).toString();
  return `/api/v1/audit/entries.csv${query ? `?${query}` : ''}`;
}

/** Reads filters from the URL, dropping any value the API would refuse rather than failing the whole page. */
export function auditFiltersFromParams(params: URLSearchParams): AuditFilters {
  const valid = (name: string, pattern: RegExp) => {
    const value = params.get(name)?.trim() ?? '';
    return pattern.test(value) ? value : null;
  };
  const action = params.get('action')?.trim() ?? '';
  return {
    fromDay: valid('from', DAY),
    toDay: valid('to', DAY),
    actorId: valid('actor', UUID),
    organisationId: valid('organisation', UUID),
    action: action && action.length <= 100 ? action : null,
    reportId: valid('report', UUID),
    recordId: valid('record', /^[1-9]\d{0,15}$/),
  };
}

export function auditFiltersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  const names: [keyof AuditFilters, string][] = [
    ['fromDay', 'from'],
    ['toDay', 'to'],
    ['actorId', 'actor'],
    ['organisationId', 'organisation'],
    ['action', 'action'],
    ['reportId', 'report'],
    ['recordId', 'record'],
  ];
  for (const [field, name] of names) {
    const value = filters[field];
    if (value) params.set(name, value);
  }
  return params;
}

export function useAuditEntries(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', 'entries', filters],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/audit/entries', auditPageSchema, {
        query: { ...auditQueryOf(filters), cursor: pageParam, limit: PAGE_SIZE },
        signal,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}

export function useAuditChainState() {
  return useQuery({
    queryKey: ['admin', 'audit', 'chain'],
    queryFn: ({ signal }) => apiGet('/api/v1/audit/chain', auditChainStateSchema, { signal }),
  });
}
