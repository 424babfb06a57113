/**
 * Fetching an export as a file: the answer is read whole into a Blob and handed to the browser as a download,
 * named as the server names it. A refusal arrives as the API's problem (step_up_required, export_scope_required…).
 */
import { send, toApiError } from '../../api/client.ts';

export async function downloadExport(url: string): Promise<{ exportId: string | null }> {
  const response = await send(url, { method: 'GET', credentials: 'same-origin' });
  if (!response.ok) throw await toApiError(response);
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'itd-export';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started its own copy; the object URL may go once it has.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return { exportId: response.headers.get('x-export-id') };
}
