/**
 * The one handler that turns any error into an
 * application/problem+json answer in the caller's language (STYLE §9).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { pickLanguage, type Language } from '../../shared/languages.ts';
import type { ErrorCode, FieldError, Problem } from '../../shared/problem.contract.ts';
import { isConnectionLost } from '../db/connection-loss.ts';
import {
  AccountLockedError,
  AppError,
  FileLimitError,
  StaleVersionError,
  ThrottledError,
  ValidationError,
  type InvalidField,
} from '../errors.ts';
import { DETAILS, LIMIT_SUBJECTS, REASONS, TITLES, translate } from './messages.ts';

export function languageOf(request: FastifyRequest): Language {
  return pickLanguage(request.headers['accept-language']);
}

/** A schema validation issue (fastify-type-provider-zod's shape of a zod issue) as an InvalidField. */
function zodIssueToField(
  issue: { keyword?: string; instancePath?: string; message?: string; params?: Record<string, unknown> },
  part: string,
): InvalidField {
  const params = { ...(issue.params ?? {}) };
  const path = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  let reason = issue.keyword && issue.keyword in REASONS ? issue.keyword : 'invalid';
  if (reason === 'invalid_type' && /received undefined/.test(issue.message ?? '')) reason = 'required';
  if (Array.isArray(params.values)) params.values = params.values.join(', ');
  return { field: path || part, reason, params };
}

/** SQLSTATEs of class 22 (data exception) and 54000 (a value too large to index): a value, not our code, failed. */
function isInvalidInputForDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code === '54000');
}

/** The sentence a ValidationError's problem carries as its detail; the command line prints the same. */
export function validationDetail(error: ValidationError, language: Language): string {
  const first = error.fields[0];
  return translate(DETAILS, 'validation_failed', language, {
    field: first?.field ?? '',
    reason: first ? translate(REASONS, first.reason, language, first.params ?? {}) : '',
  });
}

export function problemFor(error: unknown, request: FastifyRequest): Problem {
  const language = languageOf(request);
  const requestId = String(request.id);
  const build = (
    code: ErrorCode,
    status: number,
    params: Record<string, unknown>,
    errors?: FieldError[],
  ): Problem => ({
    type: `urn:itd-platform:problem:${code}`,
    title: TITLES[code][language],
    status,
    code,
    detail: translate(DETAILS, code, language, { requestId, ...params }),
    ...(errors && errors.length > 0 ? { field: errors[0]!.field, errors } : {}),
    requestId,
  });
  const fieldErrors = (fields: InvalidField[]): FieldError[] =>
    fields.map((f) => ({
      field: f.field,
      ...(f.row !== undefined ? { row: f.row } : {}),
      message: translate(REASONS, f.reason, language, f.params ?? {}),
    }));

  /** A whole part of the request (its body, its address) is not valid: one field error naming the part. */
  const invalid = (field: string): Problem => {
    const reason = translate(REASONS, 'invalid', language);
    return build('validation_failed', 400, { field, reason }, [{ field, message: reason }]);
  };

  if (error instanceof ValidationError) {
    const errors = fieldErrors(error.fields);
    return build(
      'validation_failed',
      400,
      { field: errors[0]?.field ?? '', reason: errors[0]?.message ?? '' },
      errors,
    );
  }
  if (error instanceof AccountLockedError)
    return { ...build(error.code, error.status, error.params), lockedUntil: error.lockedUntil.toISOString() };
  if (error instanceof StaleVersionError)
    return { ...build(error.code, error.status, error.params), currentVersion: error.currentVersion };
  if (error instanceof FileLimitError) {
    const what = translate(LIMIT_SUBJECTS, error.subject, language);
    const params = { what, value: error.value, setting: error.setting };
    const message = translate(REASONS, 'file_limit', language, params);
    return build(error.code, error.status, params, [
      { field: 'file', ...(error.row !== undefined ? { row: error.row } : {}), message },
    ]);
  }
  if (error instanceof AppError) return build(error.code, error.status, error.params);
  // The database connection went away under the request (restart, failover, terminated backend): its transaction
  // never committed, so "try again" is true, and a 500 with a stack would not be.
  if (isConnectionLost(error)) return build('service_unavailable', 503, {});
  // Input the database refused as a value (out of range, text it cannot hold, a malformed literal): the caller's
  // input reached a query unchecked. It is still the caller's error; the log keeps it at warn to find the gap.
  if (isInvalidInputForDatabase(error)) return invalid('input');
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = fastifyError.validationContext ?? 'body';
    const errors = fieldErrors(error.validation.map((issue) => zodIssueToField(issue, part)));
    return build(
      'validation_failed',
      400,
      { field: errors[0]?.field ?? part, reason: errors[0]?.message ?? '' },
      errors,
    );
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return build('payload_too_large', 413, { limit: request.routeOptions.bodyLimit ?? '' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return build('unsupported_media_type', 415, {});
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalid('body');
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return invalid('url');
    default:
      if (fastifyError.statusCode === 429) return build('rate_limited', 429, { seconds: 60 });
      return build('internal_error', 500, {});
  }
}

/** What a 503 asks the client to wait: a restarted or failed-over database takes a few seconds to accept again. */
const RETRY_AFTER_SECONDS = 5;

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = problemFor(error, request);
    if (problem.status === 400 && isInvalidInputForDatabase(error)) {
      request.log.warn({ err: error }, 'input refused by the database');
    }
    if (error instanceof ThrottledError) void reply.header('retry-after', String(error.retryAfterSeconds));
    if (problem.status === 503) {
      request.log.warn({ err: error }, 'request answered 503');
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code }, 'request refused');
    return sendProblem(reply, problem);
  });
}
