/**
 * The explorer's state lives in the URL, so a view can be bookmarked or sent to a colleague: the filters use the
 * API's own query names (the URL's query string is the search the server runs), plus what only the page needs
 * (`sort`, the map's role, the open record).
 *
 * A URL is parsed filter by filter with the shared contract's zod schema: one bad value (a typo, an old link)
 * drops only that filter, and the page says so, instead of the whole view failing.
 */
import {
  COUNTRY_ROLES,
  joinList,
  SEIZURE_SORTS,
  seizureFilterSchema,
  type CountryRole,
  type SeizureFilter,
  type SeizureSort,
} from '../../../shared/seizures.contract.ts';

export interface ExplorerView {
  filter: SeizureFilter;
  sort: SeizureSort;
  /** Which of a record's countries the map counts; null: the filter's role (or the country of seizure). */
  mapRole: CountryRole | null;
  /** The record open in the drawer. */
  recordId: number | null;
  /** URL parameters that were present but not understood (ignored). */
  rejected: string[];
}

const FILTER_KEYS = Object.keys(seizureFilterSchema.shape) as (keyof SeizureFilter)[];

export function parseExplorerView(params: URLSearchParams): ExplorerView {
  const rejected: string[] = [];
  const filter: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key);
    const raw = values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
    const parsed = seizureFilterSchema.shape[key].safeParse(raw);
    if (parsed.success) {
      if (parsed.data !== undefined) filter[key] = parsed.data;
    } else {
      rejected.push(key);
    }
  }
  // Fill the defaults (countryRole) of filters left out or rejected.
  const complete = seizureFilterSchema.safeParse(filter);
  const sortText = params.get('sort');
  const sort = SEIZURE_SORTS.find((value) => value === sortText) ?? 'date_desc';
  if (sortText !== null && sort !== sortText) rejected.push('sort');
  const mapRoleText = params.get('mapRole');
  const mapRole = COUNTRY_ROLES.find((role) => role === mapRoleText) ?? null;
  if (mapRoleText !== null && mapRole === null) rejected.push('mapRole');
  const recordText = params.get('record');
  const recordId = recordText !== null && /^\d{1,15}$/.test(recordText) ? Number(recordText) : null;
  if (recordText !== null && recordId === null) rejected.push('record');
  return {
    filter: complete.success ? complete.data : seizureFilterSchema.parse({}),
    sort,
    mapRole,
    recordId,
    rejected,
  };
}

type QueryValue = string | number | boolean | undefined;

/** The filter as query parameters for the API (lists joined by the contract's joinList). */
export function filterToQuery(filter: SeizureFilter): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined) continue;
    // The default role says nothing without a country: left out so URLs stay short.
    if (key === 'countryRole' && (value === 'any' || filter.country === undefined)) continue;
    query[key] = Array.isArray(value) ? joinList(value) : value;
  }
  return query;
}

/** The URL's query for a view: the filters, then the page's own keys when they differ from their default. */
export function viewToParams(view: Omit<ExplorerView, 'rejected'>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filterToQuery(view.filter))) {
    if (value !== undefined) params.set(key, String(value));
  }
  if (view.sort !== 'date_desc') params.set('sort', view.sort);
  if (view.mapRole !== null && view.mapRole !== defaultMapRole(view.filter))
    params.set('mapRole', view.mapRole);
  if (view.recordId !== null) params.set('record', String(view.recordId));
  return params;
}

/** The map follows the filter's role until the reader picks another one. */
export function defaultMapRole(filter: SeizureFilter): CountryRole {
  return filter.countryRole === 'any' ? 'seizure' : filter.countryRole;
}

/** Whether any filter narrows the search (an empty explorer shows everything the reader may see). */
export function hasFilters(filter: SeizureFilter): boolean {
  return Object.keys(filterToQuery(filter)).length > 0;
}
