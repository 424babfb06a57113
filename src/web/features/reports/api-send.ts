/**
 * The two kinds of request the shared client does not make: PATCH with a JSON body, and a multipart upload that
 * reports its progress (XMLHttpRequest, since fetch cannot). Both send the session's CSRF token and the interface
 * language, turn refusals into ApiError and check the answer against the shared contract, as the client does.
 */
import type { z } from 'zod';
import { CSRF_HEADER } from '../../../shared/auth.contract.ts';
import { ApiError, problemSchema, reportAuthFailure, send, toApiError } from '../../api/client.ts';
import { csrfTokenForRequest } from '../../api/csrf.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

function parsed<Schema extends z.ZodType>(schema: Schema, body: unknown, status: number): z.output<Schema> {
  const result = schema.safeParse(body);
  if (!result.success) throw new ApiError('contract', status, null, { cause: result.error });
  return result.data;
}

function reportSessionFailures(error: ApiError): void {
  if (error.status === 401) reportAuthFailure('unauthenticated');
  if (error.status === 403 && error.code === 'terms_not_accepted') reportAuthFailure('terms_not_accepted');
}

export async function apiPatch<Schema extends z.ZodType>(
  path: string,
  body: unknown,
  schema: Schema,
): Promise<z.output<Schema>> {
  const { token } = await csrfTokenForRequest();
  const response = await send(path, {
    method: 'PATCH',
    headers: {
      Accept: 'application/json',
      'Accept-Language': currentLanguage(),
      'Content-Type': 'application/json',
      ...(token ? { [CSRF_HEADER]: token } : {}),
    },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const error = await toApiError(response);
    reportSessionFailures(error);
    throw error;
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new ApiError('contract', response.status, null, { cause });
  }
  return parsed(schema, json, response.status);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Sends a form with a file; `onProgress` receives the share of the body sent so far, from 0 to 1. */
export async function apiUpload<Schema extends z.ZodType>(
  path: string,
  form: FormData,
  schema: Schema,
  onProgress: (share: number) => void,
): Promise<z.output<Schema>> {
  const { token } = await csrfTokenForRequest();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('error', () => reject(new ApiError('network', null, null)));
    xhr.addEventListener('abort', () => reject(new ApiError('network', null, null)));
    xhr.addEventListener('load', () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(parsed(schema, body, xhr.status));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
        return;
      }
      const problem = problemSchema.safeParse(body);
      const error = problem.success
        ? new ApiError('problem', xhr.status, problem.data)
        : new ApiError('http', xhr.status, null);
      reportSessionFailures(error);
      reject(error);
    });
    xhr.send(form);
  });
}
