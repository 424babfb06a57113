/**
 * The one way the web app talks to the API: sends the interface language, sends the session's CSRF token on every
 * state-changing request, turns every kind of failure into an ApiError, validates every answer against the shared
 * zod contract before a component sees it, and tells the app when the session has ended (401) or when the terms
 * of use must be accepted first (403 `terms_not_accepted`).
 */
import { z } from 'zod';
import { CSRF_HEADER } from '../../shared/auth.contract.ts';
import { fieldErrorSchema } from '../../shared/problem.contract.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { csrfTokenForRequest, forgetCsrfToken } from './csrf.ts';

/**
 * RFC 9457 problem details as our server writes them (title and detail already in the request's language).
 * Looser than the shared problemSchema on purpose: a code this build does not know yet must still show its text.
 */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  field: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
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

  /** The stable problem code (`unauthenticated`, `validation_failed`…), when the server sent one. */
  get code(): string | null {
    return this.problem?.code ?? null;
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

/** What the app must do about a refusal that concerns the session rather than the request itself. */
export type AuthFailure = 'unauthenticated' | 'terms_not_accepted';
type AuthFailureListener = (failure: AuthFailure) => void;
let authFailureListener: AuthFailureListener | null = null;

/** Installs the one listener (the frame, which can navigate); returns a function that removes it. */
export function onAuthFailure(listener: AuthFailureListener): () => void {
  authFailureListener = listener;
  return () => {
    if (authFailureListener === listener) authFailureListener = null;
  };
}

export function reportAuthFailure(failure: AuthFailure): void {
  authFailureListener?.(failure);
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** Query parameters; null, undefined and empty strings are left out. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * Whether a 401 means "the session has ended" (true by default: the app then sends the person to sign-in).
   * Off for the session probe (401 just means "not signed in") and for the sign-in steps, where a 401 is the
   * answer to a wrong password or code and is shown on the form.
   */
  isSessionRequired?: boolean;
}

/** GET a JSON resource of the API and return it parsed by `schema`. */
export async function apiGet<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  options: RequestOptions = {},
): Promise<z.output<Schema>> {
  const response = await request('GET', path, undefined, options);
  return parseBody(response, schema);
}

/** POST a JSON body (CSRF token included) and return the answer parsed by `schema`. */
export async function apiPost<Schema extends z.ZodType>(
  path: string,
  body: unknown,
  schema: Schema,
  options: RequestOptions = {},
): Promise<z.output<Schema>> {
  const response = await request('POST', path, body, options);
  return parseBody(response, schema);
}

/** POST a JSON body whose answer carries nothing the page needs (204, or a 202 acknowledgement). */
export async function apiPostNoContent(path: string, body: unknown, options: RequestOptions = {}) {
  const response = await request('POST', path, body, options);
  await response.body?.cancel();
}

/** DELETE a resource (CSRF token included); the answer is 204. */
export async function apiDelete(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await request('DELETE', path, undefined, options);
  await response.body?.cancel();
}

type Method = 'GET' | 'POST' | 'DELETE';

async function request(
  method: Method,
  path: string,
  body: unknown,
  options: RequestOptions,
  isRetry = false,
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  const isStateChanging = method !== 'GET';
  let csrf: { token: string | null; isFresh: boolean } = { token: null, isFresh: true };
  if (isStateChanging) {
    csrf = await csrfTokenForRequest(options.signal);
    if (csrf.token !== null) headers[CSRF_HEADER] = csrf.token;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  const response = await send(withQuery(path, options.query), {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
    credentials: 'same-origin',
    signal: options.signal ?? null,
  });
  if (response.ok) return response;

  const error = await toApiError(response);
  // A token learnt before the session changed (signed in again in another tab) is refused: learn the current
  // one and try once more. A refused request changed nothing, so sending it again is safe.
  if (isStateChanging && !isRetry && !csrf.isFresh && error.status === 403 && error.code === 'forbidden') {
    forgetCsrfToken();
    return request(method, path, body, options, true);
  }
  if (error.status === 401 && options.isSessionRequired !== false) reportAuthFailure('unauthenticated');
  if (error.status === 403 && error.code === 'terms_not_accepted') reportAuthFailure('terms_not_accepted');
  throw error;
}

async function parseBody<Schema extends z.ZodType>(
  response: Response,
  schema: Schema,
): Promise<z.output<Schema>> {
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

export async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    // A cancelled request (the user typed on, or left the page) is not a failure to report.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('network', null, null, { cause });
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
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
