/**
 * The summary of a refused form above its submit button. A validation refusal whose fields are all shown next to
 * the fields only says so; any other refusal (or a field the form does not show) is shown in full.
 */
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { ErrorAlert } from './error-alert.tsx';

export interface FormErrorProps {
  error: unknown;
  /** The fields the form shows next to their inputs (first part of the path). */
  fields: readonly string[];
}

export function FormError({ error, fields }: FormErrorProps) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const problem = isApiError(error) ? error.problem : null;
  const fieldErrors = problem?.errors ?? [];
  if (problem === null || problem.code !== 'validation_failed' || fieldErrors.length === 0) {
    return <ErrorAlert error={error} />;
  }
  const shownElsewhere = (field: string) =>
    fields.includes(field.replace(/^body\./, '').split('.', 1)[0] ?? '');
  const unplaced = fieldErrors.filter((fieldError) => !shownElsewhere(fieldError.field));
  return (
    <Alert color="red" variant="light" title={problem.title} role="alert">
      <Text size="sm">{t('form.correctMarked')}</Text>
      {unplaced.length > 0 ? (
        <List size="sm" mt="xs">
          {unplaced.map((fieldError) => (
            <List.Item key={`${fieldError.field}:${fieldError.message}`}>
              {fieldError.field}: {fieldError.message}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
