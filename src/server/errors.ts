/**
 * The few error classes services throw. The HTTP layer maps each to a status and a translated
 * problem+json answer in one handler (http/errors.ts), so services never speak HTTP.
 */
import type { ErrorCode } from '../shared/problem.contract.ts';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/** Missing, or not visible to the caller: the two are one answer, so a 404 never confirms existence. */
export class NotFoundError extends AppError {
  constructor() {
    super('not_found', 404);
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super('unauthenticated', 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(
    code:
      | 'forbidden'
      | 'terms_not_accepted'
      | 'password_change_required'
      | 'security_key_required'
      | 'step_up_required'
      | 'export_scope_required' = 'forbidden',
    params: Record<string, unknown> = {},
  ) {
    super(code, 403, params);
  }
}

/** A sign-in refused because the account is hard-locked; says until when, never whether the password was right. */
export class AccountLockedError extends AppError {
  constructor(readonly lockedUntil: Date) {
    super('account_locked', 423, { until: lockedUntil.toISOString().slice(0, 16).replace('T', ' ') });
  }
}

/** Too many failed attempts: wait the given seconds (the answer carries Retry-After). */
export class ThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 429, { seconds: retryAfterSeconds });
  }
}

/** A change made from a version that is no longer the current one (optimistic concurrency). */
export class StaleVersionError extends AppError {
  constructor(readonly currentVersion: number) {
    super('stale_version', 409, { currentVersion });
  }
}

/** A reason key of REASONS plus its parameters, for one field (and row). */
export interface InvalidField {
  field: string;
  row?: number;
  reason: string;
  params?: Record<string, unknown>;
}

export class ValidationError extends AppError {
  constructor(readonly fields: InvalidField[]) {
    super('validation_failed', 400);
  }
}

/**
 * An uploaded file goes past one of the reading limits (a setting): 413 for its size, 422 for its content. The
 * subject is the limit's key in the messages' LIMIT_SUBJECTS; `row` when the reader knows where.
 */
export class FileLimitError extends AppError {
  constructor(
    readonly subject: string,
    readonly setting: string,
    readonly value: number,
    status: 413 | 422,
    readonly row?: number,
  ) {
    super('file_limit_exceeded', status, { setting, value });
  }
}
