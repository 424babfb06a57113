/**
 * The answer a caller gets when the toolkit refuses to read its file, the same for every feature that reads
 * uploads: a file past a limit is a 413 (its inflated size) or a 422 (its content) naming the setting and its
 * value; a file that is not a table, is damaged or declares a DOCTYPE is a 400 on the field "file"; a read the
 * caller abandoned is a 400 too (nobody is left to see it, the log keeps it); a user or server with too many files
 * being read is a 429 or a 503.
 */
import { AppError, FileLimitError, ValidationError } from '../../errors.ts';
import { LIMIT_SETTINGS, ReadAbortedError, SpreadsheetLimitError } from './read-limits.ts';
import { ReadSlotsBusyError } from './read-slots.ts';
import { UnreadableFileError, type UnreadableReason } from './unreadable-file.ts';

const REASON_OF: Record<UnreadableReason, string> = {
  type: 'import_file_type',
  no_header: 'import_no_header',
  damaged: 'import_file_damaged',
  doctype: 'import_file_doctype',
};

/** The error to answer for one the toolkit threw, or the error itself when it is not the toolkit's. */
export function readRefusal(error: unknown): unknown {
  if (error instanceof SpreadsheetLimitError)
    return new FileLimitError(
      error.limit,
      LIMIT_SETTINGS[error.limit],
      error.value,
      error.limit === 'maxInflatedBytes' ? 413 : 422,
      error.row,
    );
  if (error instanceof UnreadableFileError)
    return new ValidationError([{ field: 'file', reason: REASON_OF[error.reason] }]);
  if (error instanceof ReadAbortedError)
    return new ValidationError([{ field: 'file', reason: 'upload_abandoned' }]);
  if (error instanceof ReadSlotsBusyError)
    return error.scope === 'user'
      ? new AppError('too_many_uploads', 429, { limit: error.limit })
      : new AppError('server_busy', 503, { limit: error.limit });
  return error;
}
