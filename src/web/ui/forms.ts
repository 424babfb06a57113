/**
 * Field errors of forms: those found before sending (checked against the shared zod contract, so the browser and
 * the server apply one rule) and those the server sent back in its problem document (`errors[]`), shown next to
 * the fields they concern until the person edits that field.
 */
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { isApiError } from '../api/client.ts';

/** Message by field path ('email', 'newOrganisation.name') and by the path's first part ('newOrganisation'). */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isApiError(error) || error.problem === null) return {};
  const problem = error.problem;
  const list =
    problem.errors ??
    (problem.field ? [{ field: problem.field, message: problem.detail ?? problem.title }] : []);
  const result: FieldErrors = {};
  for (const { field, message } of list) {
    const path = field.replace(/^body\./, '');
    result[path] ??= message;
    const first = path.split('.', 1)[0] ?? path;
    result[first] ??= message;
  }
  return result;
}

export type Validation<T> = { isValid: true; data: T } | { isValid: false; errors: FieldErrors };

/**
 * Checks values against a contract. `describe` words the message for a field, knowing whether it was left empty
 * (zod's own messages are English only).
 */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  values: Record<string, unknown>,
  describe: (field: string, isEmpty: boolean) => string,
): Validation<z.output<Schema>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { isValid: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const value = valueAt(values, issue.path);
    errors[path] ??= describe(path, isEmptyValue(value));
    const first = path.split('.', 1)[0] ?? path;
    errors[first] ??= errors[path];
  }
  return { isValid: false, errors };
}

function valueAt(values: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let current: unknown = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Client and server field errors of one form, merged; `edited` hides a server error once its field changes. */
export function useFormErrors(serverError: unknown) {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const serverErrors = useMemo(() => fieldErrorsOf(serverError), [serverError]);
  // A new answer from the server shows its errors on every field again.
  useEffect(() => setEdited(new Set()), [serverError]);

  return {
    errorOf: (field: string): string | undefined =>
      clientErrors[field] ?? (edited.has(field) ? undefined : serverErrors[field]),
    setClientErrors,
    /** Call from a field's onChange: its message goes away while the person corrects it. */
    markEdited: (field: string) => {
      if (clientErrors[field] !== undefined) {
        setClientErrors((previous) => ({ ...previous, [field]: undefined }));
      }
      if (serverErrors[field] !== undefined && !edited.has(field)) {
        setEdited((previous) => new Set(previous).add(field));
      }
    },
  };
}
