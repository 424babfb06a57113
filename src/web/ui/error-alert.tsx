/**
 * Shows any failure in the reader's language: the server's own translated problem text when there is one,
 * otherwise our message for the kind of failure. Raw exception text is never shown.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError, isTransient } from '../api/client.ts';

export interface ErrorAlertProps {
  error: unknown;
  /** Offered as a "Try again" button when given, and only when trying again may help (see isTransient). */
  onRetry?: () => void;
}

export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const { title, message, field, requestId } = describeError(error, t);
  return (
    <Alert color="red" variant="light" title={title}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        {field ? (
          <Text size="sm" c="dimmed">
            {t('errors.field', { field })}
          </Text>
        ) : null}
        {requestId ? (
          <Text size="xs" c="dimmed">
            {t('errors.reference', { id: requestId })}
          </Text>
        ) : null}
        {onRetry && (isTransient(error) || !isApiError(error)) ? (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

interface ErrorDescription {
  title: string;
  message: string;
  field: string | null;
  requestId: string | null;
}

export function describeError(error: unknown, t: TFunction): ErrorDescription {
  const generic = { title: t('errors.title'), field: null, requestId: null };
  if (!isApiError(error)) return { ...generic, message: t('errors.unexpected') };
  switch (error.kind) {
    case 'problem': {
      const problem = error.problem;
      return {
        title: problem?.title ?? generic.title,
        message: problem?.detail ?? problem?.title ?? t('errors.http', { status: error.status ?? 0 }),
        field: problem?.field ?? null,
        requestId: problem?.requestId ?? null,
      };
    }
    case 'http':
      return { ...generic, message: t('errors.http', { status: error.status ?? 0 }) };
    case 'network':
      return { ...generic, message: t('errors.network') };
    case 'contract':
      return { ...generic, message: t('errors.contract') };
  }
}
