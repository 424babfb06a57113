/**
 * A refusal the page words itself (the server's generic text would not say what to do here), shown when the
 * error has the given HTTP status; any other error is shown as the form's usual summary.
 */
import { Alert } from '@mantine/core';
import { isApiError } from '../api/client.ts';
import { FormError } from './form-error.tsx';

export interface RefusalAlertProps {
  error: unknown;
  status: number;
  title: string;
  message: string;
  /** The fields the form shows next to their inputs, for the other errors. */
  fields: readonly string[];
}

export function RefusalAlert({ error, status, title, message, fields }: RefusalAlertProps) {
  if (isApiError(error) && error.status === status) {
    return (
      <Alert color="red" variant="light" role="alert" title={title}>
        {message}
      </Alert>
    );
  }
  return <FormError error={error} fields={fields} />;
}
