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
      | 'step_up_required'
      | 'export_scope_required' = 'forbidden',
    params: Record<string, unknown> = {},
  ) {
    super(code, 403, params);
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
