/**
 * One seizure record in a drawer, the same wherever it is opened (the explorer, a report's page): its values, the
 * sharing answers and the Parties concerned, what the Party wrote, the cells corrected in review before submission
 * (ADR 0011), the kept versions with what each correction changed, who, when and why, and, when the record's
 * abilities allow, the correction form. A record the reader may not see is a 404 like a missing one: "not found".
 */
import { Alert, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeizureRecordView } from '../../../shared/seizure-record.contract.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SeizurePermits } from '../permits/seizure-permits.tsx';
import { RestrictedMarking } from '../../ui/restricted-banner.tsx';
import { RecordCorrectionForm } from './record-correction-form.tsx';
import { RecordFacts } from './record-facts.tsx';
import { RecordHistory } from './record-history.tsx';
import { RecordOriginal } from './record-original.tsx';
import { useRecordView, type RecordSource } from './record.queries.ts';

export interface RecordDrawerProps extends RecordSource {
  onClose: () => void;
}

export function RecordDrawer({ recordId, reportId, onClose }: RecordDrawerProps) {
  const { t } = useTranslation();
  const isSmallScreen = useMediaQuery('(max-width: 48em)') ?? false;
  const record = useRecordView({ recordId, reportId });
  const isNotFound = isApiError(record.error) && record.error.status === 404;

  return (
    <Drawer
      opened={recordId !== null}
      onClose={onClose}
      position="right"
      size={isSmallScreen ? '100%' : 'xl'}
      title={t('record.title', { id: recordId ?? '' })}
      closeButtonProps={{ 'aria-label': t('record.close') }}
      // The default scroll lock injects a <style> element (react-remove-scroll-bar), which our CSP refuses.
      removeScrollProps={{ removeScrollBar: false }}
    >
      {/* The drawer covers the page banner on phones: it carries the marking itself. */}
      <RestrictedMarking />
      {record.isPending && recordId !== null ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{t('record.loading')}</Text>
        </Group>
      ) : null}
      {isNotFound ? <Text data-testid="record-not-found">{t('record.notFound')}</Text> : null}
      {record.isError && !isNotFound ? (
        <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />
      ) : null}
      {record.data ? <RecordBody record={record.data} /> : null}
    </Drawer>
  );
}

function RecordBody({ record }: { record: SeizureRecordView }) {
  const { t } = useTranslation();
  // A correction refused as stale: the version it was made from, kept across the form's reset to the current one.
  const [staleFrom, setStaleFrom] = useState<number | null>(null);
  return (
    <Stack gap="lg" data-testid="record-drawer">
      {record.sourceRow !== null ? (
        <Text size="sm" c="dimmed">
          {t('record.sourceRow', { row: record.sourceRow })}
        </Text>
      ) : null}
      <RecordFacts record={record} />
      <SeizurePermits recordId={record.id} />
      <RecordOriginal record={record} />
      <RecordHistory record={record} />
      {/* Keyed by version: after a correction the form starts again from the values now in force. */}
      {staleFrom !== null && staleFrom !== record.version ? (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title={t('record.staleTitle')}
          data-testid="record-stale"
          withCloseButton
          onClose={() => setStaleFrom(null)}
        >
          {t('record.stale', { from: staleFrom, current: record.version })}
        </Alert>
      ) : null}
      {record.abilities.includes('correct') ? (
        <RecordCorrectionForm key={record.version} record={record} onStale={setStaleFrom} />
      ) : null}
    </Stack>
  );
}
