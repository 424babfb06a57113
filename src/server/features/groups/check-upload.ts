/**
 * What an uploaded file is decides whether it is kept, never what it is called: the type is detected from the
 * content (file-type's signatures; a file without one counts as text only when it is valid UTF-8 with no
 * control bytes), must be in the configured list, and the name's extension must be one the content has, so a
 * program renamed ".pdf" or a web page renamed ".png" is refused. Names are cleaned to letters, digits and a
 * few marks, so they are safe in headers, file systems and pages.
 */
import { fileTypeFromBuffer } from 'file-type';
import { ValidationError } from '../../errors.ts';

/** Extensions each detected type may carry besides file-type's own (".jpeg" for a JPEG…). */
const EXTRA_EXTENSIONS: Record<string, string[]> = {
  jpg: ['jpeg', 'jpe'],
  tif: ['tiff'],
  txt: ['csv', 'tsv', 'md', 'text'],
};

export interface CheckedUpload {
  name: string;
  mediaType: string;
}

export async function checkUpload(
  fileName: string,
  content: Buffer,
  limits: { maxBytes: number; allowedTypes: readonly string[] },
): Promise<CheckedUpload> {
  const refuse = (reason: string, params: Record<string, unknown> = {}) =>
    new ValidationError([{ field: 'file', reason, params }]);
  if (content.length === 0) throw refuse('file_empty');
  if (content.length > limits.maxBytes) throw refuse('file_too_large', { limit: limits.maxBytes });

  const detected = await detectType(content);
  if (!detected || !limits.allowedTypes.includes(detected.mime)) {
    throw refuse('file_type_not_allowed', {
      detected: detected?.mime ?? 'binary',
      allowed: limits.allowedTypes.join(', '),
    });
  }
  const name = cleanFileName(fileName);
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const accepted = [detected.ext, ...(EXTRA_EXTENSIONS[detected.ext] ?? [])];
  if (!accepted.includes(extension)) {
    throw refuse('file_extension_mismatch', { extension, detected: detected.mime, expected: detected.ext });
  }
  return { name, mediaType: detected.mime };
}

async function detectType(content: Buffer): Promise<{ mime: string; ext: string } | null> {
  const found = await fileTypeFromBuffer(content);
  if (found) return { mime: found.mime, ext: found.ext };
  return isPlainText(content) ? { mime: 'text/plain', ext: 'txt' } : null;
}

function isPlainText(content: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    // Tab, line feed, form feed and carriage return are the only control characters text needs.
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

/** A name safe everywhere: no path, no control or shell characters, at most 150 characters, extension kept. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/_+/g, '_')
    .replace(/^[. ]+|[. ]+$/g, '');
  if (cleaned.length <= 150) return cleaned || 'file';
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 11 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 150 - extension.length) + extension;
}
