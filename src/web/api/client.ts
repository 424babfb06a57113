/**
 * The one way the web app talks to the API: sends the interface language, turns every kind of failure into an
 * ApiError, and validates every answer against the shared zod contract before a component sees it.
 */
import { z } from 'zod';
import { currentLanguage } from '../i18n/i18n.ts';

/** RFC 9457 problem details as our server writes them (title and detail already in the request's language). */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  field: z.string().optional(),
  /** Quoted to support staff, who find the request in the server log with it. */
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/**
 * - `problem`: the server refused with a problem document (its title and detail are shown as they are);
 * - `http`: an error status without a problem document (e.g. a proxy's 502 page);
 * - `network`: no answer at all (offline, server down, connection cut);
 * - `contract`: an answer that is not what the shared contract promises (never shown half-parsed).
 */
export type ApiErrorKind = 'problem' | 'http' | 'network' | 'contract';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number | null,
    readonly problem: Problem | null,
    options?: { cause?: unknown },
  ) {
    super(
      problem?.detail ?? problem?.title ?? `${kind} error${status === null ? '' : ` (${status})`}`,
      options,
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Whether asking again may give a different answer: yes for network failures, server errors (5xx) and rate
 * limits (429); no for refusals (4xx) and contract mismatches, which would fail the same way.
 */
export function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.kind === 'network') return true;
  if (error.kind === 'contract' || error.status === null) return false;
  return error.status >= 500 || error.status === 429;
}

type QueryValue = string | number | null | undefined;

export interface GetOptions {
  /** Query parameters; null, undefined and empty strings are left out. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/** GET a JSON resource of the API and return it parsed by `schema`. */
export async function apiGet<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  options: GetOptions = {},
): Promise<z.output<Schema>> {
  const response = await send(withQuery(path, options.query), {
    method: 'GET',
    headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
    credentials: 'same-origin',
    signal: options.signal ?? null,
  });
  if (!response.ok) throw await toApiError(response);

  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new ApiError('contract', response.status, null, { cause });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('contract', response.status, null, { cause: parsed.error });
  return parsed.data;
}

function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    // A cancelled request (the user typed on, or left the page) is not a failure to report.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('network', null, null, { cause });
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('application/problem+json')) {
    try {
      const parsed = problemSchema.safeParse(await response.json());
      if (parsed.success) return new ApiError('problem', response.status, parsed.data);
    } catch {
      // Unreadable problem document: fall through to the plain HTTP error.
    }
  }
  return new ApiError('http', response.status, null);
}
