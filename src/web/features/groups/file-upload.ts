/**
 * File uploads of the groups (POST /:groupId/files, multipart/form-data with one part named `file`). The shared
 * API client sends JSON only, so this does the same for a file: the interface language, the session's CSRF
 * token (asked again once after a stale-token refusal), the session-ended and terms signals, and the answer
 * checked against the shared contract.
 */
import { CSRF_HEADER } from '../../../shared/auth.contract.ts';
import { GROUPS_API, uploadedFileSchema, type UploadedFile } from '../../../shared/groups.contract.ts';
import { ApiError, reportAuthFailure, send, toApiError } from '../../api/client.ts';
import { csrfTokenForRequest, forgetCsrfToken } from '../../api/csrf.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

/**
 * The server's default limit per file (GROUP_FILE_MAX_BYTES); checked here only to spare a useless upload. The
 * server decides: a smaller configured limit is refused there with its own message.
 */
export const MAX_FILE_BYTES = 20 * 1_048_576;

export async function uploadGroupFile(groupId: string, file: File, isRetry = false): Promise<UploadedFile> {
  const csrf = await csrfTokenForRequest();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (csrf.token !== null) headers[CSRF_HEADER] = csrf.token;
  const form = new FormData();
  form.append('file', file, file.name);
  // No Content-Type of ours: the browser sets multipart/form-data with its boundary.
  const response = await send(`${GROUPS_API}/${encodeURIComponent(groupId)}/files`, {
    method: 'POST',
    headers,
    body: form,
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const error = await toApiError(response);
    if (!isRetry && !csrf.isFresh && error.status === 403 && error.code === 'forbidden') {
      forgetCsrfToken();
      return uploadGroupFile(groupId, file, true);
    }
    if (error.status === 401) reportAuthFailure('unauthenticated');
    if (error.status === 403 && error.code === 'terms_not_accepted') reportAuthFailure('terms_not_accepted');
    throw error;
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new ApiError('contract', response.status, null, { cause });
  }
  const parsed = uploadedFileSchema.safeParse(body);
  if (!parsed.success) throw new ApiError('contract', response.status, null, { cause: parsed.error });
  return parsed.data;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
